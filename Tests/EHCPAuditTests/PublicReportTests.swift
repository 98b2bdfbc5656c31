import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// The leaks an adversarial review found in `--public` reports (issue 13, item 1): each
/// scenario is one way a reader once worked out a hidden count.
struct PublicReportTests {
    let framework = try! Fixtures.framework()
    let june = YearMonth("2025-06")!

    func build(
        _ current: MonthFigures, progress: MonthProgress, earlier: [(MonthFigures, MonthProgress)] = []
    ) -> MonthlyReport {
        MonthlyReport.build(
            figures: earlier.map(\.0) + [current], progress: earlier.map(\.1) + [progress], framework: framework,
            isPublic: true)
    }

    func progress(_ month: YearMonth, target: Int = 6, sampled: Int, other: Int, moderation: Int = 0) -> MonthProgress {
        MonthProgress(
            month: month, openPlans: 120, target: target, sampled: target, completedSampled: sampled,
            completedOther: other, moderation: moderation)
    }

    @Test func theTargetParagraphHidesSmallCountsAndWhatGivesThemAway() {
        let figures = MonthFigures(month: june, audits: 3, grades: ["good": 3])
        let report = build(figures, progress: progress(june, sampled: 2, other: 1, moderation: 1))
        #expect(report.completed == .suppressed && report.audits == .suppressed)
        #expect(report.completedSampled == .suppressed && report.completedOther == .suppressed)
        #expect(report.moderation == .suppressed)
        #expect(report.shortfall == .suppressed, "6 − shortfall would give the 3 completed away")
        #expect(report.percentOfTarget == nil)
    }

    @Test func aSecondarilyHiddenGradeLosesItsShareAndTheTrendRowAgrees() {
        let figures = MonthFigures(month: june, audits: 22, grades: ["good": 19, "requires-improvement": 3])
        let report = build(figures, progress: progress(june, target: 20, sampled: 20, other: 2))
        let good = report.grades.first { $0.grade.id == "good" }!
        #expect(good.count == .suppressed && good.share == nil, "27.3% of 22 once gave a hidden count away")
        #expect(report.grades.first { $0.grade.id == "requires-improvement" }!.count == .suppressed)
        #expect(report.goodOrBetter == .suppressed && report.goodOrBetterShare == nil)
        let trend = report.trend.last!
        #expect(trend.completed == report.audits)
        #expect(trend.grades == report.grades.map(\.count))
        #expect(trend.goodOrBetter == report.goodOrBetterShare)
    }

    @Test func theYearTotalDoesNotGiveAHiddenMonthAway() {
        let may = june.adding(months: -1)
        let earlier = (
            MonthFigures(month: may, audits: 30, grades: ["good": 30]), progress(may, target: 30, sampled: 30, other: 0)
        )
        let report = build(
            MonthFigures(month: june, audits: 2, grades: ["good": 2]), progress: progress(june, sampled: 2, other: 0),
            earlier: [earlier])
        #expect(report.trend.last!.completed == .suppressed)
        #expect(report.yearCompleted == .suppressed || report.trend.first!.completed == .suppressed)
    }

    @Test func anAgencyRowMinusItsProvidersGivesNothingAway() {
        let a = AdviceFigures(agency: .health, provider: "Trust A", total: 10, grades: ["good": 10], timely: 10)
        let b = AdviceFigures(agency: .health, provider: "Trust B", total: 3, grades: ["good": 3], timely: 3)
        let report = build(
            MonthFigures(month: june, audits: 20, grades: ["good": 20], advice: [a, b]),
            progress: progress(june, target: 20, sampled: 20, other: 0))
        let agency = report.adviceByAgency.first!
        #expect(report.adviceByProvider.map(\.advices).contains(.suppressed))
        #expect(agency.advices == .suppressed || report.adviceByProvider.allSatisfy { $0.advices == .suppressed })
    }

    @Test func aSectionsActionsMinusItsCriteriaGivesNothingAway() {
        let figures = MonthFigures(
            month: june, audits: 40, grades: ["good": 40],
            criteriaBelow: [CriterionCount(criterion: "F1", count: 30), CriterionCount(criterion: "F2", count: 2)])
        let report = build(figures, progress: progress(june, target: 40, sampled: 40, other: 0))
        #expect(report.criteria.first { $0.criterion == "F2" }!.count == .suppressed)
        let theme = report.themes.first { $0.section == "F" }!
        #expect(theme.actions == .suppressed || report.criteria.first { $0.criterion == "F1" }!.count == .suppressed)
    }

    @Test func aShareWhoseComplementIsSmallIsWithheld() {
        // 62.5% of 8 new plans on time once told the reader that 3 were late.
        let figures = MonthFigures(
            month: june, audits: 20, grades: ["good": 20], newPlansTimed: 8, newPlansWithin20Weeks: 5)
        let report = build(figures, progress: progress(june, target: 20, sampled: 20, other: 0))
        #expect(report.newPlansWithin20Weeks == nil)
    }

    @Test func nothingIsHiddenWhereEveryCountIsLarge() {
        let figures = MonthFigures(
            month: june, audits: 100, grades: ["good": 60, "requires-improvement": 40], newPlansTimed: 40,
            newPlansWithin20Weeks: 30)
        let report = build(figures, progress: progress(june, target: 100, sampled: 90, other: 10, moderation: 12))
        #expect(report.suppressed.isEmpty)
        #expect(
            report.completed == .shown(100) && report.moderation == .shown(12)
                && report.newPlansWithin20Weeks?.count == 30)
    }
}
