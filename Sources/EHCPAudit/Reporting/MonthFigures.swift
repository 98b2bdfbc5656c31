/// The counts behind a month's report, as the store aggregates them: final routine and
/// multi-agency audits dated in the month (moderation audits are second opinions and
/// drafts are unfinished, so neither is counted).
public struct MonthFigures: Sendable, Equatable {
    public var month: YearMonth
    public var audits: Int
    /// Final grade id → audits.
    public var grades: [String: Int]
    public var sections: [SectionFigures]
    /// Improvement actions raised, by criterion: the criteria most often below standard.
    public var criteriaBelow: [CriterionCount]
    /// Caps triggered, by criterion.
    public var caps: [CriterionCount]
    /// New plans audited in the month whose request and issue dates are both known (and
    /// in order: an issue before the request is a data error, left out) and to which no
    /// exception to the 20-week limit applies, and how many of them were issued within 20
    /// weeks (140 days) of the request.
    public var newPlansTimed: Int
    public var newPlansWithin20Weeks: Int
    /// New plans with both dates known where an exception applies (reg. 13(3)): left out
    /// of the 20-week share, and counted so the report can say so.
    public var newPlansExceptions: Int
    public var advice: [AdviceFigures]

    public init(
        month: YearMonth, audits: Int = 0, grades: [String: Int] = [:], sections: [SectionFigures] = [],
        criteriaBelow: [CriterionCount] = [], caps: [CriterionCount] = [], newPlansTimed: Int = 0,
        newPlansWithin20Weeks: Int = 0, newPlansExceptions: Int = 0, advice: [AdviceFigures] = []
    ) {
        self.month = month
        self.audits = audits
        self.grades = grades
        self.sections = sections
        self.criteriaBelow = criteriaBelow
        self.caps = caps
        self.newPlansTimed = newPlansTimed
        self.newPlansWithin20Weeks = newPlansWithin20Weeks
        self.newPlansExceptions = newPlansExceptions
        self.advice = advice
    }
}

/// One section across the month's audits.
public struct SectionFigures: Sendable, Equatable {
    public var id: String
    /// Audits in which the section was applicable.
    public var applicable: Int
    /// Sum of the section's percents over those audits (mean = sum / applicable).
    public var percentSum: Double
    /// Section grade id → audits.
    public var grades: [String: Int]

    public init(id: String, applicable: Int, percentSum: Double, grades: [String: Int]) {
        self.id = id
        self.applicable = applicable
        self.percentSum = percentSum
        self.grades = grades
    }
}

public struct CriterionCount: Sendable, Equatable {
    public var criterion: String
    public var count: Int

    public init(criterion: String, count: Int) {
        self.criterion = criterion
        self.count = count
    }
}

/// The advices of one agency and provider.
public struct AdviceFigures: Sendable, Equatable {
    public var agency: Agency
    public var provider: String?
    public var total: Int
    /// Advice grade id → advices scored.
    public var grades: [String: Int]
    public var timely: Int
    public var late: Int
    public var blank: Int
    public var noNeeds: Int
    public var notReceived: Int
    public var notKnown: Int
    /// Not received, with no exception to the deadline: these count against timeliness.
    public var overdue: Int
    /// Advices where an exception to the deadline applies (reg. 8(2)): left out of every
    /// timeliness figure (on time, late, never received, days).
    public var exceptions: Int
    /// Days from request to receipt of every advice where both are known and no exception
    /// applies.
    public var days: [Int]

    public init(
        agency: Agency, provider: String?, total: Int = 0, grades: [String: Int] = [:], timely: Int = 0, late: Int = 0,
        blank: Int = 0, noNeeds: Int = 0, notReceived: Int = 0, notKnown: Int = 0, overdue: Int? = nil,
        exceptions: Int = 0, days: [Int] = []
    ) {
        self.agency = agency
        self.provider = provider
        self.total = total
        self.grades = grades
        self.timely = timely
        self.late = late
        self.blank = blank
        self.noNeeds = noNeeds
        self.notReceived = notReceived
        self.notKnown = notKnown
        self.overdue = overdue ?? notReceived
        self.exceptions = exceptions
        self.days = days
    }

    /// Timely out of every advice with a verdict: received on time, late, or never (a
    /// not-received advice counts against timeliness), exceptions left out.
    public var timeliness: Share? { Share(timely, of: timely + late + overdue) }

    /// Adds another group's advices into this one.
    public mutating func add(_ other: AdviceFigures) {
        total += other.total
        for (grade, count) in other.grades { grades[grade, default: 0] += count }
        timely += other.timely
        late += other.late
        blank += other.blank
        noNeeds += other.noNeeds
        notReceived += other.notReceived
        notKnown += other.notKnown
        overdue += other.overdue
        exceptions += other.exceptions
        days += other.days
    }
}
