/// The closed word lists of docs/records.md. Each raw value is the exact spelling a record uses.

/// Why the audit was made.
public enum AuditKind: String, Sendable, CaseIterable {
    case routine
    /// A second, independent audit of a plan already audited.
    case moderation
    case multiAgency = "multi-agency"
}

/// Whether the audit is finished. Drafts are validated like final audits but never
/// counted in reports.
public enum AuditStatus: String, Sendable, CaseIterable {
    case final
    case draft
}

/// The child's or young person's phase of education.
public enum Phase: String, Sendable, CaseIterable {
    case earlyYears = "early-years"
    case primary
    case secondary
    case post16 = "post-16"
    case post19 = "post-19"
}

/// A SEN2 primary type of need code.
public enum PrimaryNeed: String, Sendable, CaseIterable {
    case asd = "ASD", slcn = "SLCN", semh = "SEMH", mld = "MLD", sld = "SLD", pmld = "PMLD"
    case spld = "SPLD", vi = "VI", hi = "HI", msi = "MSI", pd = "PD", ds = "DS", oth = "OTH"
}

/// Why the plan was written.
public enum PlanType: String, Sendable, CaseIterable {
    case new
    case amended
    case annualReview = "annual-review"
}

/// Who wrote an advice.
public enum Agency: String, Sendable, CaseIterable {
    case education
    case health
    case socialCare = "social-care"
    case educationalPsychology = "educational-psychology"
    case other
}

/// What came back from a request for advice (docs/scoring.md §4).
public enum AdviceStatus: String, Sendable, CaseIterable {
    case received
    /// A complete advice that found no needs: needs-dependent criteria are not applicable.
    case noNeedsIdentified = "no-needs-identified"
    /// A return with nothing in it; counts as a blank return for its provider.
    case blank
    /// Nothing came back; counts against timeliness.
    case notReceived = "not-received"
    /// The service does not know the child, which is not the same as "no needs".
    case notKnown = "not-known"

    /// Whether the auditor judges the advice against the advice criteria.
    public var isJudged: Bool { self == .received || self == .noNeedsIdentified }
}
