import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// The family's view beside the auditor's: the cross-tabulation of plan grade × family
/// grade, and the monthly report's section under disclosure control.
struct FamilyVoiceTests {
    let framework = try! Fixtures.framework()
    let june = YearMonth("2025-06")!
    let familyGrades = [
        Grade(id: "very-positive", label: "Very positive", minPercent: 87.5),
        Grade(id: "positive", label: "Positive", minPercent: 62.5),
        Grade(id: "mixed", label: "Mixed", minPercent: 37.5),
        Grade(id: "negative", label: "Negative", minPercent: 0),
    ]

    /// `counts[plan grade][family grade]` plans, as pairs.
    func voice(_ counts: [String: [String: Int]]) -> FamilyVoice {
        let pairs = counts.sorted { $0.key < $1.key }.flatMap { plan, families in
            families.sorted { $0.key < $1.key }.flatMap { family, n in
                Array(repeating: FamilyVoice.Pair(planGrade: plan, familyGrade: family), count: n)
            }
        }
        return FamilyVoice(
            period: .year(endingWith: june), planGrades: framework.grades.grades, familyGrades: familyGrades,
            pairs: pairs)
    }

    func report(_ voice: FamilyVoice?, isPublic: Bool) -> MonthlyReport {
        MonthlyReport.build(
            figures: [MonthFigures(month: june, audits: 40, grades: ["good": 40])],
            progress: [
                MonthProgress(
                    month: june, openPlans: 800, target: 40, sampled: 40, completedSampled: 40, completedOther: 0,
                    moderation: 0)
            ], framework: framework, isPublic: isPublic, familyVoice: voice)
    }

    @Test func pairsAreCountedByPlanGradeAndFamilyGradeInGradeOrder() {
        let v = voice([
            "good": ["positive": 2, "mixed": 1], "inadequate": ["negative": 1], "outstanding": ["mixed": 1],
        ])
        #expect(v.planGrades.map(\.id) == framework.grades.grades.map(\.id))
        #expect(v.familyGrades.map(\.id) == ["very-positive", "positive", "mixed", "negative"])
        // Rows best first whatever order the pairs came in: outstanding, good, requires improvement, inadequate.
        #expect(v.table == [[0, 0, 1, 0], [0, 2, 1, 0], [0, 0, 0, 0], [0, 0, 0, 1]])
        #expect(v.plans == 5 && v.byPlanGrade == [1, 3, 0, 1] && v.byFamilyGrade == [0, 2, 2, 1])
    }

    @Test func aGradeNoFrameworkListsIsKeptAfterTheOthers() {
        let v = voice(["good": ["neutral": 1, "positive": 1]])
        #expect(v.familyGrades.map(\.id).last == "neutral" && v.byFamilyGrade.last == 1 && v.plans == 2)
    }

    @Test func theBoardSeesEveryCountInTheUnpublishedReport() throws {
        let rows = try #require(
            report(voice(["good": ["positive": 2], "inadequate": ["negative": 1]]), isPublic: false).familyVoice)
        #expect(rows.plans == .shown(3))
        #expect(rows.table[1] == [.shown(0), .shown(2), .shown(0), .shown(0)])
        #expect(rows.byFamilyGrade == [.shown(0), .shown(2), .shown(0), .shown(1)])
        #expect(rows.period == ReportPeriod.year(endingWith: june))
    }

    @Test func thePublicVersionHidesSmallCellsAndWhateverWouldGiveThemAway() throws {
        // Good: 20 Positive, 3 Mixed; Requires improvement: 10 Positive, 6 Mixed, 1 Negative.
        let v = voice([
            "good": ["positive": 20, "mixed": 3], "requires-improvement": ["positive": 10, "mixed": 6, "negative": 1],
        ])
        let built = report(v, isPublic: true)
        let rows = try #require(built.familyVoice)
        #expect(rows.table[1][2] == .suppressed && rows.table[2][3] == .suppressed, "3 and 1 are small")
        // A row with one hidden cell beside its shown total would give it away: a second cell of
        // each row is hidden, and of each column, until no row or column has exactly one.
        let groups =
            rows.planGrades.indices.map { [rows.byPlanGrade[$0]] + rows.table[$0] }
            + rows.familyGrades.indices.map { c in [rows.byFamilyGrade[c]] + rows.table.map { $0[c] } }
            + [[rows.plans] + rows.byPlanGrade, [rows.plans] + rows.byFamilyGrade]
        for group in groups { #expect(group.filter { $0 == .suppressed }.count != 1) }
        #expect(rows.table[1][1] == .suppressed, "the 20 beside the 3, or the 3 is 23 − 20")
        #expect(rows.plans == .shown(40) && rows.byPlanGrade[1] == .shown(23))
        #expect(built.suppressed.contains("familyVoice.good.mixed"))
        #expect(built.suppressed.contains("familyVoice.requires-improvement.negative"))
    }

    @Test func thePublicVersionLeavesTheSectionOutWhenItWouldAllBeHidden() {
        let small = report(voice(["good": ["positive": 3], "inadequate": ["negative": 1]]), isPublic: true)
        #expect(small.familyVoice == nil)
        #expect(small.suppressed.contains("familyVoice"))
        #expect(!small.suppressed.contains { $0.hasPrefix("familyVoice.") })
        // Five plans, no row or column of five: only the number of plans could be shown.
        let spread = report(
            voice(["outstanding": ["very-positive": 2], "good": ["positive": 2], "inadequate": ["negative": 1]]),
            isPublic: true)
        #expect(spread.familyVoice == nil && spread.suppressed.contains("familyVoice"))
    }

    @Test func theSectionIsAbsentWhenNoPlanHasBoth() {
        #expect(report(voice([:]), isPublic: false).familyVoice == nil)
        #expect(report(nil, isPublic: false).familyVoice == nil)
        #expect(!report(voice([:]), isPublic: true).suppressed.contains("familyVoice"))
    }
}
