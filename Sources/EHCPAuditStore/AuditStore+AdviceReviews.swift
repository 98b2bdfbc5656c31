import EHCPAudit
internal import GRDB

/// Designated officers' reviews of the advice behind plans: the DCO reviews health advice,
/// the DSCO social care advice. A review may change the advice's ratings (stored as a new
/// version of the audit, as any change is); the review itself is recorded here, with who
/// made it and when, so that each officer sees what still awaits them.
extension AuditStore {
    /// One advice of a stored audit, as an officer's worklist shows it.
    public struct AdviceListing: Sendable, Equatable {
        public var auditId: String
        public var planId: String
        public var auditDate: String
        public var adviceId: String
        public var provider: String?
        public var status: String
        public var grade: String?
        /// Who reviewed it, and when; nil while it awaits review.
        public var reviewer: String?
        public var reviewedAt: String?
    }

    /// The advices of `agency` in stored audits (moderation audits aside), newest audit
    /// first: those awaiting review, or those reviewed.
    public func advices(of agency: Agency, reviewed: Bool, limit: Int = 100) throws -> [AdviceListing] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.audit_id, a.plan_id, a.audit_date, v.advice_id, v.provider, v.status, v.grade,
                        r.reviewer, r.reviewed_at
                    FROM audit_advices v JOIN audits a ON a.audit_id = v.audit_id
                    LEFT JOIN advice_reviews r ON r.audit_id = v.audit_id AND r.advice_id = v.advice_id
                    WHERE v.agency = ? AND a.kind != 'moderation' AND (r.audit_id IS NOT NULL) = ?
                    ORDER BY a.audit_date DESC, v.audit_id DESC, v.advice_id LIMIT \(max(0, limit))
                    """, arguments: [agency.rawValue, reviewed]
            ).map {
                AdviceListing(
                    auditId: $0["audit_id"], planId: $0["plan_id"], auditDate: $0["audit_date"],
                    adviceId: $0["advice_id"], provider: $0["provider"], status: $0["status"], grade: $0["grade"],
                    reviewer: $0["reviewer"], reviewedAt: $0["reviewed_at"])
            }
        }
    }

    /// Who reviewed an advice, and when; nil while it awaits review.
    public func adviceReview(auditId: String, adviceId: String) throws -> (reviewer: String, at: String)? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT reviewer, reviewed_at FROM advice_reviews WHERE audit_id = ? AND advice_id = ?",
                arguments: [auditId, adviceId]
            ).map { (reviewer: $0["reviewer"], at: $0["reviewed_at"]) }
        }
    }

    /// Records that `reviewer` reviewed an advice (a later review replaces the earlier),
    /// with a line in the trail. Throws ``StoreError/unknownAdvice(auditId:adviceId:)``
    /// when the stored audit has no such advice.
    public func recordAdviceReview(auditId: String, adviceId: String, by reviewer: String, at time: String) throws {
        try pool.write { db in
            let known = try Int.fetchOne(
                db, sql: "SELECT 1 FROM audit_advices WHERE audit_id = ? AND advice_id = ?",
                arguments: [auditId, adviceId])
            guard known != nil else { throw StoreError.unknownAdvice(auditId: auditId, adviceId: adviceId) }
            try db.execute(
                sql: """
                    INSERT INTO advice_reviews (audit_id, advice_id, reviewer, reviewed_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(audit_id, advice_id) DO UPDATE SET reviewer = excluded.reviewer,
                        reviewed_at = excluded.reviewed_at
                    """, arguments: [auditId, adviceId, reviewer, time])
            try log(db, user: reviewer, action: "advice.review", subject: "\(auditId) \(adviceId)", at: time)
        }
    }
}
