import EHCPAudit
internal import GRDB

/// Plans audited again: each counted audit of a period paired with the plan's audit just
/// before it under the same framework id (docs/reports.md, "Re-audited plans").
extension AuditStore {
    /// The re-audits of `period` under `framework`'s id, compared against `framework`.
    ///
    /// The pairs are found from the audits' ids and dates alone; only the audits of a pair
    /// are then read whole (a national month holds tens of thousands of audits, few of them
    /// re-audits).
    public func reaudits(for period: ReportPeriod, framework: Framework) throws -> [Reaudit] {
        try reaudits(for: period, framework: framework, keepingRatings: true)
    }

    /// The re-audits, read a few hundred pairs at a time and compared along a yardstick
    /// (``Reaudit/Marks``). Without `keepingRatings`, no audit keeps a dictionary of its
    /// ratings: reports use only the grades, teams and what became of the actions, and
    /// tens of thousands of pairs would otherwise hold some 60 ratings for each audit.
    func reaudits(for period: ReportPeriod, framework: Framework, keepingRatings: Bool) throws -> [Reaudit] {
        try pool.read { db in
            var dated: [Reaudit.Audit] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT a.audit_id, a.plan_id, a.audit_date FROM audits a
                    WHERE a.framework_id = ? AND \(Self.countedAudits) AND a.month <= ?
                        AND a.plan_id IN (SELECT a.plan_id FROM audits a WHERE \(Self.countedInPeriod))
                    """,
                arguments: [
                    framework.id, period.last.description, period.first.description, period.last.description,
                    framework.id,
                ])
            while let row = try rows.next() {
                guard let date = CalendarDate(row[2] as String) else { continue }
                dated.append(
                    Reaudit.Audit(
                        auditId: row[0], planId: row[1], date: date, grade: "", percent: 0, team: nil, ratings: [:],
                        actions: []))
            }
            let yardstick = Reaudit.Yardstick(framework)
            var words = WordNumbering()
            var reaudits: [Reaudit] = []
            let pairs = Reaudit.pairs(dated, within: period)
            for start in stride(from: 0, to: pairs.count, by: 250) {
                let chunk = pairs[start..<min(pairs.count, start + 250)]
                let ids = chunk.flatMap { [$0.previous.auditId, $0.latest.auditId] }
                var whole: [String: (audit: Reaudit.Audit, marks: Reaudit.Marks)] = [:]
                let rows = try Row.fetchCursor(
                    db, sql: "\(Self.reauditColumns) WHERE a.audit_id IN (\(databaseQuestionMarks(count: ids.count)))",
                    arguments: StatementArguments(ids))
                while let row = try rows.next() {
                    var marks = Reaudit.Marks(yardstick)
                    var ratings: [String: String] = [:]
                    let audit = try Self.reauditAudit(row, &words) { item in
                        yardstick.mark(&marks, criterion: item[0], rating: item[1])
                        if keepingRatings { ratings[item.text(0)] = item.text(1) }
                    }
                    if var audit {
                        audit.ratings = ratings
                        whole[audit.auditId] = (audit, marks)
                    }
                }
                for pair in chunk {
                    guard let previous = whole[pair.previous.auditId], let latest = whole[pair.latest.auditId] else {
                        continue
                    }
                    reaudits.append(
                        Reaudit(
                            previous: previous.audit, latest: latest.audit, marks: (previous.marks, latest.marks),
                            yardstick: yardstick))
                }
            }
            return reaudits
        }
    }

    /// The columns ``reauditAudit(_:_:)`` reads, in the order it reads them.
    private static let reauditColumns = """
        SELECT a.audit_id, a.plan_id, a.audit_date, a.grade, a.percent, a.team, a.ratings, a.actions FROM audits a
        """

    /// The previous audit of `record`, if any: the rule of `PreviousAudits` (the latest
    /// counted audit of the same plan under the same framework id before it, by date and
    /// then audit id), in SQL.
    public func previousAudit(of record: AuditRecord) throws -> Reaudit.Audit? {
        try pool.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    \(Self.reauditColumns) WHERE a.plan_id = ? AND a.framework_id = ? AND \(Self.countedAudits)
                        AND (a.audit_date < ? OR (a.audit_date = ? AND a.audit_id < ?))
                    ORDER BY a.audit_date DESC, a.audit_id DESC LIMIT 1
                    """,
                arguments: [
                    record.planId, record.framework.id, record.auditDate.description, record.auditDate.description,
                    record.auditId,
                ]
            ).flatMap { row in
                var words = WordNumbering()
                var ratings: [String: String] = [:]
                var audit = try Self.reauditAudit(row, &words) { ratings[$0.text(0)] = $0.text(1) }
                audit?.ratings = ratings
                return audit
            }
        }
    }

    /// An audit read whole but for its ratings, which are handed to `rate` one at a time
    /// (criterion and rating, as bytes); `words` shares the criterion ids of actions between
    /// audits.
    private static func reauditAudit(
        _ row: Row, _ words: inout WordNumbering, rate: (Packed.Fields) -> Void
    ) throws -> Reaudit.Audit? {
        guard let date = CalendarDate(row[2] as String) else { return nil }
        try Packed.forEachItem(in: row, at: 6) { item in
            if item.count == 2 { rate(item) }
        }
        var actions: [String] = []
        try Packed.forEachItem(in: row, at: 7) { actions.append(words.text($0[0])) }
        return Reaudit.Audit(
            auditId: row[0], planId: row[1], date: date, grade: row[3], percent: row[4], team: row[5], ratings: [:],
            actions: actions)
    }
}
