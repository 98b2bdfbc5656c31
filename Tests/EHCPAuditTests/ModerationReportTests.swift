import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// The agreement figures on two moderated audits of the mini framework, worked by hand.
///
/// Group 1: first audit 60% Good (A1 good, A2 na, F1 good, F2 outstanding), moderation 70%
/// Good (A1 good, A2 good, F1 outstanding, F2 outstanding). Group 2: first audit 40%
/// Requires improvement (A1 RI, A2 RI, F1 inadequate, F2 good), moderation 30% Requires
/// improvement (A1 RI, A2 RI, F1 RI, F2 good). G1 and G2 are na throughout.
struct ModerationReportTests {
    let framework = try! Fixtures.framework()
    let june = ReportPeriod(month: YearMonth("2025-06")!)

    func summary(
        _ id: String, by auditor: String, kind: AuditKind = .routine, percent: Double, grade: String,
        _ ratings: [String: String], plan: String
    ) -> AuditSummary {
        AuditSummary(
            auditId: id, planId: plan, framework: FrameworkReference(id: "mini", version: "1"), auditor: auditor,
            auditDate: CalendarDate(kind == .moderation ? "2025-06-20" : "2025-06-02")!, kind: kind, status: .final,
            moderates: kind == .moderation ? "R" + id.dropFirst() : nil, percent: percent, grade: grade,
            ratings: ratings.merging(["G1": "na", "G2": "na"]) { a, _ in a })
    }

    var links: ModerationLinks {
        let audits = [
            summary(
                "R1", by: "a-1", percent: 60, grade: "good",
                ["A1": "good", "A2": "na", "F1": "good", "F2": "outstanding"], plan: "P1"),
            summary(
                "M1", by: "m-1", kind: .moderation, percent: 70, grade: "good",
                ["A1": "good", "A2": "good", "F1": "outstanding", "F2": "outstanding"], plan: "P1"),
            summary(
                "R2", by: "a-2", percent: 40, grade: "requires-improvement",
                ["A1": "requires-improvement", "A2": "requires-improvement", "F1": "inadequate", "F2": "good"],
                plan: "P2"),
            summary(
                "M2", by: "m-1", kind: .moderation, percent: 30, grade: "requires-improvement",
                [
                    "A1": "requires-improvement", "A2": "requires-improvement", "F1": "requires-improvement",
                    "F2": "good",
                ], plan: "P2"),
        ]
        return ModerationLinks.link(audits.filter { $0.kind == .moderation }, among: audits)
    }

    @Test func theFiguresByHand() throws {
        let report = ModerationReport.build(period: june, links: links, framework: framework)
        #expect(report.groups == 2 && report.pairs == 2 && report.unmatched.isEmpty)
        // Both rated: A1, F1, F2 in pair 1 and A1, A2, F1, F2 in pair 2; the same in 5 of 7,
        // F1 one step apart in both.
        #expect(report.criteria.exact == 5.0 / 7 && report.criteria.withinOne == 1)
        #expect(report.naDisagreements == 1, "A2 in pair 1")
        #expect(report.criteria.units == 7, "A1 2, A2 1, F1 2, F2 2; G1 and G2 never rated")
        #expect(report.grades.exact == 1 && report.grades.withinOne == 1 && report.grades.alphaOrdinal == 1)
        #expect(report.grades.same == 2)
        // Differences +10 and −10: mean 0, sd √200 = 14.1421, limits ±1.96 sd.
        let difference = report.percentDifference
        let sd = try #require(difference.sd), high = try #require(difference.high)
        #expect(difference.mean == 0 && abs(sd - 200.0.squareRoot()) < 1e-12)
        #expect(abs(high - 1.96 * 200.0.squareRoot()) < 1e-12)
        #expect(
            report.auditors == [
                ModerationReport.Auditor(auditor: "a-1", pairs: 1, meanDifference: 10, exactGrade: 1),
                ModerationReport.Auditor(auditor: "a-2", pairs: 1, meanDifference: -10, exactGrade: 1),
            ])
        let f1 = try #require(report.byCriterion.first { $0.criterion == "F1" })
        // F1's values 3, 4 | 1, 2: D_o = 4, D_e = 40 / 3, ordinal alpha = 1 − 4 / (40 / 3) = 0.7.
        let alpha = try #require(f1.alphaOrdinal)
        #expect(f1.units == 2 && f1.differentRatings == 2 && abs(alpha - 0.7) < 1e-12)
        let a2 = try #require(report.byCriterion.first { $0.criterion == "A2" })
        #expect(a2.units == 1 && a2.alphaOrdinal == nil && a2.naDisagreements == 1, "one pairable unit, no variation")
        #expect(report.byCriterion.map(\.criterion) == ["A1", "A2", "F1", "F2", "G1", "G2"], "framework order")
    }

    @Test func withNoMatchedModerationEveryFigureIsEmpty() {
        let report = ModerationReport.build(
            period: june, links: ModerationLinks(groups: [], unmatched: []), framework: nil)
        #expect(report.pairs == 0 && report.criteria.alphaOrdinal == nil && report.percentDifference.mean == nil)
        #expect(report.auditors.isEmpty && report.byCriterion.isEmpty && report.framework == nil)
    }

    @Test func theFrameworkWithMostMatchedModerationsIsCompared() {
        #expect(ModerationReport.chooseFramework(links) == FrameworkReference(id: "mini", version: "1"))
        #expect(ModerationReport.chooseFramework(links, asked: ("other", nil)) == nil)
        #expect(
            ModerationReport.chooseFramework(links, asked: ("mini", "9"))
                == FrameworkReference(id: "mini", version: "9"))
    }

    @Test func oneDifferenceHasNoSpread() {
        let one = ModerationReport.blandAltman([4])
        #expect(one.mean == 4 && one.sd == nil && one.low == nil)
    }
}
