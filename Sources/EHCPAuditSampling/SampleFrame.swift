import EHCPAudit

/// The population of a draw, taken one plan at a time: each plan's recent-or-eligible,
/// stratum and rank (steps 2, 3 and 6 of docs/sampling.md) are worked out as it arrives,
/// so that a reader can hand plans over as it reads them; ``draw()`` does the rest.
/// Only each plan's id is kept, not the plan.
///
/// ```swift
/// var frame = SampleFrame(parameters: parameters)
/// try PopulationCSV.read(path: "population.csv") { plan in try frame.add(plan) }
/// let sample = try frame.draw()
/// ```
public struct SampleFrame {
    public let parameters: SampleParameters
    private let lastAudits: [String: CalendarDate]
    private let from: Int
    private let ranker: Ranker
    private var strata = StrataTable()
    private var duplicates: DuplicateCheck
    /// Each plan's id and what the draw needs of it, in the order given.
    private var ids: [String] = []
    private var candidates: [Candidate] = []

    /// - Parameters:
    ///   - parameters: the month, the seed, the rate, the strata and the look-back.
    ///   - lastAudits: latest audit date per plan from elsewhere (the store); the later of
    ///     this and the plan's own `lastAudited` counts.
    ///   - capacity: how many plans to make room for at once, when known.
    public init(parameters: SampleParameters, lastAudits: [String: CalendarDate] = [:], capacity: Int = 0) {
        self.parameters = parameters
        self.lastAudits = lastAudits
        from = parameters.recentFrom.dayNumber
        ranker = Ranker(parameters)
        duplicates = DuplicateCheck(capacity: capacity)
        ids.reserveCapacity(capacity)
        candidates.reserveCapacity(capacity)
    }

    /// Takes the next plan; throws when its id was given before.
    public mutating func add(_ plan: PopulationPlan) throws(SampleError) {
        let index = candidates.count
        let rank = ranker.rank(plan.planId)
        ids.append(plan.planId)
        if let other = duplicates.first(index, rank), let twice = duplicates.twice(ids, other, index) {
            throw SampleError("plan \(twice) appears twice in the population")
        }
        let stored = lastAudits.isEmpty ? nil : lastAudits[plan.planId]
        let last = stored.map { date in plan.lastAudited.map { Swift.max($0, date) } ?? date } ?? plan.lastAudited
        candidates.append(
            Candidate(
                stratum: strata.id(of: plan, keys: parameters.strata),
                lastDay: last.map { Int32($0.dayNumber) } ?? .min, recent: last.map { $0.dayNumber >= from } ?? false,
                rank: rank))
    }

    /// The sample of the plans taken so far (steps 1, 4, 5 and 7).
    public func draw() throws(SampleError) -> Sample {
        if duplicates.collided, let twice = DuplicateCheck.firstTwice(ids) {
            throw SampleError("plan \(twice) appears twice in the population")
        }
        let n = candidates.count
        // Step 1: T = ceil(r * N - 1e-9).
        let target = Int((parameters.rate * Double(n) - 1e-9).rounded(.up))
        // Indexes into `candidates`, so nothing large is copied.
        let eligible = candidates.indices.filter { !candidates[$0].recent }
        let e = eligible.count
        var selected: [Int]
        if target >= e {
            // Step 4: every eligible plan, then the recent ones, oldest last audit first.
            let recent = candidates.indices.filter { candidates[$0].recent }.sorted {
                (candidates[$0].lastDay, candidates[$0].rank) < (candidates[$1].lastDay, candidates[$1].rank)
            }
            selected = eligible + recent.prefix(target - e)
        } else {
            // Steps 5 and 6: largest-remainder quotas, lowest ranks in each stratum.
            var groups = [[Int]](repeating: [], count: strata.count)
            for index in eligible { groups[Int(candidates[index].stratum)].append(index) }
            let order = strata.byteOrder.filter { !groups[Int($0)].isEmpty }
            let quotas = SampleDraw.allocate(target, over: order.map { groups[Int($0)].count }, total: e)
            selected = []
            for (stratum, quota) in zip(order, quotas) where quota > 0 {
                selected += SampleDraw.lowest(quota, of: groups[Int(stratum)]) {
                    candidates[$0].rank < candidates[$1].rank
                }
            }
        }
        // Step 7: by stratum (bytes), then rank.
        let position = strata.positions
        selected.sort { a, b in
            let x = candidates[a], y = candidates[b]
            return x.stratum == y.stratum ? x.rank < y.rank : position[Int(x.stratum)] < position[Int(y.stratum)]
        }
        var eligibleCounts = [Int](repeating: 0, count: strata.count), quotas = eligibleCounts
        for index in eligible { eligibleCounts[Int(candidates[index].stratum)] += 1 }
        for index in selected { quotas[Int(candidates[index].stratum)] += 1 }
        return Sample(
            parameters: parameters, population: n, eligible: e, target: target,
            strata: strata.byteOrder.filter { eligibleCounts[Int($0)] > 0 || quotas[Int($0)] > 0 }.map {
                Sample.Stratum(
                    stratum: strata.names[Int($0)], eligible: eligibleCounts[Int($0)], quota: quotas[Int($0)])
            },
            selected: selected.map { index in
                let candidate = candidates[index]
                return Sample.Selection(
                    planId: ids[index], stratum: strata.names[Int(candidate.stratum)], rank: candidate.rank.hex,
                    recent: candidate.recent)
            }
        )
    }

    /// A plan as the draw sees it, at the same index as its id.
    private struct Candidate {
        var stratum: Int32
        /// Day number of the last audit, `Int32.min` when never audited.
        var lastDay: Int32
        var recent: Bool
        var rank: Rank
    }
}
