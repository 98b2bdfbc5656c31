import EHCPAudit
import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditFormats

/// The fast path must read every valid record exactly as the general path does, and give
/// way on anything else.
struct FastRecordDecoderTests {
    func bothWays(_ text: String, line: Int = 1) -> (fast: AuditRecord?, general: AuditRecord?) {
        var words = WordTextCache()
        let fast = FastRecordDecoder.decode(Array(text.utf8), firstLine: line, words: &words)
        let log = ProblemLog()
        let general = (try? JSONParser.parse(Array(text.utf8), firstLine: line)).flatMap {
            RecordDecoder.decode($0, root: "$", log: log)
        }
        return (fast, log.problems.isEmpty ? general : nil)
    }

    /// Words are found again by their bytes: whatever words come, in whatever order (many
    /// sharing a place in the table, some longer than it holds), each reads as its bytes.
    @Test func theWordTextCacheGivesBackEachWordsOwnText() {
        var words = WordTextCache()
        var generator = SystemRandomNumberGenerator()
        let letters = ["a", "b", "\u{0}", "é", "-"]
        let random = (0..<2_000).map { _ in
            (0..<Int.random(in: 0...20, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
                .joined()
        }
        // Words alike in all but their last bytes or their length (zero padding).
        let alike = (0..<2_000).map { _ in
            String(repeating: "a", count: 16)
                + (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                    ["b", "\u{0}"].randomElement(using: &generator)!
                }.joined()
        }
        let vocabulary = (random + alike + ["", "\u{0}", "a", "a\u{0}", "a\u{0}\u{0}"]).map { Array($0.utf8) }
        for _ in 0..<40_000 {
            // Inside a longer text (read in place) or at its end (copied first).
            let word = vocabulary.randomElement(using: &generator)!
            let before = Int.random(in: 0...3, using: &generator), after = Int.random(in: 0...30, using: &generator)
            let bytes = Array(repeating: UInt8(ascii: "x"), count: before) + word + Array(repeating: 0xFF, count: after)
            let text = bytes.withUnsafeBufferPointer { words.text(in: $0, before..<(before + word.count)) }
            #expect(Array(text.utf8) == word)
        }
    }

    @Test func readsEverySampleRecordAsTheGeneralPathDoes() throws {
        var checked = 0
        for name in ["audits-2025-06.json", "AUD-2025-06-0012.json"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: Project.root + "/samples/" + name))
            let object = try JSONSerialization.jsonObject(with: data)
            for record in (object as? [Any]) ?? [object] {
                let pretty = String(
                    decoding: try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted]),
                    as: UTF8.self)
                let (fast, general) = bothWays(pretty, line: 7)
                #expect(fast != nil)
                #expect(fast == general)
                checked += 1
            }
        }
        for line in try String(contentsOfFile: Project.root + "/samples/audits-2025-06-late.jsonl", encoding: .utf8)
            .split(separator: "\n")
        {
            let (fast, general) = bothWays(String(line))
            #expect(fast != nil && fast == general)
            checked += 1
        }
        #expect(checked == 12)
    }

    /// 3,000 generated records, written compact (one in ten pretty too), one in seven with an
    /// escape in a comment so that the fast path's slow string decoding is exercised too.
    @Test func readsGeneratedRecordsAsTheGeneralPathDoes() throws {
        let plans = SyntheticPopulation(count: 500, seed: "fast", asOf: CalendarDate("2025-01-01")!).plans
        let records = SyntheticAudits(
            framework: Project.framework, plans: plans, count: 3_000, months: 12, last: YearMonth("2025-06")!,
            seed: "fast")
        var checked = 0, fastReads = 0
        for (index, var record) in records.enumerated() {
            if index % 7 == 0, !record.judgements.isEmpty { record.judgements[0].comment = "Said \"no\" \\ twice.\n" }
            let compact = RecordJSONWriter.record(record)
            var texts = [compact]
            if index % 10 == 0 {
                let object = try JSONSerialization.jsonObject(with: Data(compact.utf8))
                texts.append(
                    String(
                        decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]),
                        as: UTF8.self))
            }
            for text in texts {
                let (fast, general) = bothWays(text, line: 3)
                #expect(general != nil, "a generated record is valid")
                #expect(fast == general)
                if fast != nil { fastReads += 1 }
                checked += 1
            }
        }
        #expect(checked == 3_300 && fastReads == checked, "every valid record takes the fast path")
    }

    @Test(arguments: [
        #","childName":"x""#, #","auditId":"again""#, #","kind":"spot""#, #","auditDate":"2025-02-30""#,
        #","plan":{"upn":"1"}"#,
        #","advices":[{"id":"A","agency":"police","status":"blank"}]"#, #","plan":{"phase":3}"#, #","auditor":null"#,
        "\u{01}",
    ])
    func givesWayOnAnythingUnexpected(_ extra: String) {
        let text = recordJSON("R1", extra: extra)
        #expect(bothWays(text).fast == nil)
    }

    /// A judgement in the writer's own form is read without looking its keys up; any other
    /// form, valid or not, is read field by field: the same record either way, or none.
    @Test(arguments: [
        #"{"criterion":"A1","rating":"good"}"#, #"{"rating":"good","criterion":"A1"}"#,
        #"{"criterion":"A1","rating":"good","comment":null}"#, #"{"criterion":"A1","rating":"good","comment":""}"#,
        #"{"criterion":"A1","rating":"good","comment":"a "b""}"#, #"{"comment":"c","criterion":"A1","rating":"good"}"#,
        #"{ "criterion":"A1","rating":"good"}"#, #"{"criterion" :"A1","rating":"good"}"#,
        #"{"criterion":"A1","rating":"good" }"#, #"{"criterion":"","rating":"good"}"#,
        #"{"criterion":"A1","rating":""}"#, #"{"criterion":"A1"}"#, #"{"criterion":"A1","rating":"good","rating":"x"}"#,
        #"{"criterion":"A1","rating":"good","comment":"c","comment":"d"}"#, #"{"criterion":"A1","rating":"good",}"#,
        #"{"criterion":"A1","rating":"good","note":"x"}"#, #"{"criterion":"A1","ratings":"good"}"#,
        #"{"criterion":"A1","rating":good}"#, #"{"criterion":"A1","rating":"good","comment":1}"#,
    ])
    func readsAJudgementInAnyFormAsTheGeneralPathDoes(_ judgement: String) {
        let text = recordJSON("R1").replacingOccurrences(
            of: #"[{"criterion":"A1","rating":"good"}]"#,
            with: "[\(judgement),\(judgement.replacing("A1", with: "A2"))]")
        let (fast, general) = bothWays(text)
        #expect(fast == general, "\(judgement)")
    }

    @Test func readsOptionalNullsAndEscapesThroughTheGeneralPath() {
        let withNulls = recordJSON(
            "R1",
            extra:
                #"""
                ,"plan":{"locality":null},"advices":[{"id":"A","agency":"health","status":"not-received",\#
                "received":null}]
                """#
        )
        let (fast, general) = bothWays(withNulls)
        #expect(fast != nil && fast == general)
        let escaped = recordJSON("R1").replacingOccurrences(
            of: #""rating":"good"}"#, with: #""rating":"good","comment":"say \"hi\" \u00e9\n"}"#)
        #expect(bothWays(escaped).fast?.judgements.first?.comment == "say \"hi\" é\n")
        #expect(bothWays(escaped).fast == bothWays(escaped).general)
    }
}

extension FastRecordDecoderTests {
    /// A draft may leave `judgements` out (docs/records.md, Drafts): both paths read it as
    /// none; a final record without them is refused by the general path, which names the field.
    @Test func aDraftWithoutJudgementsReadsAsNoneAndAFinalOneIsRefused() throws {
        let draft = #"""
            {"auditId":"AUD-1","planId":"P1","framework":{"id":"mini","version":"1"},"auditor":"a-1",\#
            "auditDate":"2025-06-12","kind":"routine","status":"draft"}
            """#
        let read = bothWays(draft)
        #expect(read.fast?.judgements == [] && read.fast == read.general)
        let final = draft.replacingOccurrences(of: #""status":"draft""#, with: #""status":"final""#)
        #expect(bothWays(final).fast == nil && bothWays(final).general == nil)
        let log = ProblemLog()
        _ = RecordDecoder.decode(try JSONParser.parse(Array(final.utf8), firstLine: 1), root: "$", log: log)
        #expect(log.problems.map(\.message) == [#"missing required field "judgements""#])
    }
}
