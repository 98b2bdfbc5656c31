import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// The advice and learning report builders on figures small enough to check by hand
/// (the mini framework: scale 4/3/2/1 → 100, 66.67, 33.33, 0; action below `good`).
struct ReportBuilderTests {
    let framework = try! Fixtures.framework()
    let spring = ReportPeriod(from: YearMonth("2025-04")!, to: YearMonth("2025-06")!)!

    @Test func periodsKnowTheirLengthAndThePeriodBefore() {
        #expect(spring.length == 3)
        #expect(spring.previous == ReportPeriod(from: YearMonth("2025-01")!, to: YearMonth("2025-03")!))
        #expect(ReportPeriod(month: YearMonth("2025-01")!).previous == ReportPeriod(month: YearMonth("2024-12")!))
        #expect(ReportPeriod.year(endingWith: YearMonth("2025-06")!).first == YearMonth("2024-07"))
        #expect(ReportPeriod(from: YearMonth("2025-06")!, to: YearMonth("2025-05")!) == nil)
        #expect(spring.contains(YearMonth("2025-06")!) && !spring.contains(YearMonth("2025-07")!))
    }

    @Test func adviceQualityTimelinessAndCorrectionsPerProvider() throws {
        let trust = AdviceFigures(
            agency: .health, provider: "Trust", total: 7, grades: ["good": 2, "inadequate": 1], timely: 1, late: 4,
            noNeeds: 1, notReceived: 1, days: [30, 45, 50, 70, 100])
        let school = AdviceFigures(agency: .education, provider: "Oakfield", total: 1, timely: 1, days: [10])
        let ratings = [
            AdviceReport.RatingCount(provider: "Trust", agency: "health", criterion: "HA1", rating: "good", count: 2),
            AdviceReport.RatingCount(
                provider: "Trust", agency: "health", criterion: "HA1", rating: "inadequate", count: 1),
            AdviceReport.RatingCount(provider: "Trust", agency: "health", criterion: "HA1", rating: "na", count: 1),
            AdviceReport.RatingCount(
                provider: "Oakfield", agency: "education", criterion: "HA1", rating: "good", count: 5),
        ]
        let corrections: [(agency: String?, provider: String?)] = [
            ("health", "Trust"), ("health", "Trust"), ("health", "Other"),
        ]
        let report = AdviceReport.build(
            period: spring, figures: [trust, school], ratings: ratings, corrections: corrections, framework: framework)

        #expect(report.period == spring && report.deadlineDays == 42)
        #expect(report.providers.map(\.name) == ["Oakfield", "Trust"], "by name")
        let provider = report.providers[1]
        #expect(provider.corrections == 2)
        #expect(provider.medianDays == 50)
        #expect(provider.timeliness.map(\.count) == [1, 2, 1, 1, 1], "30 | 45, 50 | 70 | 100 | never received")
        let ha1 = try #require(provider.quality.first { $0.criterion == "HA1" })
        #expect(ha1.ratings == [0, 2, 0, 1] && ha1.notApplicable == 1)
        #expect(abs(try #require(ha1.meanPercent) - (2 * 200.0 / 3) / 3) < 1e-9, "(2 × 66.67 + 0) / 3 rated")
        #expect(provider.quality.first { $0.criterion == "HA2" }?.meanPercent == nil, "never rated")
    }

    @Test func theMedianOfAnEvenCountIsTheLowerMiddle() {
        #expect(AdviceReport.median([40, 10, 30, 20]) == 20)
        #expect(AdviceReport.median([]) == nil)
    }

    @Test func learningPacksCompareEachGroupWithThePartnershipAndTheirPast() throws {
        let current = [
            GroupFacts(
                group: "auditor-1", count: 4, grades: ["good": 3, "inadequate": 1],
                ratings: ["F1": ["good": 2, "inadequate": 2]]),
            GroupFacts(group: "auditor-2", count: 4, grades: ["outstanding": 4], ratings: ["F1": ["outstanding": 4]]),
            GroupFacts(group: nil, count: 1, grades: ["good": 1], ratings: ["F1": ["good": 1]]),
        ]
        let previous = [GroupFacts(group: "auditor-1", count: 2, grades: ["good": 1, "inadequate": 1])]
        let report = LearningReport.build(
            grouping: .auditor, period: spring, current: current, previous: previous, framework: framework)

        #expect(report.previous == spring.previous)
        #expect(
            report.packs.map(\.name) == ["auditor-1", "auditor-2", "(not recorded)"], "by name, the unrecorded last")
        #expect(report.partnership.count == 9 && report.partnership.goodOrBetter?.count == 8)
        let first = report.packs[0]
        #expect(first.grades == [0, 3, 0, 1] && first.goodOrBetter?.count == 3)
        #expect(first.previousCount == 2 && first.previousGoodOrBetter?.count == 1)
        let gap = try #require(first.gaps.first)
        // Mine: (2 × 66.67 + 2 × 0) / 4 = 33.33; partnership: (3 × 66.67 + 2 × 0 + 4 × 100) / 9 = 66.67.
        #expect(gap.criterion == "F1")
        #expect(abs(gap.group - 100.0 / 3) < 1e-9 && abs(gap.partnership - 600.0 / 9) < 1e-9)
        #expect(
            first.focus == [LearningReport.Focus(criterion: "F1", action: "Improve F1.", count: 2)],
            "two ratings below good")
        #expect(report.packs[1].gaps.isEmpty && report.packs[1].focus.isEmpty && report.packs[1].previousCount == 0)
    }

    @Test func providersAreJudgedOnTheAdviceScale() {
        let facts = [GroupFacts(group: "Trust", count: 2, grades: ["good": 2], ratings: ["HA2": ["good": 2]])]
        let report = LearningReport.build(
            grouping: .provider, period: spring, current: facts, previous: [], framework: framework)
        #expect(report.grades == framework.advice?.grades)
        #expect(report.packs[0].gaps.isEmpty)
    }

    @Test func groupFactsAddUpAndAverageTheirRatings() {
        var total = GroupFacts(group: "all")
        total.add(GroupFacts(group: "a", count: 1, grades: ["good": 1], ratings: ["F1": ["good": 1]]))
        total.add(
            GroupFacts(
                group: "b", count: 2, grades: ["good": 1, "inadequate": 1], ratings: ["F1": ["inadequate": 1, "na": 1]])
        )
        #expect(total.count == 3 && total.grades == ["good": 2, "inadequate": 1])
        #expect(total.ratings["F1"] == ["good": 1, "inadequate": 1, "na": 1])
        #expect(total.meanPercent("F1", framework: framework).map { abs($0 - 100.0 / 3) < 1e-9 } == true, "na left out")
        #expect(total.actions("F1", framework: framework) == 1)
        #expect(total.meanPercent("F2", framework: framework) == nil)
    }
}
