import EHCPAudit
import EHCPAuditFormats
import EHCPAuditTestSupport
import Foundation
import Testing

/// The frameworks that ship in criteria/: every criterion grounded in a source and saying
/// what good looks like, and the rules the law asks of them (docs/scoring.md).
struct ShippedFrameworkTests {
    static let files = ["criteria/ehcp-qa.yaml", "criteria/annual-review.yaml", "criteria/family-voice.yaml"]

    @Test(arguments: files) func everyCriterionCitesASourceAndSaysWhatGoodLooksLike(_ file: String) throws {
        let framework = try FrameworkLoader.load(path: Project.path(file))
        let criteria = framework.sections.flatMap(\.criteria) + (framework.advice?.criteria ?? [])
        #expect(!criteria.isEmpty)
        for criterion in criteria {
            #expect(criterion.source?.isEmpty == false, "\(file) \(criterion.id) has no source")
            #expect(criterion.guidance?.isEmpty == false, "\(file) \(criterion.id) has no guidance")
        }
    }

    @Test func guidanceAndSourceAreReadButMustBeText() throws {
        let base = """
            id: t
            version: "1"
            title: T
            scale: [{ id: good, label: Good, points: 2 }, { id: poor, label: Poor, points: 1 }]
            actionBelow: good
            grades: [{ id: good, label: Good, minPercent: 50 }, { id: poor, label: Poor, minPercent: 0 }]
            sections:
              - id: A
                title: A
                weight: 1
                criteria:
                  - id: A1
                    text: Something
                    action: Do it.

            """
        let loaded = try FrameworkLoader.load(
            text: base + "        guidance: What good looks like\n        source: Reg. 12\n", file: "t.yaml")
        let a1 = try #require(loaded.sections.first?.criteria.first)
        #expect(a1.guidance == "What good looks like" && a1.source == "Reg. 12")
        #expect(throws: FrameworkLoadError.self) {
            try FrameworkLoader.load(text: base + "        guidance: [a, list]\n", file: "t.yaml")
        }
    }

    /// The worked example (AUD-2025-06-0005) with some ratings changed.
    func workedExample(_ change: [String: String]) throws -> AuditRecord {
        var record = try #require(try scoredSamples().map(\.0).first { $0.auditId == "AUD-2025-06-0005" })
        record.judgements = record.judgements.map { judgement in
            var judgement = judgement
            if let rating = change[judgement.criterion] { judgement.rating = rating }
            return judgement
        }
        return record
    }

    @Test func aDraftPlanAnswersNAForItsPlacementAndIsNotCapped() throws {
        // CFA 2014 s.38(5): a draft plan must not name a school, so I1 is N/A there.
        let draft = try Project.catalog.score(try workedExample(["I1": "na"]))
        #expect(!draft.caps.contains { $0.criterion == "I1" })
        #expect(!draft.actions.contains { $0.criterion == "I1" })
        // A final plan that names no setting is still capped.
        let unnamed = try Project.catalog.score(try workedExample(["I1": "inadequate"]))
        #expect(unnamed.caps.contains { $0.criterion == "I1" && $0.grade.id == "requires-improvement" })
    }

    @Test func adviceReuseByAgreementIsWhatK2Judges() throws {
        let k2 = try #require(Project.framework.sections.first { $0.id == "K" }?.criteria.first { $0.id == "K2" })
        #expect(k2.text.contains("reuse was agreed"))
        #expect(k2.source?.contains("reg. 6(4)") == true)
    }

    @Test func theWorkedExampleKeepsItsScoreUnderTheReviewedFramework() throws {
        // The review folded new points into existing criteria, so no score moved:
        // the worked example is still 70.57%, Requires improvement, as the README says.
        let result = try Project.catalog.score(try workedExample([:]))
        #expect(String(format: "%.2f", result.percent) == "70.57" && result.grade.id == "requires-improvement")
    }
}
