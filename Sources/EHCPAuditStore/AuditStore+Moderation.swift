import EHCPAudit
internal import GRDB

extension AuditStore {
    /// The final moderation audits dated in `period`, and every stored audit of their
    /// plans (any date, any status) among which their targets are found.
    public func moderationAudits(
        for period: ReportPeriod
    ) throws -> (moderations: [AuditSummary], audits: [AuditSummary]) {
        try pool.read { db in
            let columns = """
                a.audit_id, a.plan_id, a.framework_id, a.framework_version, a.auditor, a.audit_date, a.kind, a.status,
                a.moderates, a.percent, a.grade, a.ratings
                """
            let moderations = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(columns) FROM audits a
                    WHERE a.month BETWEEN ? AND ? AND a.kind = 'moderation' AND a.status = 'final'
                    """, arguments: [period.first.description, period.last.description]
            ).compactMap(summary)
            let audits = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(columns) FROM audits a WHERE a.plan_id IN (
                        SELECT plan_id FROM audits
                        WHERE month BETWEEN ? AND ? AND kind = 'moderation' AND status = 'final')
                    UNION SELECT \(columns) FROM audits a WHERE a.audit_id IN (
                        SELECT moderates FROM audits
                        WHERE month BETWEEN ? AND ? AND kind = 'moderation' AND status = 'final')
                    """,
                arguments: [
                    period.first.description, period.last.description, period.first.description,
                    period.last.description,
                ]
            ).compactMap(summary)
            return (moderations, audits)
        }
    }

    private func summary(_ row: Row) -> AuditSummary? {
        guard let date = CalendarDate(row["audit_date"] as String), let kind = AuditKind(rawValue: row["kind"]),
            let status = AuditStatus(rawValue: row["status"])
        else { return nil }
        var ratings: [String: String] = [:]
        for item in Packed.unpack(row["ratings"]) where item.count == 2 { ratings[String(item[0])] = String(item[1]) }
        return AuditSummary(
            auditId: row["audit_id"], planId: row["plan_id"],
            framework: FrameworkReference(id: row["framework_id"], version: row["framework_version"]),
            auditor: row["auditor"], auditDate: date, kind: kind, status: status, moderates: row["moderates"],
            percent: row["percent"], grade: row["grade"], ratings: ratings)
    }
}
