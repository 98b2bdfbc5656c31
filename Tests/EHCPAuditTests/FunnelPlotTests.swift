import Testing

@testable import EHCPAudit

/// The funnel plot (docs/comparison.md): the exact binomial limits worked by hand at small
/// n and against a second method (summing the probabilities), χ² quantiles against
/// published tables, positions, and over-dispersion both ways.
struct FunnelPlotTests {
    /// F(k) by summing Binomial(n, p) probabilities term by term: the second method.
    static func summed(_ k: Int, n: Int, p: Double) -> Double {
        var probability = 1.0
        for _ in 0..<n { probability *= 1 - p }  // P(X = 0)
        var sum = 0.0
        for i in 0...max(0, k) {
            if i > 0 { probability *= Double(n - i + 1) / Double(i) * p / (1 - p) }
            sum += probability
        }
        return k < 0 ? 0 : sum
    }

    @Test func distributionAgreesWithSummingTheProbabilities() {
        #expect(abs(Binomial.distribution(1, n: 2, p: 0.5) - 0.75) < 1e-12)
        #expect(abs(Binomial.distribution(7, n: 10, p: 0.5) - 968.0 / 1024) < 1e-12)
        for (n, p) in [(5, 0.3), (48, 0.572), (200, 0.05), (300, 0.9)] {
            for k in stride(from: 0, through: n, by: max(1, n / 17)) {
                #expect(abs(Binomial.distribution(k, n: n, p: p) - Self.summed(k, n: n, p: p)) < 1e-10, "n \(n) k \(k)")
            }
        }
        #expect(Binomial.distribution(-1, n: 10, p: 0.3) == 0 && Binomial.distribution(10, n: 10, p: 0.3) == 1)
    }

    @Test func limitsWorkedByHand() {
        // n = 10, θ = 0.5: F(7) = 968/1024, F(8) = 1013/1024, so for 0.975 r = 8,
        // α = (1013/1024 − 0.975) / (45/1024) = 0.32444…, limit (8 − α)/10 = 0.76756.
        let upper = Binomial.interpolatedLimit(0.975, n: 10, p: 0.5)
        #expect(abs(upper - (8 - (1013.0 / 1024 - 0.975) / (45.0 / 1024)) / 10) < 1e-12)
        // For 0.025: F(1) = 11/1024 < 0.025 ≤ F(2) = 56/1024, so r = 2 and the limit is 0.13244…
        // (not 1 − the upper: the interpolation puts each count at the top of its interval).
        let lower = Binomial.interpolatedLimit(0.025, n: 10, p: 0.5)
        #expect(abs(lower - (2 - (56.0 / 1024 - 0.025) / (45.0 / 1024)) / 10) < 1e-12)
        // n = 5, θ = 0.2, q = 0.001: F(0) = 0.32768 ≥ 0.001, so r = 0, α = (0.32768 − 0.001)/0.32768.
        #expect(abs(Binomial.interpolatedLimit(0.001, n: 5, p: 0.2) - (0 - (0.32768 - 0.001) / 0.32768) / 5) < 1e-12)
    }

    @Test func aMillionTrialsStayFiniteAndNearTheNormal() {
        let n = 1_000_000, p = 0.572
        let upper = Binomial.interpolatedLimit(0.975, n: n, p: p)
        let normal = p + 1.959964 * (p * (1 - p) / Double(n)).squareRoot()
        #expect(upper.isFinite && abs(upper - normal) < 2e-5)
        let lower = Binomial.interpolatedLimit(0.001, n: n, p: p)
        #expect(abs(lower - (p - 3.090232 * (p * (1 - p) / Double(n)).squareRoot())) < 2e-5)
    }

    @Test func chiSquaredQuantilesMatchPublishedTables() {
        for (degrees, value) in [(1, 3.841459), (9, 16.918978), (13, 22.362032), (99, 123.225221)] {
            #expect(abs(SpecialFunctions.chiSquaredQuantile(0.95, degrees: degrees) - value) < 1e-5, "\(degrees)")
        }
    }

    @Test func positionsAndTooFew() throws {
        let funnel = try #require(
            FunnelPlot.build(
                measure: .goodOrBetter,
                units: [
                    .init(name: "North", n: 100, y: 90), .init(name: "South", n: 100, y: 50),
                    .init(name: "East", n: 100, y: 10), .init(name: "Tiny", n: 4, y: 0),
                ]))
        #expect(abs(funnel.target - 150.0 / 304) < 1e-12, "θ counts the unit too small to plot")
        #expect(funnel.tooFew.map(\.name) == ["Tiny"] && funnel.units.map(\.name) == ["North", "South", "East"])
        #expect(funnel.units.map(\.position) == [.above998, .within, .below998])
        #expect(!funnel.widened, "fewer than ten units are never widened")
        #expect(FunnelPlot.build(measure: .goodOrBetter, units: [.init(name: "None", n: 0, y: 0)]) == nil)
    }

    @Test func overDispersionWidensOnlyWhenUnitsVaryMoreThanChance() throws {
        // Twelve teams of 50 at 20%…80%: far more spread than Binomial(50, 0.5) allows.
        let spread = (0..<12).map { FunnelPlot.Count(name: "T\($0)", n: 50, y: 10 + $0 * 30 / 11) }
        let wide = try #require(FunnelPlot.build(measure: .goodOrBetter, units: spread))
        #expect(wide.phi > 1.5 && wide.widened)
        let narrow = FunnelPlot.Limits(
            lower95: Binomial.interpolatedLimit(0.025, n: 50, p: wide.target),
            upper95: Binomial.interpolatedLimit(0.975, n: 50, p: wide.target), lower998: 0, upper998: 0)
        let limits = wide.limits(at: 50)
        #expect(abs((limits.upper95 - wide.target) - wide.phi.squareRoot() * (narrow.upper95 - wide.target)) < 1e-12)
        // Twelve teams of 50 at 48%…52%: less spread than chance; never narrowed.
        let alike = (0..<12).map { FunnelPlot.Count(name: "T\($0)", n: 50, y: 24 + $0 % 3) }
        let same = try #require(FunnelPlot.build(measure: .goodOrBetter, units: alike))
        #expect(same.phi < 1 && !same.widened)
        #expect(same.limits(at: 50).upper95 == Binomial.interpolatedLimit(0.975, n: 50, p: same.target))
    }

    @Test func winsorisingUsesLinearPercentiles() {
        // Ten values 0…9: the 10th percentile is 0.9, the 90th 8.1.
        let values = (0..<10).map(Double.init)
        #expect(abs(FunnelPlot.percentile(values, 0.10) - 0.9) < 1e-12)
        #expect(abs(FunnelPlot.percentile(values, 0.90) - 8.1) < 1e-12)
    }
}
