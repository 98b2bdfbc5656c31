import EHCPAudit
import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditFormats

/// Regressions from the adversarial review (issue 13): each input here was once accepted
/// wrongly, crashed, or cost memory or time out of proportion.
struct HostileInputTests {
    func entries(_ name: String, _ bytes: [UInt8]) throws -> [RecordEntry] {
        let source = JSONRecordSource(bytes: bytes, name: name)
        var entries: [RecordEntry] = []
        while let entry = try source.next() { entries.append(entry) }
        return entries
    }

    func messages(_ entries: [RecordEntry]) -> [String] { entries.flatMap(\.diagnostics).map(\.message) }

    @Test func invalidUTF8IsRefusedNotReplaced() throws {
        var bytes = Array(recordJSON("R1").utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "R"))!
        bytes.insert(0xFF, at: at + 1)
        let read = try entries("bad.jsonl", bytes)
        #expect(read.count == 1 && read[0].record == nil)
        #expect(messages(read) == ["invalid JSON: the text is not valid UTF-8 (save the file as UTF-8)"])
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try entries("a.json", bom + Array(recordJSON("R1").utf8)).map(\.record?.auditId) == ["R1"])
        #expect(
            try entries("a.jsonl", bom + Array((recordJSON("R1") + "\n" + recordJSON("R2")).utf8)).map(
                \.record?.auditId) == ["R1", "R2"])
        // Half a mark is no mark: the record is read and refused, never silently dropped.
        let half = try entries("a.jsonl", [0xEF, 0xBB] + Array(recordJSON("R1").utf8))
        #expect(half.count == 1 && half[0].record == nil && !half[0].diagnostics.isEmpty)
        let byte = try entries("a.json", [0xEF] + Array(recordJSON("R1").utf8))
        #expect(byte.count == 1 && byte[0].record == nil)
        #expect(messages(byte) == ["invalid JSON: unexpected byte 0xEF, expected a value"])
    }

    @Test func aRecordOverTheLimitIsRefusedAndTheNextLineStillRead() throws {
        let padding = String(repeating: "x", count: InputLimits.largestRecord)
        let text = recordJSON("R1", extra: #","comment":"\#(padding)""#) + "\n" + recordJSON("R2") + "\n"
        let read = try entries("big.jsonl", Array(text.utf8))
        #expect(read.count == 2)
        #expect(
            read[0].record == nil
                && messages([read[0]]) == ["record #1 is larger than 4 MiB (4194304 bytes), so it is refused unread"])
        #expect(read[1].record?.auditId == "R2" && read[1].line == 2)
    }

    @Test func aRecordOverTheLimitInAnArrayIsRefusedAndTheNextElementStillRead() throws {
        let padding = String(repeating: "x", count: InputLimits.largestRecord)
        let text = "[" + recordJSON("R1", extra: #","comment":"\#(padding)""#) + ",\n" + recordJSON("R2") + "]"
        let read = try entries("big.json", Array(text.utf8))
        #expect(read.map(\.record?.auditId) == [nil, "R2"])
    }

    @Test func manyUnknownKeysAreReportedBriefly() throws {
        // 160,000 unknown keys once took 23 s (a pairwise duplicate check) and listed every key.
        let keys = (0..<160_000).map { #""k\#($0)":1"# }.joined(separator: ",")
        let read = try entries("keys.jsonl", Array(recordJSON("R1", extra: "," + keys).utf8))
        #expect(read[0].diagnostics.count == ProblemLog.limit + 1)
        #expect(read[0].diagnostics.last?.message.contains("more problems follow") == true)
    }

    @Test func aDuplicateKeyAmongManyIsFound() throws {
        let keys = (0..<20_000).map { #""k\#($0)":1"# }.joined(separator: ",") + #","k7":2"#
        #expect(throws: JSONSyntaxError(line: 1, message: "duplicate key \"k7\"")) {
            try JSONParser.parse(Array("{\(keys)}".utf8))
        }
    }

    @Test func yearZeroIsNotADate() throws {
        let text = recordJSON("R1").replacingOccurrences(of: "2025-06-12", with: "0000-06-12")
        #expect(try entries("y.jsonl", Array(text.utf8))[0].record == nil)
        #expect(CalendarDate("0000-01-01") == nil && CalendarDate("0001-01-01") != nil)
    }

    @Test func aYAMLAliasIsRefusedBeforeItExpands() {
        var lines = [
            "id: x", "version: \"1\"",
            "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]",
        ]
        for i in 1..<10 {
            lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]")
        }
        do {
            _ = try FrameworkLoader.load(text: lines.joined(separator: "\n"), file: "bomb.yaml")
            Issue.record("the alias bomb loaded")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "bomb.yaml:4: error: YAML aliases (*name) are not allowed in frameworks: write the value out"
                ])
        }
    }

    @Test func frameworkNumbersThatWouldOverflowAreRefused() throws {
        let text = try String(contentsOfFile: Project.root + "/criteria/ehcp-qa.yaml", encoding: .utf8)
        for (from, to) in [
            ("points: 4", "points: 1.7e308"), ("points: 1", "points: -1.7e308"), ("weight: 3", "weight: 1e308"),
        ] {
            let changed = text.replacingOccurrences(of: from, with: to)
            #expect(changed != text)
            #expect(throws: FrameworkLoadError.self) { try FrameworkLoader.load(text: changed, file: "f.yaml") }
        }
    }
}

struct HostilePopulationTests {
    func errors(_ text: String) -> [String] {
        do {
            try PopulationCSV.read(bytes: Array(text.utf8), name: "p.csv") { _ in }
            return []
        } catch {
            return (error as? PopulationCSVError)?.diagnostics.map(\.description) ?? ["\(error)"]
        }
    }

    @Test func loneCarriageReturnsAreRefusedNotReadAsOneRow() {
        #expect(
            errors("plan_id,phase\rP1,primary\rP2,primary\r") == [
                """
                p.csv:1: error: a line ends with a lone carriage return (CR): save the file with LF or CRLF line \
                endings
                """
            ])
    }

    @Test func aHeaderWithoutPlansIsRefused() {
        #expect(
            errors("plan_id,phase\n") == [
                "p.csv:1: error: the file has a header row but no plans: a population needs at least one open plan"
            ])
    }

    @Test func phaseAndPrimaryNeedComeFromTheirWordLists() {
        #expect(
            errors("plan_id,phase,primary_need\nP1,primary,ASD\nP2,Primary,ASD\nP3,primary,autism\n") == [
                """
                p.csv:3: error: at phase: phase \"Primary\" is not one of early-years, post-16, post-19, primary, \
                secondary
                """,
                """
                p.csv:4: error: at primary_need: primary_need \"autism\" is not one of ASD, DS, HI, MLD, MSI, \
                OTH, PD, PMLD, SEMH, SLCN, SLD, SPLD, VI
                """,
            ])
    }

    @Test func invalidUTF8AndControlCharactersAreRefused() {
        var bytes = Array("plan_id\nP1\n".utf8)
        bytes.insert(0xC3, at: 9)
        #expect(throws: PopulationCSVError.self) { try PopulationCSV.read(bytes: bytes, name: "p.csv") { _ in } }
        #expect(
            errors("plan_id\nP\u{0}1\n") == ["p.csv:2: error: at plan_id: plan_id holds the control character U+0000"])
    }

    @Test func aRowOverTheLimitIsRefused() {
        let found = errors(
            "plan_id,team\nP1,\"" + String(repeating: "x", count: InputLimits.largestRecord + 1) + "\"\n")
        #expect(found == ["p.csv:2: error: the row starting here is longer than 4 MiB (4194304 bytes)"])
    }
}
