/// One check of a rules file: what it looks at, which criterion it informs, what it says
/// and where the rule comes from (docs/plan-checks.md, "Checks").
///
/// The words a check matches are data; which words a kind of check uses:
/// `phrases` (vague-wording, outcome-is-provision, no-setting-in-final's "to be confirmed",
/// template-text's fixed phrases), `frequency` and `amount` (unquantified-provision),
/// `roles` (no-expertise), `timeFrames` (outcome-not-time-bound), `bracketWords` and
/// `markers` (template-text), `maxAgeDays` (stale-advice), `minWords` (repeated-text).
public struct PlanCheckRule: Sendable {
    public var kind: PlanCheckKind
    /// The sections it reads (`plan` checks read the whole document).
    public var sections: [String]
    /// The criterion each section's findings inform, by section id; `plan` for findings
    /// about the whole plan. A section absent here informs no criterion.
    public var informs: [String: String]
    /// What a finding says, in plain English.
    public var message: String
    /// Where the rule comes from, in law or guidance.
    public var source: String?
    /// What one finding is called, and several ("vague phrase", "vague phrases").
    public var one: String
    public var many: String
    /// From how many findings a criterion is suggested which rating; nil for the rules'
    /// default.
    public var suggest: [PlanSuggestionStep]?
    public var phrases: [PlanPhrase] = []
    public var frequency: [PlanPhrase] = []
    public var amount: [PlanPhrase] = []
    public var roles: [PlanPhrase] = []
    public var timeFrames: [PlanPhrase] = []
    public var bracketWords: [String] = []
    public var markers: [String] = []
    public var maxAgeDays: Int?
    public var minWords: Int?

    public init(
        kind: PlanCheckKind, sections: [String], informs: [String: String], message: String, source: String?,
        one: String, many: String, suggest: [PlanSuggestionStep]? = nil
    ) {
        self.kind = kind
        self.sections = sections
        self.informs = informs
        self.message = message
        self.source = source
        self.one = one
        self.many = many
        self.suggest = suggest
    }
}

/// From `from` findings on, suggest `rating`.
public struct PlanSuggestionStep: Sendable, Hashable {
    public var from: Int
    public var rating: String

    public init(from: Int, rating: String) {
        self.from = from
        self.rating = rating
    }
}
