import Testing

@testable import EHCPAudit

/// Benchmark figures (docs/comparison.md): twelve months added up under disclosure control,
/// complements included, and councils compared only like with like.
struct BenchmarkFiguresTests {
    static let year = ReportPeriod(from: YearMonth("2024-07")!, to: YearMonth("2025-06")!)!

    /// Twelve months; `good` of `audits` Good or better in the last, the rest empty.
    static func months(audits: Int, good: Int, timely: Int = 40, late: Int = 10) -> [MonthFigures] {
        var month = year.first
        var months: [MonthFigures] = []
        while month <= year.last {
            months.append(MonthFigures(month: month))
            month = month.adding(months: 1)
        }
        months[11].audits = audits
        months[11].grades = ["good": good, "inadequate": audits - good]
        months[11].advice = [
            AdviceFigures(agency: .health, provider: "p", total: timely + late, timely: timely, late: late)
        ]
        months[11].newPlansTimed = 30
        months[11].newPlansWithin20Weeks = 12
        return months
    }

    @Test func addsTheYearAndHidesSmallCountsAndTheirComplements() throws {
        let framework = try Fixtures.framework()
        let shown = BenchmarkFigures.build(
            council: "North", framework: framework, period: Self.year, months: Self.months(audits: 100, good: 40),
            openPlans: 3)
        #expect(shown.audits == 100 && shown.goodOrBetter == 40 && shown.openPlans == 3, "open plans are public")
        #expect(shown.adviceReceived == 50 && shown.adviceOnTime == 40 && shown.newPlansWithin20Weeks == 12)
        #expect(shown.from == Self.year.first && shown.to == Self.year.last)
        // 97 of 100 Good or better: the 3 that are not could be worked out, so one more is hidden.
        let complement = BenchmarkFigures.build(
            council: "North", framework: framework, period: Self.year, months: Self.months(audits: 100, good: 97),
            openPlans: nil)
        #expect(complement.goodOrBetter == nil || complement.audits == nil)
        let small = BenchmarkFigures.build(
            council: "North", framework: framework, period: Self.year, months: Self.months(audits: 100, good: 3),
            openPlans: nil)
        #expect(small.goodOrBetter == nil)
        let late = BenchmarkFigures.build(
            council: "North", framework: framework, period: Self.year,
            months: Self.months(audits: 100, good: 50, timely: 48, late: 2), openPlans: nil)
        #expect(late.adviceOnTime == nil || late.adviceReceived == nil, "2 late could be worked out")
    }

    static func figures(
        _ council: String, version: String = "2025.1", to: String = "2025-06", audits: Int = 100
    )
        -> BenchmarkFigures
    {
        BenchmarkFigures(
            council: council, framework: FrameworkReference(id: "ehcp-qa", version: version),
            from: YearMonth(to)!.adding(months: -11), to: YearMonth(to)!, openPlans: 1000, audits: audits,
            goodOrBetter: audits / 2, sections: [:], adviceReceived: 200, adviceOnTime: 120, adviceGoodOrBetter: 90,
            newPlansCounted: nil, newPlansWithin20Weeks: nil, newPlansExceptions: 0)
    }

    @Test func comparesOnlyLikeWithLike() throws {
        let comparison = BenchmarkComparison.compare([
            Self.figures("North"), Self.figures("South", audits: 300), Self.figures("East", version: "2026.1"),
            Self.figures("West", to: "2025-05"), Self.figures("North"),
        ])
        #expect(comparison.comparable.map(\.council) == ["North", "South"])
        #expect(comparison.notComparable.map(\.council) == ["East", "West", "North"])
        #expect(comparison.notComparable[0].why.contains("version 2026.1"))
        #expect(comparison.notComparable[1].why.contains("2024-06 to 2025-05"))
        #expect(comparison.notComparable[2].why.contains("second bundle"))
        // New plans hidden in both: no funnel for them; the others have both councils.
        #expect(comparison.funnels.map(\.measure) == [.goodOrBetter, .adviceOnTime])
        let good = try #require(comparison.funnels.first)
        #expect(good.target == 200.0 / 400 && good.units.map(\.n) == [100, 300])
    }
}
