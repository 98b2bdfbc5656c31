/// What the plan checks found in the plan document the auditor checked (docs/records.md,
/// `planChecks`): the rules file's version, and how many findings each check made.
///
/// A check missing from `counts` was not counted (the audit says nothing about it); a
/// count of 0 says the check ran and found nothing.
///
/// ```swift
/// let checks = PlanCheckCounts(rules: "2026.1", counts: [.vagueWording: 3, .outcomeNotTimeBound: 0])
/// checks.ordered.map(\.check.rawValue)   // ["vague-wording", "outcome-not-time-bound"]
/// ```
public struct PlanCheckCounts: Sendable, Equatable {
    /// The version of the plan-check rules file that made the counts.
    public var rules: String
    /// Findings by check; never negative.
    public var counts: [PlanCheckKind: Int]

    public init(rules: String, counts: [PlanCheckKind: Int]) {
        self.rules = rules
        self.counts = counts
    }

    /// The counts in ``PlanCheckKind`` order, the order every writer uses.
    public var ordered: [(check: PlanCheckKind, count: Int)] {
        PlanCheckKind.allCases.compactMap { check in counts[check].map { (check, $0) } }
    }
}
