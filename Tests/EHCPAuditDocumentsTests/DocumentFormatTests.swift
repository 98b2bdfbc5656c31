import Testing

@testable import EHCPAuditDocuments

struct DocumentFormatTests {
    let pdf = Array("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8)
    let ole = Signature.ole + [UInt8](repeating: 0, count: 504)

    @Test func aPDFIsRefusedWhateverItIsCalled() {
        let message = "a PDF cannot be checked: open it in Word and save it as .docx"
        #expect(refusal(pdf, "plan.pdf") == message)
        #expect(refusal(pdf, "plan.docx") == message)
        #expect(refusal(pdf, "plan.txt") == message)
        #expect(refusal(Array("not really a PDF".utf8), "Plan.PDF") == message)
    }

    @Test func anOldWordFileIsRefused() {
        let message = "an old Word .doc file cannot be read: save it as .docx"
        #expect(refusal(ole, "plan.doc") == message)
        #expect(refusal(ole, "plan.docx") == message)
        #expect(refusal(Array("text".utf8), "plan.DOC") == message)
    }

    @Test func anEncryptedWordFileIsRefused() {
        let utf16: (String) -> [UInt8] = { Array($0.utf8).flatMap { [$0, 0] } }
        let directory = utf16("EncryptionInfo") + utf16("EncryptedPackage")
        let encrypted = ole + directory + [UInt8](repeating: 0, count: 64)
        #expect(
            refusal(encrypted, "plan.docx")
                == "this document is password-protected (encrypted): save a copy without a password as .docx")
        #expect(refusal(encrypted, "plan.doc") == "an old Word .doc file cannot be read: save it as .docx")
    }

    @Test func aDocxThatIsNotAZIPIsRefused() {
        #expect(
            refusal(Array("{\\rtf1\\ansi Plan}".utf8), "plan.docx")
                == "this is not a Word .docx file (it is an RTF file): open it in Word and save it as .docx")
        #expect(
            refusal(Array("<html><body>Plan</body></html>".utf8), "plan.odt")
                == "this is not an OpenDocument .odt file: open it in Word and save it as .docx")
    }

    @Test func otherExtensionsAreRefusedWithWhatToDo() {
        let text = Array("Section A".utf8)
        #expect(refusal(text, "plan.rtf") == "a .rtf file cannot be read: save it as .docx (or .odt, .md or .txt)")
        #expect(
            refusal(text, "folder.v2/plan.pages")
                == "a .pages file cannot be read: save it as .docx (or .odt, .md or .txt)")
        #expect(
            refusal(text, "plan") == "the file name has no extension: save the plan as .docx (or .odt, .md or .txt)")
        #expect(
            refusal(text, "folder.v2/plan")
                == "the file name has no extension: save the plan as .docx (or .odt, .md or .txt)")
    }

    @Test func theExtensionChoosesTheFormatInAnyCase() throws {
        let bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        #expect(try DocumentFormat.of(fileName: "a.MD", bytes: bytes) == .markdown)
        #expect(try DocumentFormat.of(fileName: "a.Txt", bytes: bytes) == .text)
        let formats = try Signature.zip.withUnsafeBufferPointer { (zip) throws(PlanDocumentError) in
            [
                try DocumentFormat.of(fileName: "A.DOCX", bytes: zip),
                try DocumentFormat.of(fileName: "a.odt", bytes: zip),
            ]
        }
        #expect(formats == [.docx, .odt])
    }
}
