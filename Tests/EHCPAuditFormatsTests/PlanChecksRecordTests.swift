import EHCPAudit
import EHCPAuditTestSupport
import Testing

@testable import EHCPAuditFormats

/// A record's `planChecks` (docs/records.md): read alike by both JSON readers, refused with
/// the file, line, path and record named, and written back in check order.
struct PlanChecksRecordTests {
    func entry(_ extra: String) throws -> RecordEntry {
        let source = try JSONRecordSource(
            path: try temporaryFile("r.json", recordJSON("AUD-7", extra: extra)),
            displayName: "r.json")
        return try #require(try source.next())
    }

    func bothWays(_ extra: String) -> (fast: AuditRecord?, general: AuditRecord?) {
        let text = recordJSON("AUD-7", extra: extra)
        var words = WordTextCache()
        let fast = FastRecordDecoder.decode(Array(text.utf8), firstLine: 1, words: &words)
        let log = ProblemLog()
        let general = (try? JSONParser.parse(Array(text.utf8), firstLine: 1)).flatMap {
            RecordDecoder.decode($0, root: "$", log: log)
        }
        return (fast, log.problems.isEmpty ? general : nil)
    }

    @Test func bothReadersReadTheCounts() throws {
        let (fast, general) = bothWays(
            #","planChecks":{"rules":"2026.1","counts":{"vague-wording":3,"outcome-not-time-bound":0}}"#)
        let expected = PlanCheckCounts(rules: "2026.1", counts: [.vagueWording: 3, .outcomeNotTimeBound: 0])
        #expect(general?.planChecks == expected)
        #expect(fast?.planChecks == expected, "the fast path reads it too")
        #expect(bothWays("").fast?.planChecks == nil && bothWays(#","planChecks":null"#).general?.planChecks == nil)
    }

    /// Anything but a plain count sends the fast path the long way (a whole number written
    /// `3.0` or `1e1` is read there); where the fast path reads, it reads what the general one does.
    @Test(arguments: [
        #"{"rules":"r","counts":{}}"#, #"{"counts":{"stale-advice":1},"rules":"r"}"#,
        #"{"rules":"r","counts":{"stale-advice":3.0}}"#, #"{"rules":"r","counts":{"stale-advice":1e1}}"#,
        #"{"rules":"r","counts":{"stale-advice":-1}}"#, #"{"rules":"r","counts":{"stale-advice":"2"}}"#,
        #"{"rules":"r","counts":{"stale-advice":1.5}}"#, #"{"rules":"r","counts":{"stale":1}}"#,
        #"{"rules":"","counts":{}}"#, #"{"rules":"r"}"#, #"{"rules":"r","counts":{"stale-advice":1,"stale-advice":2}}"#,
        #"{"rules":"r","counts":{"stale-advice":01}}"#, #"{"rules":"r","counts":{ "stale-advice" : 12 }}"#,
        #"{"rules":"r","counts":[]}"#, #"{"rules":"r","counts":{},"note":1}"#,
        #"{"rules":"r","counts":{"stale-advice":null}}"#,
    ])
    func theFastPathAgreesWithTheGeneralOne(_ checks: String) {
        let (fast, general) = bothWays(#","planChecks":"# + checks)
        #expect(fast == general || (fast == nil && checks.contains(/3\.0|1e1/)), "\(checks)")
    }

    @Test(arguments: [
        (
            #"{"rules":"2026.1","counts":{"vague-wordings":3}}"#, "$.planChecks.counts.vague-wordings",
            #"unknown check "vague-wordings" (the checks are: missing-section, vague-wording,"#
        ),
        (
            #"{"rules":"2026.1","counts":{"vague-wording":-1}}"#, "$.planChecks.counts.vague-wording",
            #"the count of "vague-wording" must be a whole number, 0 or more; found -1"#
        ),
        (#"{"rules":"2026.1","counts":{"vague-wording":2.5}}"#, "$.planChecks.counts.vague-wording", "found 2.5"),
        (#"{"rules":"2026.1","counts":{"vague-wording":"3"}}"#, "$.planChecks.counts.vague-wording", "found a string"),
        (#"{"rules":"","counts":{}}"#, "$.planChecks.rules", #""rules" must not be empty"#),
        (#"{"counts":{}}"#, "$.planChecks.rules", #"missing required field "rules""#),
        (#"{"rules":"2026.1"}"#, "$.planChecks.counts", #"missing required field "counts""#),
        (#"{"rules":"2026.1","counts":{},"found":[]}"#, "$.planChecks.found", #"unknown field "found""#),
    ])
    func refusesABadCountNamingTheFileLinePathAndRecord(_ checks: String, path: String, message: String) throws {
        let read = try entry(#","planChecks":"# + checks)
        let problem = try #require(read.diagnostics.first)
        #expect(read.diagnostics.count == 1)
        #expect(problem.file == "r.json" && problem.line == 1 && problem.auditId == "AUD-7" && problem.path == path)
        #expect(problem.message.contains(message), "\(problem.message)")
    }

    @Test func aCheckCountedTwiceIsADuplicateKey() throws {
        let read = try entry(#","planChecks":{"rules":"r","counts":{"no-review-date":1,"no-review-date":0}}"#)
        #expect(read.record == nil)
        #expect(read.diagnostics.contains { $0.message.contains(#"duplicate key "no-review-date""#) })
    }

    @Test func theWriterPutsTheCountsInCheckOrderAfterThePlan() throws {
        var record = try #require(bothWays("").general)
        record.planChecks = PlanCheckCounts(
            rules: "2026.1", counts: [.repeatedText: 1, .missingSection: 0, .vagueWording: 3])
        let json = RecordJSONWriter.record(record)
        #expect(
            json.contains(
                #""status":"final","planChecks":{"rules":"2026.1","counts":{"missing-section":0,"vague-wording":3,"#
                    + #""repeated-text":1}},"judgements""#))
        var words = WordTextCache()
        #expect(FastRecordDecoder.decode(Array(json.utf8), firstLine: 1, words: &words) == record, "round trip")
        record.planChecks = nil
        #expect(!RecordJSONWriter.record(record).contains("planChecks"))
    }
}
