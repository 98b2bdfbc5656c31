import EHCPAudit
import EHCPAuditSampling

/// Realistic proportions for synthetic plans (DfE, January 2025).
enum Proportions {
    static let needs: [(String, Double)] = [
        ("ASD", 31.5), ("SLCN", 21.3), ("SEMH", 20.7), ("MLD", 6.2), ("SPLD", 4.4), ("SLD", 4.1), ("PD", 3.4),
        ("OTH", 2.6), ("HI", 1.7), ("PMLD", 1.4), ("VI", 1.0), ("MSI", 0.3),
    ]
    static let phases: [(String, Double)] = [
        ("early-years", 3), ("primary", 40), ("secondary", 35), ("post-16", 17), ("post-19", 5),
    ]
    static let localities = ["Central", "East", "North", "South", "West", "Coastal", "Pennine", "Valley"]
    /// Share of new plans issued within 20 weeks of the request (England, 2024).
    static let within20Weeks = 0.464
    /// Share of new plans to which an exception to the 20-week limit applies: an assumed
    /// few percent (the published 20-week figure already leaves exceptions out).
    static let timelinessException = 0.05
    /// Share of advice where an exception to the 6-week deadline applies (assumed).
    static let adviceDeadlineException = 0.02
}

/// A synthetic population of open plans, made on demand from the seed.
public struct SyntheticPopulation: Sendable {
    public let plans: [PopulationPlan]

    public init(count: Int, seed: String, asOf: CalendarDate) {
        var random = SeededRandom(seed: seed + ":population")
        plans = (1...max(count, 1)).prefix(count).map { n in
            let locality = Proportions.localities[random.int(0...Proportions.localities.count - 1)]
            let startYear = asOf.year - random.int(0...12)
            let start = CalendarDate(year: startYear, month: random.int(1...12), day: random.int(1...28)).map {
                min($0, asOf)
            }
            var last: CalendarDate?
            if random.chance(0.25) {
                last = CalendarDate(
                    year: asOf.year - random.int(0...2), month: random.int(1...12), day: random.int(1...28)
                ).map { min($0, asOf) }
            }
            return PopulationPlan(
                planId: "P\(String(n).leftPadded(7))", locality: locality, phase: random.pick(Proportions.phases),
                primaryNeed: random.pick(Proportions.needs), team: "\(locality)-\(random.int(1...4))",
                caseworker: "cw-\(random.int(100...999))",
                planStart: start, lastAudited: last
            )
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
