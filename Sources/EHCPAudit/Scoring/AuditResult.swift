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
