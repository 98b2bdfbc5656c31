import EHCPAudit
internal import GRDB

/// Second audits the lead asks for: a final audit handed to another auditor to moderate
/// (docs/moderation.md). The moderator is told the plan and the audit's id, nothing of its
/// ratings, until their own audit is final.
extension AuditStore {
    /// An audit to be moderated, and how far its moderation has got.
    public struct ModerationAssignment: Sendable, Equatable {
        /// The audit to moderate.
        public var auditId: String
        public var planId: String
        public var moderator: String
        /// The moderator's moderation audit of it, if begun, and its status.
        public var moderationId: String?
        public var moderationStatus: String?
    }

    /// Asks `moderator` to moderate a final, non-moderation audit. Throws
    /// ``StoreError/notModeratable(auditId:)`` for any other audit, and
    /// ``StoreError/ownAudit(name:auditId:)`` when the moderator made the audit.
    public func assignModeration(of auditId: String, to moderator: String, by lead: String, at time: String) throws {
        try pool.write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT auditor, kind, status FROM audits WHERE audit_id = ?", arguments: [auditId]),
                row["kind"] as String != AuditKind.moderation.rawValue,
                row["status"] as String == AuditStatus.final.rawValue
            else { throw StoreError.notModeratable(auditId: auditId) }
            guard row["auditor"] as String != moderator else {
                throw StoreError.ownAudit(name: moderator, auditId: auditId)
            }
            try db.execute(
                sql: """
                    INSERT INTO moderation_assignments (audit_id, moderator, assigned_by, assigned_at)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT(audit_id) DO UPDATE SET moderator = excluded.moderator,
                        assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
                    """, arguments: [auditId, moderator, lead, time])
            try log(db, user: lead, action: "moderation.assign", subject: "\(auditId) to \(moderator)", at: time)
        }
    }

    /// The moderations asked for, all or one moderator's, newest first.
    public func moderationAssignments(for moderator: String? = nil) throws -> [ModerationAssignment] {
        try pool.read { db in
            let condition = moderator == nil ? "" : "WHERE m.moderator = ?"
            let arguments: StatementArguments = moderator.map { [$0] } ?? []
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT m.audit_id, a.plan_id, m.moderator,
                        (SELECT audit_id FROM audits WHERE moderates = m.audit_id AND auditor = m.moderator
                         ORDER BY status = 'final' DESC, audit_date DESC LIMIT 1) AS moderation_id
                    FROM moderation_assignments m JOIN audits a ON a.audit_id = m.audit_id \(condition)
                    ORDER BY m.assigned_at DESC, m.audit_id
                    """, arguments: arguments
            ).map { row in
                let moderationId: String? = row["moderation_id"]
                let status = try moderationId.flatMap {
                    try String.fetchOne(db, sql: "SELECT status FROM audits WHERE audit_id = ?", arguments: [$0])
                }
                return ModerationAssignment(
                    auditId: row["audit_id"], planId: row["plan_id"], moderator: row["moderator"],
                    moderationId: moderationId, moderationStatus: status)
            }
        }
    }

    /// Who is asked to moderate an audit, if anyone.
    public func moderator(of auditId: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(
                db, sql: "SELECT moderator FROM moderation_assignments WHERE audit_id = ?", arguments: [auditId])
        }
    }

    /// The moderation audits `auditor` has stored of audit `auditId`.
    public func moderations(of auditId: String, by auditor: String) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT audit_id FROM audits WHERE kind = 'moderation' AND moderates = ? AND auditor = ? ORDER BY audit_id",
                arguments: [auditId, auditor])
        }
    }
}
