/// One audit of one EHCP by one auditor (docs/records.md).
///
/// Records carry pseudonymous references only. `line` fields say where an element
/// started in its source file (nil when built in code), so that every validation error
/// can point at it.
public struct AuditRecord: Sendable, Equatable {
    public var auditId: String
    public var planId: String
    public var framework: FrameworkReference
    public var auditor: String
    public var auditDate: CalendarDate
    public var kind: AuditKind
    public var status: AuditStatus
    /// For a moderation audit, the `auditId` of the audit it moderates (when known).
    public var moderates: String?
    public var plan: PlanDetails
    /// What the plan checks found in the plan document the auditor checked, when the
    /// record says.
    public var planChecks: PlanCheckCounts?
    public var judgements: [Judgement]
    public var advices: [Advice]
    public var line: Int?

    public init(
        auditId: String, planId: String, framework: FrameworkReference, auditor: String,
        auditDate: CalendarDate, kind: AuditKind = .routine, status: AuditStatus = .final, moderates: String? = nil,
        plan: PlanDetails = PlanDetails(), planChecks: PlanCheckCounts? = nil, judgements: [Judgement],
        advices: [Advice] = [], line: Int? = nil
    ) {
        self.auditId = auditId
        self.planId = planId
        self.framework = framework
        self.auditor = auditor
        self.auditDate = auditDate
        self.kind = kind
        self.status = status
        self.moderates = moderates
        self.plan = plan
        self.planChecks = planChecks
        self.judgements = judgements
        self.advices = advices
        self.line = line
    }
}

/// The framework id and version an audit was made against.
public struct FrameworkReference: Sendable, Hashable, CustomStringConvertible {
    public var id: String
    public var version: String

    public init(id: String, version: String) {
        self.id = id
        self.version = version
    }

    public var description: String { "\(id) version \(version)" }
}

/// What the record says about the plan itself; every field is optional.
public struct PlanDetails: Sendable, Equatable {
    public var locality: String?
    public var phase: Phase?
    public var primaryNeed: PrimaryNeed?
    public var team: String?
    public var caseworker: String?
    public var planType: PlanType?
    public var requestDate: CalendarDate?
    public var issueDate: CalendarDate?
    /// One of the exceptions to the 20-week limit applies (SEND Regulations 2014 reg.
    /// 13(3)), so the plan is left out of the 20-week share.
    public var timelinessException: Bool

    public init(
        locality: String? = nil, phase: Phase? = nil, primaryNeed: PrimaryNeed? = nil, team: String? = nil,
        caseworker: String? = nil, planType: PlanType? = nil, requestDate: CalendarDate? = nil,
        issueDate: CalendarDate? = nil, timelinessException: Bool = false
    ) {
        self.locality = locality
        self.phase = phase
        self.primaryNeed = primaryNeed
        self.team = team
        self.caseworker = caseworker
        self.planType = planType
        self.requestDate = requestDate
        self.issueDate = issueDate
        self.timelinessException = timelinessException
    }
}

/// An auditor's rating of one criterion: a scale id or `na`.
public struct Judgement: Sendable, Equatable {
    public var criterion: String
    public var rating: String
    public var comment: String?
    public var line: Int?

    public init(criterion: String, rating: String, comment: String? = nil, line: Int? = nil) {
        self.criterion = criterion
        self.rating = rating
        self.comment = comment
        self.line = line
    }
}

/// One piece of multi-agency advice behind the plan, with the auditor's judgements of it.
public struct Advice: Sendable, Equatable {
    public var id: String
    public var agency: Agency
    public var provider: String?
    public var role: String?
    public var requested: CalendarDate?
    public var received: CalendarDate?
    public var status: AdviceStatus
    /// One of the exceptions to the 6-week deadline applies (SEND Regulations 2014 reg.
    /// 8(2)), so the advice is left out of every timeliness figure.
    public var timelinessException: Bool
    public var judgements: [Judgement]
    public var line: Int?

    public init(
        id: String, agency: Agency, provider: String? = nil, role: String? = nil,
        requested: CalendarDate? = nil, received: CalendarDate? = nil, status: AdviceStatus,
        timelinessException: Bool = false, judgements: [Judgement] = [], line: Int? = nil
    ) {
        self.id = id
        self.agency = agency
        self.provider = provider
        self.role = role
        self.requested = requested
        self.received = received
        self.status = status
        self.timelinessException = timelinessException
        self.judgements = judgements
        self.line = line
    }
}
