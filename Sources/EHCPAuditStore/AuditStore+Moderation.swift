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
            var words = WordNumbering()
            let moderations = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(columns) FROM audits a
                    WHERE a.month BETWEEN ? AND ? AND a.kind = 'moderation' AND a.status = 'final'
                    """, arguments: [period.first.description, period.last.description]
            ).compactMap { try summary($0, &words) }
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
            ).compactMap { try summary($0, &words) }
            return (moderations, audits)
        }
    }

    /// The final, non-moderation audits dated in `period` against `framework` that carry
    /// `planChecks`, with their counts (`PlanCheckAgreement` picks the latest of each plan).
    public func planCheckedAudits(for period: ReportPeriod, framework: FrameworkReference) throws -> [AuditSummary] {
        try pool.read { db in
            var words = WordNumbering()
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT a.audit_id, a.plan_id, a.framework_id, a.framework_version, a.auditor, a.audit_date, a.kind,
                        a.status, a.moderates, a.percent, a.grade, a.ratings, a.plan_checks
                    FROM audits a
                    WHERE a.month BETWEEN ? AND ? AND a.framework_id = ? AND a.framework_version = ?
                        AND \(Self.countedAudits) AND a.plan_checks IS NOT NULL
                    """,
                arguments: [period.first.description, period.last.description, framework.id, framework.version]
            ).compactMap { row in
                guard var audit = try summary(row, &words) else { return nil }
                var counts: [PlanCheckKind: Int] = [:]
                try Packed.forEachItem(in: row, at: 12) { item in
                    guard item.count == 2, let check = PlanCheckKind(rawValue: item.text(0)),
                        let count = Int(item.text(1))
                    else { return }
                    counts[check] = count
                }
                audit.planChecks = counts
                return audit
            }
        }
    }

    /// An audit as moderation compares it, from a row of the columns above, read by position;
    /// `words` shares criterion and rating ids between audits.
    private func summary(_ row: Row, _ words: inout WordNumbering) throws -> AuditSummary? {
        guard let date = CalendarDate(row[5] as String), let kind = AuditKind(rawValue: row[6]),
            let status = AuditStatus(rawValue: row[7])
        else { return nil }
        var ratings: [String: String] = [:]
        try Packed.forEachItem(in: row, at: 11) { item in
            if item.count == 2 { ratings[words.text(item[0])] = words.text(item[1]) }
        }
        return AuditSummary(
            auditId: row[0], planId: row[1], framework: FrameworkReference(id: row[2], version: row[3]),
            auditor: row[4], auditDate: date, kind: kind, status: status, moderates: row[8], percent: row[9],
            grade: row[10], ratings: ratings)
    }
}
