/// The score of one valid audit record: percent, grades, caps, actions and advice results
/// (docs/scoring.md §3–§5). Percentages are unrounded; renderers round for display.
public struct AuditResult: Sendable, Equatable {
    public var auditId: String
    public var planId: String
    public var framework: FrameworkReference
    /// Weighted mean of the applicable sections' percents.
    public var percent: Double
    /// The grade the percent alone earns.
    public var boundaryGrade: Grade
    /// The worst of the boundary grade and every triggered cap.
    public var grade: Grade
    /// Every triggered cap in framework order, whether or not it lowered the grade.
    public var caps: [AppliedCap]
    /// Every section in framework order; `percent` and `grade` are nil where not applicable.
    public var sections: [SectionResult]
    /// Largest gain first; ties (within 1e-9) keep framework order.
    public var actions: [ImprovementAction]
    /// One result per advice, in record order.
    public var advices: [AdviceResult]
    /// How many criteria the record judges of those it takes. A final record is always
    /// complete; a draft that is not has a provisional result, over the criteria it judges
    /// (docs/scoring.md §2).
    public var completeness: Completeness

    /// Whether the result is provisional: the record is a draft that leaves criteria
    /// unjudged, so its percent and grade may change as they are judged.
    public var isProvisional: Bool { !completeness.isComplete }
}

/// How far an audit has got: the criteria it judges (`na` counts, as an answer) of those
/// it takes, which are every plan criterion and every advice criterion of each advice that
/// is judged (received or no-needs-identified; docs/scoring.md §4).
///
/// ```swift
/// let result = try scorer.score(draft)
/// print("\(result.completeness.judged) of \(result.completeness.expected) rated")   // "31 of 49 rated"
/// ```
public struct Completeness: Sendable, Equatable {
    /// Criteria with a judgement (a rating or `na`).
    public var judged: Int
    /// Criteria the record takes.
    public var expected: Int

    public init(judged: Int = 0, expected: Int = 0) {
        self.judged = judged
        self.expected = expected
    }

    /// Every criterion the record takes is judged.
    public var isComplete: Bool { judged == expected }
}

/// A cap that a judgement triggered.
public struct AppliedCap: Sendable, Equatable {
    public var criterion: String
    /// The rating id the criterion was given.
    public var rating: String
    /// The best grade the record may receive because of it.
    public var grade: Grade
}

/// A section's own percent and grade (caps do not apply to section grades).
public struct SectionResult: Sendable, Equatable {
    public var id: String
    public var percent: Double?
    public var grade: Grade?
}

/// Something that would improve the plan, with what it is worth.
public struct ImprovementAction: Sendable, Equatable {
    public var criterion: String
    public var section: String
    /// The rating id the criterion was given.
    public var rating: String
    /// Overall percentage points gained if this criterion alone were raised to `actionBelow`.
    public var gain: Double
    public var text: String

    public init(criterion: String, section: String, rating: String, gain: Double, text: String) {
        self.criterion = criterion
        self.section = section
        self.rating = rating
        self.gain = gain
        self.text = text
    }
}

/// The quality and timeliness of one advice.
public struct AdviceResult: Sendable, Equatable {
    public var id: String
    public var agency: Agency
    public var provider: String?
    public var status: AdviceStatus
    /// Nil when the advice is not scored (blank, not received, not known, or all `na`).
    public var percent: Double?
    public var grade: Grade?
    /// Calendar days from request to receipt; nil where either date is missing.
    public var days: Int?
    /// `days <= deadlineDays`; nil where `days` is nil. (An exception to the deadline, the
    /// advice's `timelinessException`, leaves the reports' timeliness figures, not this.)
    public var timely: Bool?
}
