import EHCPAuditTestSupport
import Foundation
import Testing

/// Precision and recall of the plan checks, check by check, against plans whose findings
/// are known: generated plan documents (faults placed at known places, every format) and
/// the hand-written sample plans (their truth worked out by hand). Read through the real
/// readers, as `check` reads them. docs/plan-checks.md states the figures.
struct PlanCheckPrecisionTests {
    /// What is compared: the check, where it is, and the phrase or what is missing.
    struct Key: Hashable {
        var file: String
        var check: PlanCheckKind
        var section: String?
        var item: Int?
        var block: Int?
        var quote: String?
        var missing: [String]?
    }

    static func key(_ file: String, _ finding: PlanFinding, truth: ExpectedPlanFinding?) -> Key {
        // The truth gives a block, a quote or what is missing only where the spec fixes it.
        Key(
            file: file, check: finding.check, section: finding.section, item: finding.item,
            block: truth?.block == nil ? nil : finding.block, quote: truth?.quote == nil ? nil : finding.quote,
            missing: truth?.missing == nil ? nil : finding.missing)
    }

    /// For each check: found and right, found but not in the truth, in the truth but not found.
    static func tally(
        _ truth: [ExpectedPlanFinding], _ found: [String: [PlanFinding]]
    ) -> [PlanCheckKind: (
        right: Int, extra: Int, missed: Int
    )] {
        var expected: [Key: Int] = [:]
        var shape: [PlanCheckKind: ExpectedPlanFinding] = [:]
        for t in truth {
            expected[
                Key(
                    file: t.file, check: t.check, section: t.section, item: t.item, block: t.block, quote: t.quote,
                    missing: t.missing), default: 0] += 1
            shape[t.check] = shape[t.check] ?? t
        }
        var got: [Key: Int] = [:]
        for (file, findings) in found {
            for finding in findings { got[key(file, finding, truth: shape[finding.check]), default: 0] += 1 }
        }
        var tally: [PlanCheckKind: (right: Int, extra: Int, missed: Int)] = [:]
        for key in Set(expected.keys).union(got.keys) {
            let e = expected[key, default: 0], g = got[key, default: 0]
            tally[key.check, default: (0, 0, 0)].right += min(e, g)
            tally[key.check, default: (0, 0, 0)].extra += max(0, g - e)
            tally[key.check, default: (0, 0, 0)].missed += max(0, e - g)
        }
        return tally
    }

    static func expectPrecise(_ tally: [PlanCheckKind: (right: Int, extra: Int, missed: Int)], every: Bool) {
        for check in PlanCheckKind.allCases {
            guard let t = tally[check] else {
                if every { Issue.record("no \(check.rawValue) finding to measure") }
                continue
            }
            let precision = Double(t.right) / Double(max(1, t.right + t.extra))
            let recall = Double(t.right) / Double(max(1, t.right + t.missed))
            #expect(precision >= 0.95 && recall >= 0.95, "\(check.rawValue): precision \(precision), recall \(recall)")
        }
    }

    @Test func onGeneratedPlansEveryCheckIsPreciseAndFindsWhatWasPlaced() throws {
        let plans = SyntheticPlanDocuments(seed: "precision", asOf: CalendarDate(year: 2025, month: 6, day: 30)!)
        var truth: [ExpectedPlanFinding] = []
        var found: [String: [PlanFinding]] = [:]
        for n in 1...150 {
            let plan = try plans.document(n, of: 150)
            truth += plan.findings
            found[plan.fileName] = try Project.planChecker.check(bytes: plan.bytes, fileName: plan.fileName).report
                .findings
        }
        Self.expectPrecise(Self.tally(truth, found), every: true)
    }

    @Test func onTheHandWrittenSamplePlansTheFindingsAreExactlyTheTruth() throws {
        let folder = Project.path("samples/plans")
        let truth = try String(contentsOfFile: folder + "/truth.jsonl", encoding: .utf8).split(separator: "\n").map {
            line -> ExpectedPlanFinding in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return ExpectedPlanFinding(
                file: object["file"] as! String, check: PlanCheckKind(rawValue: object["check"] as! String)!,
                section: object["section"] as? String, item: object["item"] as? Int, block: object["block"] as? Int,
                quote: object["quote"] as? String, missing: object["missing"] as? [String])
        }
        var found: [String: [PlanFinding]] = [:]
        for file in try PlanDocumentFiles.expand([folder]) {
            let name = String(file.split(separator: "/").last!)
            found[name] = try Project.planChecker.check(path: file).report.findings
        }
        let tally = Self.tally(truth, found)
        #expect(tally.values.allSatisfy { $0.extra == 0 && $0.missed == 0 }, "\(tally)")
        #expect(found["good-final.docx"]?.isEmpty == true)
    }
}
