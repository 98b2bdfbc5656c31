import Crypto
import EHCPAudit

/// Draws the monthly sample exactly as sampling.md's normative algorithm says, so that
/// anyone with the population and the published seed re-derives the same plans.
///
/// ```swift
/// let parameters = try SampleParameters(month: YearMonth("2025-07")!, seed: "board-2025-07")
/// let sample = try SampleDraw.draw(population, parameters: parameters)
/// ```
public enum SampleDraw {
    /// - Parameters:
    ///   - population: unique plan ids, in any order.
    ///   - lastAudits: latest audit date per plan from elsewhere (the store); the later of
    ///     this and the plan's own `lastAudited` counts.
    public static func draw(_ population: [PopulationPlan], parameters: SampleParameters, lastAudits: [String: CalendarDate] = [:]) throws(SampleError) -> Sample {
        // Strings compare by Unicode equivalence in Swift; plans and strata are told apart
        // by their bytes, as the specification says.
        var seen = Set<[UInt8]>()
        for plan in population where !seen.insert(Array(plan.planId.utf8)).inserted {
            throw SampleError("plan \(plan.planId) appears twice in the population")
        }
        let n = population.count
        // Step 1: T = ceil(r * N - 1e-9).
        let target = Int((parameters.rate * Double(n) - 1e-9).rounded(.up))
        // Step 2: recent when last audited on or after the window's first day.
        let from = parameters.recentFrom
        let candidates = population.map { plan -> Candidate in
            let last = [plan.lastAudited, lastAudits[plan.planId]].compactMap { $0 }.max()
            let stratum = parameters.strata.map { plan.value(for: $0) }.joined(separator: "|")
            return Candidate(planId: plan.planId, stratum: stratum, stratumBytes: Array(stratum.utf8), lastAudit: last, recent: last.map { $0 >= from } ?? false, rank: rank(plan.planId, parameters))
        }
        let eligible = candidates.filter { !$0.recent }
        let e = eligible.count
        var selected: [Candidate]
        // Step 4: not enough eligible plans, so take them all and top up with the recent ones.
        if target >= e {
            let recent = candidates.filter(\.recent).sorted { a, b in
                a.lastAudit! != b.lastAudit! ? a.lastAudit! < b.lastAudit! : a.rank < b.rank
            }
            selected = eligible + recent.prefix(target - e)
        } else {
            // Steps 5 and 6: largest-remainder quotas, lowest ranks in each stratum.
            let groups = Dictionary(grouping: eligible, by: \.stratumBytes)
            let strata = groups.keys.sorted { $0.lexicographicallyPrecedes($1) }
            let quotas = allocate(target, over: strata.map { groups[$0]!.count }, total: e)
            selected = []
            for (stratum, quota) in zip(strata, quotas) where quota > 0 {
                selected += groups[stratum]!.sorted { $0.rank < $1.rank }.prefix(quota)
            }
        }
        // Step 7: by stratum, then rank.
        selected.sort { a, b in a.stratumBytes != b.stratumBytes ? a.stratumBytes.lexicographicallyPrecedes(b.stratumBytes) : a.rank < b.rank }
        return Sample(
            parameters: parameters, population: n, eligible: e, target: target,
            strata: strataSummary(eligible: eligible, selected: selected),
            selected: selected.map { Sample.Selection(planId: $0.planId, stratum: $0.stratum, rank: $0.rank, recent: $0.recent) }
        )
    }

    /// Rank of a plan: lowercase hex SHA-256 of the UTF-8 string `seed:month:planId`.
    public static func rank(_ planId: String, _ parameters: SampleParameters) -> String {
        let digest = SHA256.hash(data: Array("\(parameters.seed):\(parameters.month):\(planId)".utf8))
        return hex(digest)
    }

    /// Largest remainder: `floor(T * E_h / E)` each, then one more to the largest
    /// remainders `(T * E_h) mod E`, ties to the earlier stratum; all in integers.
    static func allocate(_ target: Int, over counts: [Int], total: Int) -> [Int] {
        var quotas = counts.map { target * $0 / total }
        let left = target - quotas.reduce(0, +)
        let order = counts.indices.sorted { a, b in
            let ra = target * counts[a] % total, rb = target * counts[b] % total
            return ra != rb ? ra > rb : a < b
        }
        for index in order.prefix(left) { quotas[index] += 1 }
        return quotas
    }

    private static func strataSummary(eligible: [Candidate], selected: [Candidate]) -> [Sample.Stratum] {
        var eligibleCounts: [[UInt8]: Int] = [:], quotas: [[UInt8]: Int] = [:]
        for candidate in eligible { eligibleCounts[candidate.stratumBytes, default: 0] += 1 }
        for candidate in selected { quotas[candidate.stratumBytes, default: 0] += 1 }
        let keys = Set(eligibleCounts.keys).union(quotas.keys).sorted { $0.lexicographicallyPrecedes($1) }
        return keys.map { Sample.Stratum(stratum: String(decoding: $0, as: UTF8.self), eligible: eligibleCounts[$0] ?? 0, quota: quotas[$0] ?? 0) }
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private struct Candidate {
        var planId: String
        var stratum: String
        var stratumBytes: [UInt8]
        var lastAudit: CalendarDate?
        var recent: Bool
        var rank: String
    }
}
