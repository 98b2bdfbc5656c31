import EHCPAuditReports
import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// New plans where an exception to the 20-week limit applies (reg. 13(3)) leave the 20-week
/// share, and the report says how many were left out.
struct TimelinessExceptionTests {
    let framework = try! Fixtures.framework()
    let june = YearMonth("2025-06")!

    func report(isPublic: Bool) -> MonthlyReport {
        let figures = MonthFigures(
            month: june, audits: 60, grades: ["good": 60], newPlansTimed: 37, newPlansWithin20Weeks: 24,
            newPlansExceptions: 3)
        let progress = MonthProgress(
            month: june, openPlans: 1200, target: 60, sampled: 60, completedSampled: 60, completedOther: 0,
            moderation: 0)
        return MonthlyReport.build(figures: [figures], progress: [progress], framework: framework, isPublic: isPublic)
    }

    @Test func theShareIsOfTheOtherPlansAndTheExceptionsAreCounted() throws {
        let report = report(isPublic: false)
        #expect(report.newPlansKnown == .shown(40) && report.newPlansExceptions == .shown(3))
        #expect(report.newPlansTimed == .shown(37))
        let share = try #require(report.newPlansWithin20Weeks)
        #expect(share.count == 24 && share.total == 37)
        let text = TextRenderer.render(MonthlyLayout.blocks(report)).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("(40), 3 were exceptions to the 20-week limit"))
        #expect(text.contains("Of the other new plans (37), 24 (64.9%) were issued within 20 weeks"))
        #expect(MonthlyReportJSON.render(report).contains(#""timed":37,"exceptions":3"#))
    }

    @Test func aSmallNumberOfExceptionsIsHiddenWithWhatWouldGiveItAway() {
        let report = report(isPublic: true)
        #expect(report.newPlansExceptions == .suppressed)
        #expect(
            report.newPlansKnown == .suppressed || report.newPlansTimed == .suppressed,
            "40 − 37 would give the 3 exceptions away")
    }

    @Test func withNoExceptionsTheReportSaysNothingOfThem() {
        let figures = MonthFigures(
            month: june, audits: 10, grades: ["good": 10], newPlansTimed: 8, newPlansWithin20Weeks: 4)
        let report = MonthlyReport.build(
            figures: [figures],
            progress: [
                MonthProgress(
                    month: june, openPlans: 200, target: 10, sampled: 10, completedSampled: 10, completedOther: 0,
                    moderation: 0)
            ], framework: framework, isPublic: false)
        let text = TextRenderer.render(MonthlyLayout.blocks(report))
        #expect(!text.contains("exception"))
    }

    @Test func anAdviceExceptionIsScoredAsTheSpecSaysButLeavesEveryTimelinessFigure() throws {
        // `score` reports days and timely as docs/scoring.md §4 defines them, flag or not;
        // the reports leave the advice out (the store's figures, checked in ReportQueryTests).
        var late = Fixtures.advice(.received, requested: "2025-01-01", received: "2025-04-01")
        late.timelinessException = true
        let result = try Scorer(framework).score(Fixtures.record(advices: [late]))
        #expect(result.advices.first?.days == 90 && result.advices.first?.timely == false)

        let figures = AdviceFigures(
            agency: .health, provider: "Trust", total: 4, timely: 1, late: 1, notReceived: 2, overdue: 1, exceptions: 1,
            days: [30, 60])
        #expect(figures.timeliness?.total == 3, "on time, late and the one overdue: the exception is left out")
        let bands = AdviceReport.bands(figures, deadline: 42)
        #expect(bands.last?.label == "exception to the deadline (left out)" && bands.last?.count == 1)
        #expect(bands.first { $0.label == "never received" }?.count == 1)
    }
}
