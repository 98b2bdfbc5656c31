/// Whether an audit counts in reports, re-audits, agreement and the plan checks'
/// agreement (docs/reports.md, "Which audits count"): a final audit, and not a moderation,
/// which is a second opinion of a plan already audited.
///
/// The one statement of the rule in Swift; the store's queries say it in SQL
/// (`AuditStore.countedAudits`), and the store's test of the previous audit holds the
/// two together.
///
/// ```swift
/// let counted = records.filter(\.isCounted)
/// ```
public protocol CountedAudit {
    var status: AuditStatus { get }
    var kind: AuditKind { get }
}

extension CountedAudit {
    /// A final audit that is not a moderation.
    public var isCounted: Bool { status == .final && kind != .moderation }
}

extension AuditRecord: CountedAudit {}
extension AuditSummary: CountedAudit {}
