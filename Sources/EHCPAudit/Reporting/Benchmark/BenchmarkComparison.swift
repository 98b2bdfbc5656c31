/// Councils compared (docs/comparison.md): only like with like (the same framework id and
/// version, the same twelve months), each measure as a funnel plot with the councils as its
/// units.
///
/// ```swift
/// let comparison = BenchmarkComparison.compare([ours, northshire, southvale])
/// comparison.funnels.first?.measure   // .goodOrBetter
/// ```
public struct BenchmarkComparison: Sendable, Equatable {
    /// A council left out, and why, in words.
    public struct Left: Sendable, Equatable {
        public var council: String
        public var why: String
    }

    /// The councils compared, in the order given.
    public var comparable: [BenchmarkFigures]
    public var notComparable: [Left]
    /// One per measure with anything to plot: Good or better of audits, advice received
    /// on time, new plans within 20 weeks.
    public var funnels: [FunnelPlot]

    /// Compares `bundles` with the first one's framework and window (the first is usually
    /// the council's own).
    public static func compare(_ bundles: [BenchmarkFigures]) -> BenchmarkComparison {
        guard let first = bundles.first else {
            return BenchmarkComparison(comparable: [], notComparable: [], funnels: [])
        }
        var comparable: [BenchmarkFigures] = [], left: [Left] = []
        var seen: Set<String> = []
        for bundle in bundles {
            if !seen.insert(bundle.council).inserted {
                left.append(Left(council: bundle.council, why: "a second bundle from the same council"))
            } else if bundle.framework.id != first.framework.id {
                left.append(
                    Left(
                        council: bundle.council,
                        why: "it audits against \(bundle.framework.id), not \(first.framework.id)"))
            } else if bundle.framework.version != first.framework.version {
                left.append(
                    Left(
                        council: bundle.council,
                        why: """
                            it used version \(bundle.framework.version) of \(bundle.framework.id), not \
                            \(first.framework.version): the criteria differ
                            """))
            } else if bundle.from != first.from || bundle.to != first.to {
                left.append(
                    Left(
                        council: bundle.council,
                        why: "it covers \(bundle.from) to \(bundle.to), not \(first.from) to \(first.to)"))
            } else {
                comparable.append(bundle)
            }
        }
        let measures: [(FunnelPlot.Measure, (BenchmarkFigures) -> (n: Int?, y: Int?))] = [
            (.goodOrBetter, { ($0.audits, $0.goodOrBetter) }),
            (.adviceOnTime, { ($0.adviceReceived, $0.adviceOnTime) }),
            (.within20Weeks, { ($0.newPlansCounted, $0.newPlansWithin20Weeks) }),
        ]
        let funnels = measures.compactMap { measure, counts in
            FunnelPlot.build(
                measure: measure,
                units: comparable.compactMap { bundle in
                    let (n, y) = counts(bundle)
                    return n.flatMap { n in y.map { FunnelPlot.Count(name: bundle.council, n: n, y: $0) } }
                })
        }
        return BenchmarkComparison(comparable: comparable, notComparable: left, funnels: funnels)
    }
}
