import EHCPAudit
import EHCPAuditTestSupport
import Testing

@testable import EHCPAuditFormats

/// A minimal record as one line of JSON; `extra` is spliced in before the closing brace.
func recordJSON(_ id: String, extra: String = "") -> String {
    #"""
    {"auditId":"\#(id)","planId":"P1","framework":{"id":"mini","version":"1"},"auditor":"a-1",\#
    "auditDate":"2025-06-12","kind":"routine","status":"final","judgements":[{"criterion":"A1",\#
    "rating":"good"}]\#(extra)}
    """#
}

struct JSONRecordSourceTests {
    func entries(_ name: String, _ text: String) throws -> [RecordEntry] {
        let source = try JSONRecordSource(path: try temporaryFile(name, text), displayName: name)
        var entries: [RecordEntry] = []
        while let entry = try source.next() { entries.append(entry) }
        return entries
    }

    @Test func readsAnArrayElementByElementWithPathsAndLines() throws {
        let text = "[\n" + recordJSON("R1") + ",\n\n" + recordJSON("R2") + "\n,\n" + recordJSON("R3") + "\n]\n"
        let read = try entries("a.json", text)
        #expect(read.map(\.record?.auditId) == ["R1", "R2", "R3"])
        #expect(read.map(\.root) == ["$[0]", "$[1]", "$[2]"])
        #expect(read.map(\.line) == [2, 4, 6])
        #expect(read.allSatisfy { $0.diagnostics.isEmpty })
    }

    @Test func readsASingleObject() throws {
        let read = try entries("one.json", "\n\n" + recordJSON("R1") + "\n")
        #expect(read.count == 1)
        #expect(read[0].root == "$" && read[0].line == 3 && read[0].record?.auditId == "R1")
    }

    @Test func anEmptyArrayHoldsNoRecords() throws {
        #expect(try entries("none.json", " [ ] ").isEmpty)
    }

    @Test func readsJSONLinesSkippingBlankLines() throws {
        let read = try entries("a.jsonl", recordJSON("R1") + "\n\n  \n" + recordJSON("R2") + "\r\n" + recordJSON("R3"))
        #expect(read.map(\.record?.auditId) == ["R1", "R2", "R3"])
        #expect(read.map(\.line) == [1, 4, 5])
        #expect(read.map(\.index) == [1, 2, 3])
    }

    @Test func aBrokenLineIsReportedAndReadingGoesOn() throws {
        let read = try entries("b.ndjson", recordJSON("R1") + "\n{\"auditId\": \n" + recordJSON("R3") + "\n")
        #expect(read.count == 3)
        #expect(read[1].record == nil)
        #expect(
            read[1].diagnostics.map(\.description) == [
                "b.ndjson:2: error: record #2: invalid JSON: unexpected end of input, expected a value"
            ])
        #expect(read[2].record?.auditId == "R3")
    }

    @Test func aBrokenArrayElementIsReportedAndReadingGoesOn() throws {
        let read = try entries(
            "c.json", "[" + recordJSON("R1") + ",\n{\"auditId\": \"R2\" \"planId\": 1},\n" + recordJSON("R3") + "]")
        #expect(read.map(\.record?.auditId) == ["R1", nil, "R3"])
        #expect(read[1].diagnostics.first?.line == 2)
    }

    @Test(arguments: [
        ("", "the file is empty"),
        ("[" + recordJSON("R1") + " " + recordJSON("R2") + "]", "expected ',' or ']'"),
        ("[" + recordJSON("R1") + ",", "unexpected end of file inside record #2"),
        ("[" + recordJSON("R1") + ",]", "expected record #2"),
        ("[" + recordJSON("R1"), "not closed"),
        ("[" + recordJSON("R1") + "] []", "after the closing ']'"),
        ("[{\"auditId\": \"R1\"", "unexpected end of file inside record #1"),
    ])
    func aBrokenOuterStructureStopsTheFile(_ text: String, _ expected: String) throws {
        #expect {
            _ = try entries("d.json", text)
        } throws: { error in
            (error as? Diagnostic)?.message.contains(expected) == true
        }
    }

    @Test func aMissingFileIsNamed() {
        #expect {
            _ = try JSONRecordSource(path: "/nonexistent/audits.json")
        } throws: { error in
            (error as? Diagnostic)?.description.hasPrefix("/nonexistent/audits.json: error: cannot open file") == true
        }
    }

    @Test func readsAcrossChunkBoundaries() throws {
        // More than two 1 MiB chunks, with records split across the boundaries.
        let count = 12_000
        let text =
            "[\n"
            + (1...count).map { recordJSON("R\($0)", extra: #","plan":{"team":"T-\#($0)"}"#) }.joined(separator: ",\n")
            + "\n]"
        #expect(text.utf8.count > 2 * ByteReader.chunkSize)
        let read = try entries("big.json", text)
        #expect(read.count == count)
        #expect(read.last?.record?.auditId == "R\(count)")
        #expect(read.last?.line == count + 1)
        #expect(read.allSatisfy { $0.diagnostics.isEmpty })
    }
}
