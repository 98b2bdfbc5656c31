import Testing

@testable import EHCPAuditDocuments

struct XMLPartParserTests {
    func word(_ xml: String) throws -> [UInt8] { try zipArchive([("word/document.xml", Array(xml.utf8))]) }

    let doctype = XMLPartParser.doctypeRefusal

    @Test func externalEntitiesAreRefused() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <w:document xmlns:w="\(wordNamespace)"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
            """
        #expect(refusal(try word(xxe), "plan.docx") == doctype)
        let external = "<!DOCTYPE office:document-content SYSTEM \"http://example.invalid/x.dtd\"><a/>"
        #expect(refusal(try zipArchive([("content.xml", Array(external.utf8))]), "plan.odt") == doctype)
    }

    @Test func billionLaughsIsRefused() throws {
        var entities = "<!ENTITY lol \"lol\">"
        for i in 1...9 {
            entities +=
                "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">"
        }
        let xml =
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [\(entities)]><w:document xmlns:w=\"\(wordNamespace)\">&lol9;</w:document>"
        #expect(refusal(try word(xml), "plan.docx") == doctype)
    }

    @Test func aDoctypeAfterALongPrologIsRefused() throws {
        let comments = String(repeating: "<!-- padding -->\n", count: 10_000)
        let xml = "\u{FEFF}<?xml version=\"1.0\"?>\n\(comments)<?pi x?><!DOCTYPE a><a/>"
        #expect(refusal(try word(xml), "plan.docx") == doctype)
    }

    @Test func anUndeclaredEntityIsNotWellFormed() throws {
        #expect(
            refusal(try docx("<w:p><w:r><w:t>&name;</w:t></w:r></w:p>"), "plan.docx")
                == "word/document.xml is not well-formed XML (line 2): the document is damaged; save it again")
    }

    @Test func invalidUTF8InThePartIsRefused() throws {
        let bad = Array(wordXML("<w:p><w:r><w:t>cafX</w:t></w:r></w:p>").utf8).map {
            $0 == UInt8(ascii: "X") ? 0xE9 : $0
        }
        #expect(
            refusal(try zipArchive([("word/document.xml", bad)]), "plan.docx")
                == "word/document.xml is not valid UTF-8 text (line 2): the document is damaged; save it again from Word"
        )
    }

    @Test func malformedXMLIsRefusedWithItsLineOnly() throws {
        let message = refusal(try docx("<w:p><w:r><w:t>Jane Smith</w:r></w:p>"), "plan.docx")
        #expect(message == "word/document.xml is not well-formed XML (line 2): the document is damaged; save it again")
        #expect(
            refusal(try zipArchive([("word/document.xml", [])]), "plan.docx")
                == "word/document.xml is empty: the document is damaged")
    }
}
