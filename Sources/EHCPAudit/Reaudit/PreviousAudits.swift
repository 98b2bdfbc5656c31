/// "The previous audit" of a plan's audit, the one it is compared with (docs/reports.md,
/// "Re-audited plans"): of the counted audits (``CountedAudit/isCounted``: final, and not
/// moderations), the latest of the same plan under the same framework id that comes before
/// it, by date and then by audit id, so that two audits of one day are taken in the order
/// of their ids.
///
/// The audits are kept one by one, each with what the caller wants back of it (`Value`): the
/// CLI's `score` compares each audit with the previous one among those it has read so far.
/// The store finds the same audit in SQL (`AuditStore.previousAudit(of:)`), and
/// ``Reaudit/pairs(_:within:)`` orders a plan's audits the same way; a test of the store
/// holds the SQL to this definition.
///
/// ```swift
/// var earlier = PreviousAudits<String>()
/// for record in records { earlier.add(record, record.auditId) }
/// earlier.previous(of: june)   // the id of the audit june is compared with, if any
/// ```
public struct PreviousAudits<Value> {
    /// A plan's audits under one framework id: the history a previous audit is found in.
    private struct History: Hashable {
        var planId: String
        var frameworkId: String

        init(_ record: AuditRecord) {
            planId = record.planId
            frameworkId = record.framework.id
        }
    }

    private var histories: [History: [(date: CalendarDate, auditId: String, value: Value)]] = [:]

    public init() {}

    /// Keeps `record` with `value` (made only then), when it counts: only a counted audit can
    /// be another's previous audit.
    public mutating func add(_ record: AuditRecord, _ value: @autoclosure () -> Value) {
        guard record.isCounted else { return }
        histories[History(record), default: []].append((record.auditDate, record.auditId, value()))
    }

    /// The value kept with `record`'s previous audit; nil when none kept comes before it. (Of
    /// any record: a draft, say, is shown the audit it would be compared with.)
    public func previous(of record: AuditRecord) -> Value? {
        let place = (date: record.auditDate, auditId: record.auditId)
        return histories[History(record)]?.filter { Reaudit.precedes(($0.date, $0.auditId), place) }
            .max { Reaudit.precedes(($0.date, $0.auditId), ($1.date, $1.auditId)) }?.value
    }
}

extension PreviousAudits: Sendable where Value: Sendable {}

extension Reaudit {
    /// The order of a plan's audits: by date, then by audit id.
    static func precedes(
        _ a: (date: CalendarDate, auditId: String), _ b: (date: CalendarDate, auditId: String)
    ) -> Bool {
        (a.date, a.auditId) < (b.date, b.auditId)
    }
}
