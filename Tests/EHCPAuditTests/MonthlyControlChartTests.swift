import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// The monthly report's control chart and moderation line, internal and public.
struct MonthlyControlChartTests {
    let framework = try! Fixtures.framework()

    /// Three months: 20 Good of 40 audits, then `small` (Good of 3), then 30 Good of 40.
    func report(small: Int, isPublic: Bool, moderation: ModerationReport? = nil) -> MonthlyReport {
        let months = [YearMonth("2025-04")!, YearMonth("2025-05")!, YearMonth("2025-06")!]
        let counts = [(20, 40), (small, 3), (30, 40)]
        let figures = zip(months, counts).map { month, count in
            MonthFigures(
                month: month, audits: count.1, grades: ["good": count.0, "inadequate": count.1 - count.0])
        }
        let progress = zip(months, counts).map { month, count in
            MonthProgress(
                month: month, openPlans: nil, target: nil, sampled: 0, completedSampled: 0, completedOther: count.1,
                moderation: moderation?.pairs ?? 0)
        }
        return MonthlyReport.build(
            figures: figures, progress: progress, framework: framework, isPublic: isPublic, moderation: moderation)
    }

    @Test func theLeadSeesTheChartOverEveryMonthWithAudits() throws {
        let spc = try #require(report(small: 2, isPublic: false).spc)
        #expect(spc.points.map(\.n) == [40, 3, 40])
        #expect(spc.centre == 52.0 / 83)
    }

    @Test func aPublicReportLeavesTheChartOutWhenAMonthIsWithheld() {
        let report = report(small: 2, isPublic: true)
        #expect(report.trend[1].goodOrBetter == nil, "3 audits: the share is withheld")
        #expect(report.spc == nil, "the centre line would give May's withheld share away")
    }

    @Test func theMonthsGradeAgreementIsAShareOfItsPairs() throws {
        let links = ModerationLinks(groups: [], unmatched: [])
        var moderation = ModerationReport.build(
            period: ReportPeriod(month: YearMonth("2025-06")!), links: links, framework: framework)
        moderation.pairs = 8
        moderation.grades.same = 6
        let lead = report(small: 2, isPublic: false, moderation: moderation)
        #expect(lead.moderationPairs == .shown(8) && lead.moderationSameGrade?.count == 6)
        let published = report(small: 2, isPublic: true, moderation: moderation)
        #expect(published.moderationSameGrade == nil, "the 2 that differed are a small count")
    }
}
