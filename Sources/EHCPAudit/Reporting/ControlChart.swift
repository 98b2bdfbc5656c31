/// Is a change in "Good or better" real? A p-chart with Laney's adjustment (p′), as the
/// NHS's "Making Data Count" asks boards to read a monthly share, instead of a red, amber
/// or green rating.
///
/// Over the months with audits (the *plotted* months), with `k_i` of `n_i` audits Good or
/// better and `p_i = k_i / n_i`:
///
/// - centre line `p̄ = Σ k_i / Σ n_i`;
/// - `σ_i = √(p̄(1 − p̄) / n_i)`, `z_i = (p_i − p̄) / σ_i`, and
///   `σ_z = mean |z_i − z_{i−1}| over consecutive plotted months / 1.128`;
/// - limits `p̄ ± 3 σ_i σ_z`, clipped to 0–1; none with fewer than 3 plotted months or
///   when `p̄` is 0 or 1.
///
/// Signals: a point outside its limits; a run of 7 or more points on one side of the
/// centre line (a point on it breaks the run); a run of 7 or more points each higher (or
/// each lower) than the one before (an equal share breaks it). Every point of a run is
/// marked, as an improvement (higher: more plans Good or better) or a concern (lower), as
/// Making Data Count colours them.
///
/// After a deliberate change to the process (a new template, say), `baselineFrom` starts
/// the chart again: the months before it and the months from it each get their own centre
/// line, limits and runs.
public struct ControlChart: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var month: YearMonth
        public var n: Int
        public var share: Double
        public var lower: Double?
        public var upper: Double?
        /// The centre line of the point's stretch of months (before or from the baseline).
        public var centre: Double
        /// Part of a signal that the share is higher than ordinary variation explains.
        public var improvement: Bool
        /// Part of a signal that the share is lower than ordinary variation explains.
        public var concern: Bool
        /// Part of a signal either way (special-cause variation).
        public var signal: Bool { improvement || concern }
    }

    /// What the chart says about the latest month, in the direction of "Good or better",
    /// as "Making Data Count" reads its variation icons: a signal that includes the
    /// latest month is an improvement (higher than ordinary variation explains, or rising)
    /// or a deterioration; otherwise the latest month shows only common-cause variation,
    /// whatever earlier months did.
    public enum Finding: String, Sendable {
        case improvement, deterioration
        /// The latest month is part of signals both ways (say, a run above the line that
        /// is also falling).
        case mixed
        /// The latest month is not part of any signal.
        case commonCause = "common-cause"
        /// Too few months for limits.
        case tooFewMonths = "too-few-months"
    }

    public static let runLength = 7
    /// The constant d2 for moving ranges of two.
    public static let d2 = 1.128

    /// The centre line of the latest stretch of months.
    public var centre: Double?
    public var points: [Point]
    public var finding: Finding
    /// The month the limits were calculated again from, when the chart was started again.
    public var baselineFrom: YearMonth? = nil

    /// The chart of `months`: each month's count Good or better and its audits. Months
    /// without audits are not plotted. With `baselineFrom`, the months before it and the
    /// months from it are charted apart (each stretch its own centre, limits and runs);
    /// the finding is about the latest month, in its stretch.
    public static func build(
        _ months: [(month: YearMonth, count: Int, total: Int)], baselineFrom: YearMonth? = nil
    ) -> ControlChart {
        let plotted = months.filter { $0.total > 0 }
        let stretches =
            baselineFrom.map { from in [plotted.filter { $0.month < from }, plotted.filter { $0.month >= from }] }
            ?? [plotted]
        var chart = ControlChart(centre: nil, points: [], finding: .tooFewMonths, baselineFrom: baselineFrom)
        for stretch in stretches where !stretch.isEmpty {
            let part = stretchChart(stretch)
            chart.points += part.points
            chart.centre = part.centre
            chart.finding = part.finding
        }
        return chart
    }

    /// One stretch of months, charted on its own.
    private static func stretchChart(_ plotted: [(month: YearMonth, count: Int, total: Int)]) -> ControlChart {
        let centre = Double(plotted.reduce(0) { $0 + $1.count }) / Double(plotted.reduce(0) { $0 + $1.total })
        var points = plotted.map {
            Point(
                month: $0.month, n: $0.total, share: Double($0.count) / Double($0.total), centre: centre,
                improvement: false, concern: false)
        }
        let hasLimits = points.count >= 3 && centre > 0 && centre < 1
        if hasLimits {
            let sigmas = points.map { (centre * (1 - centre) / Double($0.n)).squareRoot() }
            let z = zip(points, sigmas).map { ($0.share - centre) / $1 }
            let movingRange = zip(z.dropFirst(), z).map { abs($0 - $1) }.reduce(0, +) / Double(z.count - 1)
            let sigmaZ = movingRange / d2
            for i in points.indices {
                points[i].lower = max(0, centre - 3 * sigmas[i] * sigmaZ)
                points[i].upper = min(1, centre + 3 * sigmas[i] * sigmaZ)
            }
        }
        var up = [Bool](repeating: false, count: points.count), down = up
        for i in points.indices {
            if let upper = points[i].upper, points[i].share > upper { up[i] = true }
            if let lower = points[i].lower, points[i].share < lower { down[i] = true }
        }
        let sides = points.map { sideOf($0.share, centre) }
        let shifts = sameRuns(sides).filter { $0.points.count >= runLength }
        // A rise or fall at point i joins it to point i − 1, so a run of steps i…j covers
        // the points i − 1…j.
        let steps = points.indices.map { i in i == 0 ? 0 : sideOf(points[i].share, points[i - 1].share) }
        let trends = sameRuns(steps).map { (points: ($0.points.lowerBound - 1)...$0.points.upperBound, $0.direction) }
            .filter { $0.points.count >= runLength }
        for run in shifts + trends {
            for i in run.points {
                if run.direction > 0 { up[i] = true } else { down[i] = true }
            }
        }
        for i in points.indices {
            points[i].improvement = up[i]
            points[i].concern = down[i]
        }
        let finding: Finding =
            switch (up.last ?? false, down.last ?? false) {
            case (true, true): .mixed
            case (true, false): .improvement
            case (false, true): .deterioration
            case (false, false): hasLimits || points.contains(where: \.signal) ? .commonCause : .tooFewMonths
            }
        return ControlChart(centre: centre, points: points, finding: finding)
    }

    /// +1 when `share` is above `reference`, −1 below, 0 when equal.
    private static func sideOf(_ share: Double, _ reference: Double) -> Int {
        abs(share - reference) < 1e-12 ? 0 : (share > reference ? 1 : -1)
    }

    /// The maximal runs of one non-zero direction.
    private static func sameRuns(_ directions: [Int]) -> [(points: ClosedRange<Int>, direction: Int)] {
        var runs: [(points: ClosedRange<Int>, direction: Int)] = []
        var start = 0
        for i in directions.indices where i == directions.count - 1 || directions[i + 1] != directions[i] {
            if directions[i] != 0 { runs.append((start...i, directions[i])) }
            start = i + 1
        }
        return runs
    }
}
