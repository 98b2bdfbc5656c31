import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// The p′ chart's limits and each signal rule on series worked out beside the code
/// (n = 10 audits a month unless said otherwise).
struct ControlChartTests {
    static func chart(_ counts: [Int], n: Int = 10) -> ControlChart {
        let first = YearMonth("2024-07")!
        return ControlChart.build(counts.enumerated().map { (first.adding(months: $0), $1, n) })
    }

    static func signals(_ chart: ControlChart) -> [Int] { chart.points.indices.filter { chart.points[$0].signal } }

    /// 5, 6 and 7 of 10: p̄ = 0.6, σ_i = √(0.24 / 10) = 0.154919; z = −0.645497, 0, 0.645497;
    /// σ_z = 0.645497 / 1.128 = 0.572249; limits 0.6 ± 3 × 0.154919 × 0.572249 = 0.6 ± 0.265957.
    @Test func limitsByHand() throws {
        let chart = Self.chart([5, 6, 7])
        #expect(chart.centre == 0.6)
        let point = chart.points[0]
        let lower = try #require(point.lower), upper = try #require(point.upper)
        #expect(abs(lower - 0.334043) < 1e-6 && abs(upper - 0.865957) < 1e-6)
        #expect(Self.signals(chart).isEmpty && chart.finding == .commonCause)
    }

    @Test func noLimitsWithFewerThanThreeMonthsOrAnAllOrNothingCentre() {
        let two = Self.chart([5, 6])
        #expect(two.points.allSatisfy { $0.lower == nil && $0.upper == nil } && two.finding == .tooFewMonths)
        let all = Self.chart([10, 10, 10, 10])
        #expect(all.centre == 1 && all.points.allSatisfy { $0.upper == nil })
        #expect(Self.chart([]).points.isEmpty)
    }

    @Test func monthsWithoutAuditsAreNotPlotted() {
        let first = YearMonth("2025-01")!
        let chart = ControlChart.build([
            (first, 5, 10), (first.adding(months: 1), 0, 0), (first.adding(months: 2), 7, 10),
        ])
        #expect(chart.points.map(\.month) == [first, first.adding(months: 2)])
        #expect(chart.centre == 0.6)
    }

    /// 50, 50, 50, 50 and 90 of 100: p̄ = 0.58, upper limit 0.846 < 0.9.
    @Test func aPointOutsideTheLimits() {
        let chart = Self.chart([50, 50, 50, 50, 90], n: 100)
        #expect(Self.signals(chart) == [4] && chart.finding == .improvement)
    }

    /// p̄ = 0.558333; the last seven months (0.6–0.8) are all above it, the first five below.
    @Test func aSteadyRiseIsAnImprovementThoughItsEarlyMonthsRunBelowTheLine() {
        let chart = Self.chart([30, 31, 32, 34, 35, 36, 37, 40, 41, 43, 44, 47], n: 100)
        #expect(chart.points[0].signal && chart.finding == .improvement)
    }

    @Test func sevenPointsOnOneSide() {
        let chart = Self.chart([3, 5, 3, 5, 3, 6, 8, 6, 8, 6, 8, 6])
        #expect(Self.signals(chart) == Array(5...11) && chart.finding == .improvement)
    }

    /// p̄ = 0.55; seven months below it from the eighth on, while those above are broken up.
    @Test func sevenPointsBelowIsADeterioration() {
        let chart = Self.chart([8, 5, 8, 6, 8, 5, 8, 5, 3, 5, 3, 5, 3, 5])
        #expect(Self.signals(chart) == Array(7...13) && chart.finding == .deterioration)
    }

    /// 0.3 rising to 0.9 over seven months (points 1–7); 0.9 is also above its limit. The
    /// latest month is not part of the signal, so it shows only common-cause variation.
    @Test func sevenRisingPoints() {
        let chart = Self.chart([5, 3, 4, 5, 6, 7, 8, 9, 6, 4, 5, 5])
        #expect(Self.signals(chart) == Array(1...7) && chart.finding == .commonCause)
        let ending = Self.chart([5, 5, 4, 5, 3, 4, 5, 6, 7, 8, 9])
        #expect(Self.signals(ending).last == 10 && ending.finding == .improvement, "a rise up to the latest month")
    }

    /// Six rising points (0.3 to 0.8) are not yet a trend, and nothing else signals.
    @Test func sixRisingPointsAreNot() {
        let chart = Self.chart([5, 3, 4, 5, 6, 7, 8, 5, 6, 4, 5, 5])
        #expect(Self.signals(chart).isEmpty && chart.finding == .commonCause)
    }

    @Test func aPointOnTheCentreLineBreaksARun() {
        // p̄ = 80 / 160 = 0.5 exactly; the 0.5 at month 5 splits eight months above it into 4 and 3.
        let chart = Self.chart([7, 6, 7, 6, 5, 7, 6, 6, 3, 4, 3, 4, 3, 5, 3, 5])
        #expect(chart.centre == 0.5)
        #expect(Self.signals(chart).isEmpty && chart.finding == .commonCause)
        // With 0.6 there instead, p̄ = 0.50625: the first eight months are one run above the
        // line and the last eight (the 0.5s now below it) one run below: the latest signal is
        // a fall.
        let unbroken = Self.chart([7, 6, 7, 6, 6, 7, 6, 6, 3, 4, 3, 4, 3, 5, 3, 5])
        #expect(Self.signals(unbroken) == Array(0...15) && unbroken.finding == .deterioration)
    }
}

/// Making Data Count: improvement and concern apart, and a chart started again after a
/// deliberate change.
extension ControlChartTests {
    @Test func improvementAndConcernAreMarkedApart() {
        let up = Self.chart([50, 50, 50, 50, 90], n: 100)
        #expect(up.points[4].improvement && !up.points[4].concern)
        let down = Self.chart([50, 50, 50, 50, 10], n: 100)
        #expect(down.points[4].concern && !down.points[4].improvement && down.finding == .deterioration)
        #expect(down.points[0...3].allSatisfy { !$0.signal })
    }

    /// Six months at 4 of 10, then seven at 8 of 10 after a change: one chart sees a shift
    /// (the latest seven above the single average); started again from the change, each
    /// stretch has its own average and the latest months are ordinary variation.
    @Test func aBaselineStartsTheLimitsAgain() throws {
        let first = YearMonth("2024-07")!
        let months = [4, 4, 5, 4, 3, 4, 8, 8, 7, 8, 9, 8, 8].enumerated().map { (first.adding(months: $0), $1, 10) }
        let whole = ControlChart.build(months)
        #expect(whole.points.allSatisfy { $0.centre == whole.centre } && whole.finding == .improvement)
        let from = first.adding(months: 6)
        let restarted = ControlChart.build(months, baselineFrom: from)
        #expect(restarted.baselineFrom == from && restarted.points.count == 13)
        #expect(abs(restarted.points[0].centre - 24.0 / 60) < 1e-12)
        #expect(
            abs(try #require(restarted.centre) - 56.0 / 70) < 1e-12 && restarted.points[12].centre == restarted.centre)
        #expect(restarted.finding == .commonCause && !restarted.points.contains(where: \.signal))
        // Each stretch's limits are its own: the first stretch's are those of its months alone.
        let before = ControlChart.build(Array(months.prefix(6)))
        #expect(restarted.points[0].upper == before.points[0].upper)
    }
}
