import EHCPAudit
internal import GRDB

/// Removing records for good: audits past the retention period, or everything about one
/// plan (docs/data-protection.md). Each run is one transaction, and is recorded in the
/// trail with its parameters but never with what it removed.
extension AuditStore {
    /// What a removal took out of the store (or, on a dry run, would have), by kind. An
    /// audit's caps, advices, ratings, actions and canonical record go with it.
    public struct Removal: Sendable, Equatable {
        public var finalAudits = 0
        public var draftAudits = 0
        /// Moderation audits, including those of another period that moderate a removed audit.
        public var moderationAudits = 0
        /// Earlier versions of removed audits, kept when they were replaced.
        public var earlierVersions = 0
        public var adviceReviews = 0
        /// Second audits asked for of a removed audit and not yet made.
        public var moderationAssignments = 0
        public var planChecks = 0

        public init() {}

        public var isEmpty: Bool { self == Removal() }
    }

    /// Removes the audits dated more than `years` whole years before `today`, and the
    /// plan checks made then: on 2025-07-01 with 6 years, those before 2019-07-01.
    ///
    /// ```swift
    /// let removal = try store.removeRecords(olderThan: 6, today: CalendarDate("2025-07-01")!, dryRun: true,
    ///                                       at: "2025-07-01T09:00:00Z")
    /// print(removal.finalAudits)  // would be removed; nothing was
    /// ```
    public func removeRecords(
        olderThan years: Int, today: CalendarDate, dryRun: Bool, at time: String
    ) throws
        -> Removal
    {
        let cutoff = Self.retentionCutoff(years: years, today: today).description
        return try remove(
            audits: "audit_date < ?", planChecks: "substr(checked_at, 1, 10) < ?", argument: cutoff, dryRun: dryRun,
            trail: (
                action: "records.retention",
                subject: "audits and plan checks dated before \(cutoff) (older than \(years) years)"
            ),
            at: time)
    }

    /// Erases every audit of `planId` (drafts, finals, moderations), their history and
    /// reviews, and the plan's checks. The trail records that an erasure ran, never the plan.
    /// Throws ``StoreError/unknownPlan(planId:)`` when the store holds nothing of the plan.
    public func erase(planId: String, dryRun: Bool, at time: String) throws -> Removal {
        try remove(
            audits: "plan_id = ?", planChecks: "plan_id = ?", argument: planId, dryRun: dryRun,
            trail: (action: "records.erase", subject: "one plan's audits and plan checks erased"), at: time,
            refusingNothing: .unknownPlan(planId: planId))
    }

    /// The first day kept: `years` years before `today` (29 February to 28 February).
    static func retentionCutoff(years: Int, today: CalendarDate) -> CalendarDate {
        CalendarDate(year: today.year - years, month: today.month, day: today.day)
            ?? CalendarDate(year: today.year - years, month: today.month, day: today.day - 1)!
    }

    /// Removes the audits matching `audits` (and the moderations of them) and the plan
    /// checks matching `planChecks`, each condition taking `argument`, in one transaction;
    /// a dry run makes the same deletions and rolls them back, so its counts are exact.
    /// Throws `refusal`, removing nothing, when there is nothing to remove.
    private func remove(
        audits condition: String, planChecks checkCondition: String, argument: String, dryRun: Bool,
        trail: (action: String, subject: String), at time: String, refusingNothing refusal: StoreError? = nil
    ) throws -> Removal {
        try pool.writeWithoutTransaction { db in
            var removal = Removal()
            try db.inTransaction {
                try db.execute(sql: "CREATE TEMP TABLE removed (audit_id TEXT PRIMARY KEY)")
                defer { try? db.execute(sql: "DROP TABLE temp.removed") }
                try db.execute(
                    sql: "INSERT INTO temp.removed SELECT audit_id FROM audits WHERE \(condition)",
                    arguments: [argument])
                // A moderation without the audit it moderates means nothing: it goes too.
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO temp.removed
                        SELECT audit_id FROM audits WHERE moderates IN (SELECT audit_id FROM temp.removed)
                        """)
                let kinds = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT kind = 'moderation', status, COUNT(*) FROM audits
                        WHERE audit_id IN (SELECT audit_id FROM temp.removed) GROUP BY 1, 2
                        """)
                for row in kinds {
                    let count: Int = row[2]
                    if row[0] as Bool {
                        removal.moderationAudits += count
                    } else if row[1] as String == AuditStatus.final.rawValue {
                        removal.finalAudits += count
                    } else {
                        removal.draftAudits += count
                    }
                }
                func delete(_ table: String) throws -> Int {
                    try db.execute(
                        sql: "DELETE FROM \(table) WHERE audit_id IN (SELECT audit_id FROM temp.removed)")
                    return db.changesCount
                }
                removal.earlierVersions = try delete("audit_history")
                removal.adviceReviews = try delete("advice_reviews")
                removal.moderationAssignments = try delete("moderation_assignments")
                _ = try delete("audits")  // its caps, advices and record by cascade
                try db.execute(sql: "DELETE FROM plan_checks WHERE \(checkCondition)", arguments: [argument])
                removal.planChecks = db.changesCount  // their counts by cascade
                if removal.isEmpty, let refusal { throw refusal }
                if !dryRun { try log(db, user: nil, action: trail.action, subject: trail.subject, at: time) }
                return dryRun ? .rollback : .commit
            }
            return removal
        }
    }
}
