import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

struct ProgressTests {
    func fact(_ plan: String, _ date: String, _ kind: AuditKind = .routine, _ status: AuditStatus = .final) -> AuditFact
    {
        AuditFact(planId: plan, date: CalendarDate(date)!, kind: kind, status: status)
    }

    @Test func countsFinalAuditsOfTheMonthSplittingSampledOthersAndModeration() {
        let month = YearMonth("2025-06")!
        let progress = MonthProgress.compute(
            month: month, sample: (population: 200, target: 10, plans: ["A", "B", "C"]),
            audits: [
                fact("A", "2025-06-01"), fact("B", "2025-06-30", .multiAgency), fact("Z", "2025-06-15"),
                fact("A", "2025-06-20", .moderation), fact("C", "2025-06-10", .routine, .draft),
                fact("C", "2025-07-01"), fact("C", "2025-05-31"),
            ])
        #expect(progress.completedSampled == 2)
        #expect(progress.completedOther == 1)
        #expect(progress.moderation == 1)
        #expect(progress.completed == 3)
        #expect(progress.percentOfTarget == 30)
        #expect(progress.shortfall == 7)
        #expect(progress.sampled == 3 && progress.openPlans == 200)
    }

    @Test func aMonthWithoutASampleHasNoTarget() {
        let progress = MonthProgress.compute(
            month: YearMonth("2025-06")!, sample: nil, audits: [fact("A", "2025-06-01")])
        #expect(progress.target == nil && progress.shortfall == nil && progress.percentOfTarget == nil)
        #expect(progress.completedOther == 1)
    }

    @Test func runningTotalsAddUpMonthByMonth() {
        let a = MonthProgress(
            month: YearMonth("2025-05")!, openPlans: 100, target: 5, sampled: 5, completedSampled: 4, completedOther: 0,
            moderation: 0)
        let b = MonthProgress(
            month: YearMonth("2025-06")!, openPlans: 100, target: 5, sampled: 5, completedSampled: 6, completedOther: 1,
            moderation: 2)
        let running = ProgressReport(months: [a, b]).running
        #expect(running.map(\.target) == [5, 10])
        #expect(running.map(\.completed) == [4, 11])
        #expect(b.shortfall == 0)
    }

    @Test func monthsAddAcrossYears() {
        #expect(YearMonth("2025-01")!.adding(months: -1) == YearMonth("2024-12"))
        #expect(YearMonth("2025-07")!.adding(months: -12).firstDay == CalendarDate("2024-07-01"))
        #expect(YearMonth("2024-02")!.lastDay == CalendarDate("2024-02-29"))
        #expect(YearMonth("2025-13") == nil && YearMonth("25-01") == nil)
    }
}
