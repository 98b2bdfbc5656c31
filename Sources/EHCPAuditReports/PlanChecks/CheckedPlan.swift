import EHCPAudit

/// One plan document and what the checks found in it: the report's file name, its
/// digest, and the findings (docs/plan-checks.md, "Output").
public struct CheckedPlan: Sendable, Equatable {
    /// The document's file name, as given; never stored (it may hold a name).
    public var file: String
    /// SHA-256 of the document's bytes, lower-case hex.
    public var digest: String
    public var report: PlanCheckReport

    public init(file: String, digest: String, report: PlanCheckReport) {
        self.file = file
        self.digest = digest
        self.report = report
    }
}
