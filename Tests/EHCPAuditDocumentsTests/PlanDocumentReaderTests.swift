import EHCPAudit
import Foundation
import Testing

@testable import EHCPAuditDocuments

struct PlanDocumentReaderTests {
    @Test func aFileIsReadByItsPath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID()).docx").path
        try Data(docx(para("Section A", "<w:pStyle w:val=\"Heading1\"/>"))).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let document = try PlanDocumentReader.read(path: path)
        #expect(document == PlanDocument(blocks: [.init(kind: .heading, text: "Section A")]))
        #expect(
            throws: PlanDocumentError(
                file: "missing.docx", message: "cannot read the file: it does not exist or is not readable")
        ) {
            try PlanDocumentReader.read(path: "missing.docx")
        }
    }

    @Test func aDocumentOverTheSizeBoundIsRefusedUnread() throws {
        let message =
            "the document is larger than 20 MiB, the most that can be checked: save it without images, or as .docx "
            + "with pictures compressed"
        #expect(refusal([UInt8](repeating: 0x41, count: 20 * 1024 * 1024 + 1), "plan.txt") == message)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID()).txt").path
        try Data(repeating: 0x41, count: 64).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var small = DocumentLimits()
        small.documentBytes = 63
        #expect(
            throws: PlanDocumentError(file: path, message: message.replacingOccurrences(of: "20 MiB", with: "63 bytes"))
        ) {
            try PlanDocumentReader.read(path: path, limits: small)
        }
        small.documentBytes = 64
        #expect(try PlanDocumentReader.read(path: path, limits: small).blocks.count == 1)
    }

    @Test func moreThanTheMostBlocksIsRefused() throws {
        let message =
            "the document has more than 100,000 blocks (headings, paragraphs, list items and table rows), the most that "
            + "can be checked: split it or check it by hand"
        let paragraphs = String(repeating: "<w:p><w:r><w:t>x</w:t></w:r></w:p>", count: 100_000)
        #expect(try read(docx(paragraphs), "plan.docx").blocks.count == 100_000)
        #expect(refusal(try docx(paragraphs + para("one more")), "plan.docx") == message)
        let lines = String(repeating: "- x\n", count: 100_001)
        #expect(refusal(Array(lines.utf8), "plan.md") == message)
        #expect(refusal(Array(lines.utf8), "plan.txt") == message)
        let rows = String(
            repeating: "<table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>",
            count: 11)
        var small = DocumentLimits()
        small.blocks = 10
        #expect(
            refusal(try odt("<table:table>\(rows)</table:table>"), "plan.odt", limits: small)?.hasPrefix(
                "the document has more than 10 blocks") == true)
    }

    @Test func tablesNestedMoreThanEightDeepAreRefused() throws {
        func nested(_ depth: Int) -> String {
            (1...depth).reversed().reduce(para("core")) { inner, level in wordTable([["level \(level)", inner]]) }
        }
        #expect(
            try read(docx(nested(8)), "plan.docx").texts == [
                "level 1 | level 2 | level 3 | level 4 | level 5 | level 6 | level 7 | level 8 | core"
            ])
        let message =
            "tables are nested more than 8 deep, the most that can be read: the document is damaged or built to exhaust the reader"
        #expect(refusal(try docx(nested(9)), "plan.docx") == message)
        let cell = { (inner: String) in
            "<table:table><table:table-row><table:table-cell>\(inner)</table:table-cell></table:table-row></table:table>"
        }
        let odt9 = (1...9).reduce("<text:p>core</text:p>") { inner, _ in cell(inner) }
        #expect(refusal(try odt(odt9), "plan.odt") == message)
    }

    @Test func refusalsNeverQuoteTheDocument() throws {
        let secret = "Jane Smith born 01/02/2015"
        var small = DocumentLimits()
        small.blocks = 1
        small.xmlBytes = 2048
        let cases: [([UInt8], String)] = [
            (try docx(para(secret) + "<w:p><w:r><w:t>\(secret)</w:r></w:p>"), "a.docx"),
            (try docx(para(secret) + para(secret)), "b.docx"),
            (try docx(para(secret) + "<w:p><w:r><w:t>&\(secret.prefix(4));</w:t></w:r></w:p>"), "c.docx"),
            (try docx(String(repeating: para(secret), count: 40)), "d.docx"),
            (Array("\(secret)\n\(secret)\n".utf8), "e.txt"),
            (Array(secret.utf8) + [0xFF], "f.md"),
            (try odt("<text:p>\(secret)</text:p><text:p>\(secret)"), "g.odt"),
            (try zipArchive([("word/document.xml", Array("<!DOCTYPE \(secret)>".utf8))]), "h.docx"),
        ]
        for (bytes, name) in cases {
            let message = refusal(bytes, name, limits: small)
            #expect(message != nil, "\(name)")
            for word in ["Jane", "Smith", "2015"] {
                #expect(message?.contains(word) == false, "\(name): \(message ?? "")")
            }
        }
    }
}
