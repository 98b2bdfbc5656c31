import EHCPAuditTestSupport
import Testing

@testable import EHCPAuditFormats

struct ByteReaderTests {
    @Test(arguments: [("", 0), ("a", 1), ("a\n", 1), ("a\nb", 2), ("\n\n", 2), ("plan_id\nP1\nP2\n", 3)])
    func linesAreCountedWithoutMovingTheReader(_ text: String, _ lines: Int) throws {
        let inMemory = ByteReader(bytes: Array(text.utf8))
        #expect(inMemory.lineCount() == lines)
        let file = try ByteReader(path: try temporaryFile("l.txt", text))
        #expect(file.lineCount() == lines)
        #expect(file.next() == text.utf8.first)
    }

    @Test func linesAcrossChunksAreCountedOnce() throws {
        let line = String(repeating: "x", count: 99) + "\n"
        let count = 3 * ByteReader.chunkSize / line.utf8.count + 7
        let file = try ByteReader(path: try temporaryFile("many.txt", String(repeating: line, count: count) + "tail"))
        #expect(file.lineCount() == count + 1)
    }
}
