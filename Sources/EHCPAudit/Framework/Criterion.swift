/// One thing an auditor checks, such as "Provision is specified and quantified".
public struct Criterion: Sendable, Equatable {
    public var id: String
    /// What the auditor looks for, in plain English.
    public var text: String
    /// Share of its section relative to the other criteria there; greater than 0.
    public var weight: Double
    /// May the auditor answer `na`?
    public var notApplicable: Bool
    /// Advice criteria only: meaningful only where the advice identified needs, so it
    /// must be `na` when the advice found none (docs/scoring.md §4).
    public var needsDependent: Bool
    /// An optional limiting judgement that caps the overall grade.
    public var cap: Cap?
    /// What to do to improve the plan when this criterion falls short.
    public var action: String
    /// What good looks like, shown to auditors; never changes a score.
    public var guidance: String?
    /// Where the criterion comes from (the law, the Code of Practice, a checklist); never
    /// changes a score.
    public var source: String?

    public init(
        id: String, text: String, weight: Double = 1, notApplicable: Bool = false,
        needsDependent: Bool = false, cap: Cap? = nil, action: String, guidance: String? = nil, source: String? = nil
    ) {
        self.id = id
        self.text = text
        self.weight = weight
        self.notApplicable = notApplicable
        self.needsDependent = needsDependent
        self.cap = cap
        self.action = action
        self.guidance = guidance
        self.source = source
    }
}

/// A limiting judgement: a criterion judged `at` or worse limits the grade to `grade` or
/// worse, whatever the percentage says ("Limited to Requires improvement because F1 was
/// rated Inadequate").
public struct Cap: Sendable, Equatable {
    /// A scale id: judgements with this many points or fewer trigger the cap.
    public var at: String
    /// A grade id: the best grade the record can then receive.
    public var grade: String

    public init(at: String, grade: String) {
        self.at = at
        self.grade = grade
    }
}
