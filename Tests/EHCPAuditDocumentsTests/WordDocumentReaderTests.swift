import EHCPAudit
import Testing

@testable import EHCPAuditDocuments

struct WordDocumentReaderTests {
    @Test func runsAreJoinedWithTabsAsSpacesAndBreaksAsLines() throws {
        let body = """
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Speech and lang</w:t></w:r><w:r><w:t>uage therapy</w:t></w:r>\
            <w:r><w:tab/><w:t>weekly</w:t><w:br/><w:t>30 minutes</w:t><w:cr/><w:t>by a SaLT</w:t></w:r></w:p>
            """
        let read = try read(docx(body), "plan.docx")
        #expect(read.texts == ["Speech and language therapy weekly\n30 minutes\nby a SaLT"])
        #expect(read.kinds == [.paragraph])
    }

    @Test func insertedTextCountsAndDeletedTextDoesNot() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Weekly </w:t></w:r>\
            <w:ins w:id="1" w:author="A"><w:r><w:t>one-to-one</w:t></w:r></w:ins>\
            <w:del w:id="2" w:author="A"><w:r><w:delText>regular</w:delText></w:r></w:del>\
            <w:r><w:delText>as needed</w:delText><w:instrText> PAGE </w:instrText><w:t xml:space="preserve"> tuition</w:t></w:r></w:p>
            """
        #expect(try read(docx(body), "plan.docx").texts == ["Weekly one-to-one tuition"])
    }

    @Test func listParagraphsByNumberingOrStyle() throws {
        let body =
            para("numbered", "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr>")
            + para("bullet style", "<w:pStyle w:val=\"ListBullet\"/>")
            + para("list paragraph", "<w:pStyle w:val=\"ListParagraph\"/>")
            + para("numbering removed", "<w:numPr><w:numId w:val=\"0\"/></w:numPr>")
            + para("plain", "<w:pStyle w:val=\"Normal\"/>")
        let read = try read(docx(body), "plan.docx")
        #expect(read.kinds == [.listItem, .listItem, .listItem, .paragraph, .paragraph])
    }

    @Test func headingsByStyle() throws {
        let body =
            para("Education, Health and Care Plan", "<w:pStyle w:val=\"Title\"/>")
            + para("Section A", "<w:pStyle w:val=\"Heading1\"/>")
            + para("Section F", "<w:pStyle w:val=\"heading 2\"/><w:numPr><w:numId w:val=\"4\"/></w:numPr>")
            + para("Deep", "<w:pStyle w:val=\"Heading6\"/>")
            + para("Too deep", "<w:pStyle w:val=\"Heading7\"/>")
            + para("Not a heading", "<w:pStyle w:val=\"HeadingText\"/>")
        let read = try read(docx(body), "plan.docx")
        #expect(read.kinds == [.heading, .heading, .heading, .heading, .paragraph, .paragraph])
    }

    @Test func changedPropertiesAndTabStopsAreNotTheParagraphs() throws {
        let body = """
            <w:p><w:pPr><w:pStyle w:val="Normal"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs>\
            <w:pPrChange w:id="1"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange></w:pPr>\
            <w:r><w:t>Outcomes</w:t></w:r></w:p>
            """
        let read = try read(docx(body), "plan.docx")
        #expect(read.kinds == [.paragraph])
        #expect(read.texts == ["Outcomes"])
    }

    @Test func emptyParagraphsMakeNoBlock() throws {
        let body = "<w:p/>" + para("  ") + "<w:p><w:pPr/><w:r><w:tab/></w:r></w:p>" + para("Section B") + "<w:p></w:p>"
        #expect(try read(docx(body), "plan.docx").texts == ["Section B"])
    }

    @Test func tableRowsAreBlocksWithTheFirstRowMarked() throws {
        let body =
            para("Section F")
            + wordTable([["Need", "Provision"], ["Speech", "Weekly SaLT"], ["", ""], ["Reading", "Daily"]])
            + para("After")
        let read = try read(docx(body), "plan.docx")
        #expect(read.kinds == [.paragraph, .tableRow, .tableRow, .tableRow, .paragraph])
        #expect(read.texts == ["Section F", "Need | Provision", "Speech | Weekly SaLT", "Reading | Daily", "After"])
        #expect(read.firstRows == [false, true, false, false, false])
    }

    @Test func paragraphsInACellAreLinesOfIt() throws {
        let cell = "<w:p><w:r><w:t>First</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>Second</w:t></w:r></w:p>"
        let read = try read(docx(wordTable([["Outcome", cell]])), "plan.docx")
        #expect(read.texts == ["Outcome | First\nSecond"])
    }

    @Test func repeatedHeaderRowsAreFirstRows() throws {
        let body = """
            <w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>\(para("Need"))</w:tc></w:tr>\
            <w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>\(para("Sub-heading"))</w:tc></w:tr>\
            <w:tr><w:trPr><w:tblHeader w:val="0"/></w:trPr><w:tc>\(para("Item"))</w:tc></w:tr></w:tbl>
            """
        #expect(try read(docx(body), "plan.docx").firstRows == [true, true, false])
    }

    @Test func nestedTablesAreFlattenedIntoTheirCell() throws {
        let inner = wordTable([["a", "b"], ["c", "d"]])
        let body = wordTable([["Provision", "Detail"], ["SaLT", para("Weekly") + inner]])
        let read = try read(docx(body), "plan.docx")
        #expect(read.texts == ["Provision | Detail", "SaLT | Weekly\na | b\nc | d"])
        #expect(read.firstRows == [true, false])
    }

    @Test func textBoxesAreLinesOfTheirParagraphAndFallbacksAreSkipped() throws {
        let box = "<w:txbxContent>\(para("In the box"))</w:txbxContent>"
        let body = """
            <w:p><w:r><w:t>Before</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">\
            <w:drawing>\(box)</w:drawing></mc:Choice><mc:Fallback><w:pict>\(box)</w:pict></mc:Fallback>\
            </mc:AlternateContent></w:r><w:r><w:t>after</w:t></w:r></w:p>
            """
        #expect(try read(docx(body), "plan.docx").texts == ["Before\nIn the box\nafter"])
    }

    @Test func otherNamespacesAndFieldsAreNotText() throws {
        let body = """
            <w:p xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:r><w:t>Kept</w:t></w:r>\
            <a:p><a:t>drawing text</a:t></a:p></w:p><w:sectPr><w:pgSz w:w="11906"/></w:sectPr>
            """
        #expect(try read(docx(body), "plan.docx").texts == ["Kept"])
    }

    @Test func entitiesAndCharacterReferencesAreDecoded() throws {
        #expect(
            try read(docx(para("Tom &amp; Jerry &#8211; &lt;1:1&gt;")), "plan.docx").texts == ["Tom & Jerry – <1:1>"])
    }

    @Test func strictOpenXMLIsRead() throws {
        let xml = """
            <w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>\
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Section A</w:t></w:r></w:p></w:body></w:document>
            """
        let read = try read(zipArchive([("word/document.xml", Array(xml.utf8))]), "plan.docx")
        #expect(read.kinds == [.heading] && read.texts == ["Section A"])
    }

    @Test func aPackageWithoutTheDocumentPartIsNotAWordDocument() throws {
        let bytes = try zipArchive([("word/styles.xml", Array("<w:styles/>".utf8))])
        #expect(
            refusal(bytes, "plan.docx")
                == "not a Word document: the archive has no word/document.xml; open it in Word and save it as .docx")
    }
}
