/// What the plan checks found in one plan document (docs/plan-checks.md, "Output").
///
/// Holds no text of the plan but the matched phrases (and, for findings about a whole
/// sentence or the plan, at most 12 words).
public struct PlanCheckReport: Sendable, Equatable {
    public enum Status: String, Sendable, Hashable { case draft, final }

    /// The rules file's version.
    public var rules: String
    public var status: Status
    public var planDate: CalendarDate?
    public var reviewDate: CalendarDate?
    /// Sections with a heading, in plan order.
    public var sections: [String]
    /// In plan order: findings about the whole plan first, then by block.
    public var findings: [PlanFinding]
    /// Findings by check, for every check the rules ran (zero included), in check order.
    public var counts: [(check: PlanCheckKind, count: Int)]
    public var suggestions: [PlanSuggestion]

    /// Findings by check and section (`plan` for findings about the whole plan): what a
    /// census stores.
    public var countsBySection: [(check: PlanCheckKind, section: String, count: Int)] {
        var counts: [PlanCheckKind: [String: Int]] = [:]
        for finding in findings { counts[finding.check, default: [:]][finding.section ?? "plan", default: 0] += 1 }
        let order = PlanCheckRules.sectionIDs + ["plan"]
        return counts.keys.sorted().flatMap { check in
            counts[check]!.sorted { order.firstIndex(of: $0.key)! < order.firstIndex(of: $1.key)! }.map {
                (check, $0.key, $0.value)
            }
        }
    }

    public static func == (a: PlanCheckReport, b: PlanCheckReport) -> Bool {
        a.rules == b.rules && a.status == b.status && a.planDate == b.planDate && a.reviewDate == b.reviewDate
            && a.sections == b.sections && a.findings == b.findings && a.suggestions == b.suggestions
            && a.counts.map(\.check) == b.counts.map(\.check) && a.counts.map(\.count) == b.counts.map(\.count)
    }
}

/// One thing a check found, pointing at where it is.
public struct PlanFinding: Sendable, Hashable {
    /// A place in the plan: a section, an item of it, a block.
    public struct Place: Sendable, Hashable {
        public var section: String
        public var item: Int?
        public var block: Int

        public init(section: String, item: Int?, block: Int) {
            self.section = section
            self.item = item
            self.block = block
        }
    }

    public var check: PlanCheckKind
    public var section: String?
    public var item: Int?
    public var block: Int?
    /// The phrase as written (for a sentence or a placeholder, at most 12 words).
    public var quote: String?
    /// What a provision lacks: `frequency`, `amount` or both.
    public var missing: [String] = []
    /// Every item a repeated sentence appears in, the first one included.
    public var occurrences: [Place] = []
    public var criterion: String?
    public var message: String
    public var source: String?

    public init(
        check: PlanCheckKind, section: String?, item: Int? = nil, block: Int? = nil, quote: String? = nil,
        criterion: String?, message: String, source: String?
    ) {
        self.check = check
        self.section = section
        self.item = item
        self.block = block
        self.quote = quote
        self.criterion = criterion
        self.message = message
        self.source = source
    }

    /// "item 2", "block 14" or "the plan": where a person finds it.
    public var place: String {
        if let item { return "item \(item)" }
        if let block { return "block \(block)" }
        return "the plan"
    }
}

/// A rating the findings suggest for a criterion; the auditor decides.
public struct PlanSuggestion: Sendable, Hashable {
    public var criterion: String
    public var rating: String
    /// The findings behind it, named: "3 vague phrases in F: 'access to' (item 2), …".
    public var because: String

    public init(criterion: String, rating: String, because: String) {
        self.criterion = criterion
        self.rating = rating
        self.because = because
    }
}
