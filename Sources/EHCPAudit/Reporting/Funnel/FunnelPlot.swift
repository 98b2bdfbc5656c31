/// A funnel plot for a proportion (docs/comparison.md; Spiegelhalter, Statistics in
/// Medicine 2005;24:1185–1202): each unit's share against its number, with control limits
/// that narrow as the number grows, so that only a unit outside them differs by more than
/// chance.
///
/// ```swift
/// let funnel = FunnelPlot.build(measure: .goodOrBetter, units: [
///     .init(name: "North-2", n: 48, y: 31), .init(name: "South", n: 60, y: 30), …])
/// funnel?.units.first?.position   // .within
/// ```
public struct FunnelPlot: Sendable, Equatable {
    /// What the share counts.
    public enum Measure: String, Sendable, CaseIterable {
        /// Audits graded Good or better, of audits.
        case goodOrBetter
        /// Advices received on time, of advices received (exceptions left out).
        case adviceOnTime
        /// New plans issued within 20 weeks, of new plans counted (exceptions left out).
        case within20Weeks
    }

    /// Where a unit's share lies: strictly outside a limit, or within both.
    public enum Position: String, Sendable, CaseIterable {
        case above998 = "above 99.8%"
        case above95 = "above 95%"
        case within
        case below95 = "below 95%"
        case below998 = "below 99.8%"
    }

    /// The 95% and 99.8% limits at one size.
    public struct Limits: Sendable, Equatable {
        public var lower95: Double
        public var upper95: Double
        public var lower998: Double
        public var upper998: Double
    }

    /// A unit to plot: its name, its number `n` and how many `y` meet the measure.
    public struct Count: Sendable, Equatable {
        public var name: String
        public var n: Int
        public var y: Int

        public init(name: String, n: Int, y: Int) {
            self.name = name
            self.n = n
            self.y = y
        }
    }

    public struct Unit: Sendable, Equatable {
        public var name: String
        public var n: Int
        public var y: Int
        public var share: Double
        public var position: Position
        public var limits: Limits
    }

    public var measure: Measure
    /// θ: the share over every unit, those too small to plot included, or a stated target.
    public var target: Double
    /// φ, the over-dispersion factor (1 when the units vary no more than chance allows).
    public var phi: Double
    /// Whether the limits were widened by √φ.
    public var widened: Bool
    /// The plotted units (n ≥ ``smallest``), in the order given.
    public var units: [Unit]
    /// The units too small to judge (n < ``smallest``), in the order given.
    public var tooFew: [Count]

    /// A unit with fewer than this is not plotted.
    public static let smallest = 5

    /// The funnel of `counts`, or nil when they hold nothing at all (Σn = 0).
    public static func build(measure: Measure, units counts: [Count], target stated: Double? = nil) -> FunnelPlot? {
        let total = counts.reduce(0) { $0 + $1.n }
        guard total > 0 else { return nil }
        let target = stated ?? Double(counts.reduce(0) { $0 + $1.y }) / Double(total)
        let plotted = counts.filter { $0.n >= smallest }
        let phi = overDispersion(plotted, target: target)
        let widened =
            plotted.count >= 10
            && Double(plotted.count) * phi > SpecialFunctions.chiSquaredQuantile(0.95, degrees: plotted.count - 1)
        var funnel = FunnelPlot(
            measure: measure, target: target, phi: phi, widened: widened, units: [],
            tooFew: counts.filter { $0.n < smallest })
        funnel.units = plotted.map { count in
            let limits = funnel.limits(at: count.n)
            let share = Double(count.y) / Double(count.n)
            let position: Position =
                share > limits.upper998
                ? .above998
                : share > limits.upper95
                    ? .above95 : share < limits.lower998 ? .below998 : share < limits.lower95 ? .below95 : .within
            return Unit(name: count.name, n: count.n, y: count.y, share: share, position: position, limits: limits)
        }
        return funnel
    }

    /// The limits for a unit of `n` (widened when the plot is), each within 0 to 1.
    public func limits(at n: Int) -> Limits {
        func limit(_ q: Double) -> Double {
            let exact = Binomial.interpolatedLimit(q, n: n, p: target)
            let limit = widened ? target + phi.squareRoot() * (exact - target) : exact
            return min(1, max(0, limit))
        }
        return Limits(lower95: limit(0.025), upper95: limit(0.975), lower998: limit(0.001), upper998: limit(0.999))
    }

    /// How many units lie at each position.
    public func count(_ position: Position) -> Int { units.filter { $0.position == position }.count }

    /// φ = Σ z² / k over the plotted units, each z-score winsorised at the 10th and 90th
    /// percentiles of the z-scores (linear interpolation between order statistics); 1 when
    /// there is no unit or θ is 0 or 1 (every share then equals θ).
    static func overDispersion(_ units: [Count], target: Double) -> Double {
        let variance = target * (1 - target)
        guard !units.isEmpty, variance > 0 else { return 1 }
        let z = units.map { (Double($0.y) / Double($0.n) - target) / (variance / Double($0.n)).squareRoot() }
        let sorted = z.sorted()
        let low = percentile(sorted, 0.10), high = percentile(sorted, 0.90)
        return z.reduce(0) { sum, score in
            let kept = min(high, max(low, score))
            return sum + kept * kept
        } / Double(z.count)
    }

    /// The `q` percentile of sorted values: `h = (m − 1)q`, between the order statistics
    /// either side of `h` by its fraction.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        let h = Double(sorted.count - 1) * q
        let below = Int(h)
        guard below + 1 < sorted.count else { return sorted[below] }
        return sorted[below] + (h - Double(below)) * (sorted[below + 1] - sorted[below])
    }
}
