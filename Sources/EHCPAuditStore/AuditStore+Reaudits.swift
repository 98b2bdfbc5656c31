import EHCPAudit
internal import GRDB

/// Plans audited again: each counted audit of a period paired with the plan's audit just
/// before it under the same framework id (docs/reports.md, "Re-audited plans").
extension AuditStore {
    /// The re-audits of `period` under `framework`'s id, compared against `framework`.
    public func reaudits(for period: ReportPeriod, framework: Framework) throws -> [Reaudit] {
        let audits = try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.audit_id, a.plan_id, a.audit_date, a.grade, a.percent, a.team, a.ratings, a.actions
                    FROM audits a WHERE a.framework_id = ? AND \(Self.countedAudits) AND a.month <= ?
                        AND a.plan_id IN (SELECT a.plan_id FROM audits a WHERE \(Self.countedInPeriod))
                    """,
                arguments: [
                    framework.id, period.last.description, period.first.description, period.last.description,
                    framework.id,
                ]
            ).compactMap(Self.reauditAudit)
        }
        return Reaudit.pairs(audits, within: period).map {
            Reaudit(previous: $0.previous, latest: $0.latest, framework: framework)
        }
    }

    /// The plan's counted audit just before `record` under the same framework id, if any.
    public func previousAudit(of record: AuditRecord) throws -> Reaudit.Audit? {
        try pool.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT a.audit_id, a.plan_id, a.audit_date, a.grade, a.percent, a.team, a.ratings, a.actions
                    FROM audits a WHERE a.plan_id = ? AND a.framework_id = ? AND \(Self.countedAudits)
                        AND (a.audit_date < ? OR (a.audit_date = ? AND a.audit_id < ?))
                    ORDER BY a.audit_date DESC, a.audit_id DESC LIMIT 1
                    """,
                arguments: [
                    record.planId, record.framework.id, record.auditDate.description, record.auditDate.description,
                    record.auditId,
                ]
            ).flatMap(Self.reauditAudit)
        }
    }

    private static func reauditAudit(_ row: Row) -> Reaudit.Audit? {
        guard let date = CalendarDate(row["audit_date"] as String) else { return nil }
        var ratings: [String: String] = [:]
        for item in Packed.unpack(row["ratings"]) where item.count == 2 { ratings[String(item[0])] = String(item[1]) }
        return Reaudit.Audit(
            auditId: row["audit_id"], planId: row["plan_id"], date: date, grade: row["grade"], percent: row["percent"],
            team: row["team"], ratings: ratings, actions: Packed.unpack(row["actions"]).map { String($0[0]) })
    }
}
