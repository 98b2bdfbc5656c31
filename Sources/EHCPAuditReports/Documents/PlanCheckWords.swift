import EHCPAudit

/// What a report calls the findings of a check: the rules' own words (`one`, `many` in
/// criteria/plan-checks.yaml), or, without rules or for a check they do not run, the
/// check's id in words ("stale advice").
public struct PlanCheckWords: Sendable {
    let rules: PlanCheckRules?

    public init(_ rules: PlanCheckRules?) {
        self.rules = rules
    }

    /// "vague phrase".
    public func one(_ kind: PlanCheckKind) -> String {
        rules?.check(kind)?.one ?? kind.rawValue.split(separator: "-").joined(separator: " ")
    }

    /// "vague phrases".
    public func many(_ kind: PlanCheckKind) -> String {
        rules?.check(kind)?.many ?? kind.rawValue.split(separator: "-").joined(separator: " ")
    }

    /// "3 vague phrases", "1 vague phrase".
    public func count(_ count: Int, _ kind: PlanCheckKind) -> String {
        "\(count) \(count == 1 ? one(kind) : many(kind))"
    }

    /// "Vague phrases", for a table's first column or header.
    public func title(_ kind: PlanCheckKind) -> String {
        let name = many(kind)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// Whether a report lists a check: the rules run it, or it found something.
    public func lists(_ figure: PlanCheckCensus.CheckFigure) -> Bool {
        rules?.check(figure.check) != nil || figure.plans != .shown(0)
    }
}
