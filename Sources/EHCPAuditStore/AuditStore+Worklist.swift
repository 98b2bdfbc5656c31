import EHCPAudit
internal import GRDB

/// The month's sample as work to share out: each sampled plan, who is to audit it, and
/// how far its audit has got.
extension AuditStore {
    /// One sampled plan on the worklist.
    public struct WorkItem: Sendable, Equatable {
        public enum Progress: String, Sendable {
            case notStarted = "not started"
            case draft
            case final
        }

        public var planId: String
        public var stratum: String
        /// The auditor it is assigned to, if any.
        public var auditor: String?
        public var progress: Progress
        /// The month's latest routine or multi-agency audit of the plan, if any.
        public var auditId: String?
    }

    /// The latest month with a drawn sample.
    public func latestSampleMonth() throws -> YearMonth? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT MAX(month) FROM samples") }.flatMap { YearMonth($0) }
    }

    /// The month's sampled plans in sample order, with their assignment and progress.
    public func worklist(for month: YearMonth) throws -> [WorkItem] {
        try pool.read { db in
            let key = month.description
            let assigned = Dictionary(
                try Row.fetchAll(db, sql: "SELECT plan_id, auditor FROM assignments WHERE month = ?", arguments: [key])
                    .map { ($0["plan_id"] as String, $0["auditor"] as String) }, uniquingKeysWith: { $1 })
            var audits: [String: (id: String, status: String)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT plan_id, audit_id, status FROM audits WHERE month = ? AND kind != 'moderation'
                    ORDER BY audit_date, audit_id
                    """, arguments: [key])
            {
                let planId: String = row["plan_id"]
                // A final audit wins over a draft; otherwise the latest.
                if audits[planId]?.status != "final" { audits[planId] = (row["audit_id"], row["status"]) }
            }
            return try Row.fetchAll(
                db, sql: "SELECT plan_id, stratum FROM sample_plans WHERE month = ? ORDER BY position", arguments: [key]
            ).map { row in
                let planId: String = row["plan_id"]
                let audit = audits[planId]
                return WorkItem(
                    planId: planId, stratum: row["stratum"], auditor: assigned[planId],
                    progress: audit.map { $0.status == "final" ? .final : .draft } ?? .notStarted, auditId: audit?.id)
            }
        }
    }

    /// Assigns sampled plans of `month` to auditors (an empty name takes the assignment
    /// away). Plans not in the month's sample are refused.
    public func assign(
        _ assignments: [(planId: String, auditor: String)], month: YearMonth, by lead: String, at time: String
    )
        throws
    {
        try pool.write { db in
            let sampled = try String.fetchSet(
                db, sql: "SELECT plan_id FROM sample_plans WHERE month = ?", arguments: [month.description])
            for (planId, auditor) in assignments {
                guard sampled.contains(planId) else {
                    throw StoreError.notSampled(planId: planId, month: month.description)
                }
                if auditor.isEmpty {
                    try db.execute(
                        sql: "DELETE FROM assignments WHERE month = ? AND plan_id = ?",
                        arguments: [month.description, planId])
                } else {
                    try db.execute(
                        sql: """
                            INSERT INTO assignments (month, plan_id, auditor, assigned_by, assigned_at)
                            VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT(month, plan_id) DO UPDATE SET auditor = excluded.auditor,
                                assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
                            """, arguments: [month.description, planId, auditor, lead, time])
                }
            }
            try db.execute(
                sql: "INSERT INTO audit_trail (at, user_name, action, subject) VALUES (?, ?, 'sample.assign', ?)",
                arguments: [time, lead, "\(month): \(assignments.count) plans"])
        }
    }
}
