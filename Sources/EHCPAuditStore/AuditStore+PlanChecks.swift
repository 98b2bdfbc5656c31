import EHCPAudit
internal import GRDB

/// The census of plan documents: per plan, what the plan checks found in each version of
/// its document, as counts (docs/plan-checks.md, "Privacy" and "Census and records").
///
/// Only this is stored: plan id, the document's digest, when it was checked, its status,
/// plan and review dates, the rules' version, and counts by check and section. Never its
/// text, a quote or a file name.
extension AuditStore {
    /// One stored check of one version of a plan's document.
    public struct PlanCheckEntry: Sendable, Equatable {
        public var planID: String
        public var digest: String
        /// ISO 8601, UTC.
        public var checkedAt: String
        public var status: PlanCheckReport.Status
        public var planDate: CalendarDate?
        public var reviewDate: CalendarDate?
        public var rules: String
        /// Findings by check and section (`plan` for the whole plan), none zero.
        public var counts: [Count]

        public struct Count: Sendable, Hashable {
            public var check: PlanCheckKind
            public var section: String
            public var count: Int

            public init(check: PlanCheckKind, section: String, count: Int) {
                self.check = check
                self.section = section
                self.count = count
            }
        }

        public init(planID: String, digest: String, checkedAt: String, report: PlanCheckReport) {
            self.planID = planID
            self.digest = digest
            self.checkedAt = checkedAt
            status = report.status
            planDate = report.planDate
            reviewDate = report.reviewDate
            rules = report.rules
            counts = report.countsBySection.map { Count(check: $0.check, section: $0.section, count: $0.count) }
        }

        /// Findings of a check, in every section.
        public func total(_ check: PlanCheckKind) -> Int {
            counts.filter { $0.check == check }.reduce(0) { $0 + $1.count }
        }
        /// Findings of every check.
        public var findings: Int { counts.reduce(0) { $0 + $1.count } }
    }

    /// Stores a plan's check unless the same document (same digest) is already stored for
    /// the plan; true when stored. An earlier check of another version is kept.
    @discardableResult
    public func storePlanCheck(_ entry: PlanCheckEntry) throws -> Bool {
        try pool.write { db in
            let known =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM plan_checks WHERE plan_id = ? AND digest = ?)",
                    arguments: [entry.planID, entry.digest]) ?? false
            guard !known else { return false }
            try db.execute(
                sql: """
                    INSERT INTO plan_checks (plan_id, digest, checked_at, status, plan_date, review_date, rules, findings)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.planID, entry.digest, entry.checkedAt, entry.status.rawValue, entry.planDate?.description,
                    entry.reviewDate?.description, entry.rules, entry.findings,
                ])
            let id = db.lastInsertedRowID
            for count in entry.counts {
                try db.execute(
                    sql: "INSERT INTO plan_check_counts (plan_check, check_id, section, count) VALUES (?, ?, ?, ?)",
                    arguments: [id, count.check.rawValue, count.section, count.count])
            }
            return true
        }
    }

    /// Each plan's latest check made in `month` or before it, in plan id order. With
    /// `during`, only plans whose latest check was made in `month` itself.
    public func latestPlanChecks(asOf month: YearMonth, during: Bool = false) throws -> [PlanCheckEntry] {
        let end = month.adding(months: 1).firstDay.description
        let start = month.firstDay.description
        return try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.plan_id, c.digest, c.checked_at, c.status, c.plan_date, c.review_date, c.rules
                    FROM plan_checks c
                    WHERE c.id = (SELECT id FROM plan_checks l WHERE l.plan_id = c.plan_id AND l.checked_at < ?
                                  ORDER BY l.checked_at DESC, l.id DESC LIMIT 1)
                      AND (? = 0 OR c.checked_at >= ?)
                    ORDER BY c.plan_id
                    """, arguments: [end, during ? 1 : 0, start])
            var counts: [Int64: [PlanCheckEntry.Count]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT plan_check, check_id, section, count FROM plan_check_counts") {
                guard let check = PlanCheckKind(rawValue: row["check_id"]) else { continue }
                counts[row["plan_check"], default: []].append(
                    PlanCheckEntry.Count(check: check, section: row["section"], count: row["count"]))
            }
            return rows.map { row in
                PlanCheckEntry(
                    planID: row["plan_id"], digest: row["digest"], checkedAt: row["checked_at"],
                    status: PlanCheckReport.Status(rawValue: row["status"]) ?? .final,
                    planDate: (row["plan_date"] as String?).flatMap(CalendarDate.init),
                    reviewDate: (row["review_date"] as String?).flatMap(CalendarDate.init), rules: row["rules"],
                    counts: counts[row["id"]] ?? [])
            }
        }
    }

    /// How many checks are stored for a plan, every version of its document.
    public func planCheckCount(plan: String) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan_checks WHERE plan_id = ?", arguments: [plan]) ?? 0
        }
    }
}

extension AuditStore.PlanCheckEntry {
    init(
        planID: String, digest: String, checkedAt: String, status: PlanCheckReport.Status, planDate: CalendarDate?,
        reviewDate: CalendarDate?, rules: String, counts: [Count]
    ) {
        self.planID = planID
        self.digest = digest
        self.checkedAt = checkedAt
        self.status = status
        self.planDate = planDate
        self.reviewDate = reviewDate
        self.rules = rules
        self.counts = counts
    }
}
