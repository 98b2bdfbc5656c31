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
        try pool.read { db in
            let dated = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.audit_id, a.plan_id, a.audit_date FROM audits a
                    WHERE a.framework_id = ? AND \(Self.countedAudits) AND a.month <= ?
                        AND a.plan_id IN (SELECT a.plan_id FROM audits a WHERE \(Self.countedInPeriod))
                    """,
                arguments: [
                    framework.id, period.last.description, period.first.description, period.last.description,
                    framework.id,
                ]
            ).compactMap { row -> Reaudit.Audit? in
                guard let date = CalendarDate(row["audit_date"] as String) else { return nil }
                return Reaudit.Audit(
                    auditId: row["audit_id"], planId: row["plan_id"], date: date, grade: "", percent: 0, team: nil,
                    ratings: [:], actions: [])
            }
            let pairs = Reaudit.pairs(dated, within: period)
            var whole: [String: Reaudit.Audit] = [:]
            var words = WordInterner()
            let ids = pairs.flatMap { [$0.previous.auditId, $0.latest.auditId] }
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(ids.count, start + 500)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(
                    db, sql: "\(Self.reauditColumns) WHERE a.audit_id IN (\(marks))",
                    arguments: StatementArguments(chunk))
                {
                    if let audit = Self.reauditAudit(row, &words) { whole[audit.auditId] = audit }
                }
            }
            return pairs.compactMap { pair in
                guard let previous = whole[pair.previous.auditId], let latest = whole[pair.latest.auditId] else {
                    return nil
                }
                return Reaudit(previous: previous, latest: latest, framework: framework)
            }
        }
    }

    private static let reauditColumns = """
        SELECT a.audit_id, a.plan_id, a.audit_date, a.grade, a.percent, a.team, a.ratings, a.actions FROM audits a
        """

    /// The plan's counted audit just before `record` under the same framework id, if any.
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
            ).flatMap(Self.reauditAudit)
        }
    }

    private static func reauditAudit(_ row: Row) -> Reaudit.Audit? {
        var words = WordInterner()
        return reauditAudit(row, &words)
    }

    /// An audit read whole; `words` shares the criterion and rating ids between audits, so
    /// that tens of thousands of audits cost a dictionary each rather than a string per rating.
    private static func reauditAudit(_ row: Row, _ words: inout WordInterner) -> Reaudit.Audit? {
        guard let date = CalendarDate(row["audit_date"] as String) else { return nil }
        let packed: String = row["ratings"]
        var ratings: [String: String] = Dictionary(minimumCapacity: 64)
        // By bytes, not characters: the separators are ASCII, and grapheme breaking is slow.
        var criterion: String?
        var start = packed.utf8.startIndex
        for index in packed.utf8.indices {
            let byte = packed.utf8[index]
            guard byte == 0x1E || byte == 0x1F else { continue }
            let word = words.intern(packed[start..<index])
            if byte == 0x1F { criterion = word } else if let key = criterion { ratings[key] = word }
            start = packed.utf8.index(after: index)
        }
        if let key = criterion, start < packed.endIndex { ratings[key] = words.intern(packed[start...]) }
        let actions: String = row["actions"]
        return Reaudit.Audit(
            auditId: row["audit_id"], planId: row["plan_id"], date: date, grade: row["grade"], percent: row["percent"],
            team: row["team"], ratings: ratings,
            actions: actions.utf8.split(separator: 0x1E).map { words.intern(Substring($0)) })
    }
}

/// Short words (criterion and rating ids) made into strings once and shared.
struct WordInterner {
    private var words: [Substring: String] = [:]

    mutating func intern(_ word: Substring) -> String {
        if let known = words[word] { return known }
        let text = String(word)
        words[word] = text
        return text
    }
}
