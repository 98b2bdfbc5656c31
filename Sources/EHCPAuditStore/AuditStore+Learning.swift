import EHCPAudit
internal import GRDB

extension AuditStore {
    /// Grades and ratings per auditor, team, caseworker or advice provider over a period,
    /// counting final routine and multi-agency audits.
    public func groupFacts(
        _ grouping: LearningReport.Grouping, for period: ReportPeriod, framework: String
    ) throws
        -> [GroupFacts]
    {
        try pool.read { db in
            let arguments: StatementArguments = [period.first.description, period.last.description, framework]
            let period = Self.countedInPeriod
            let (gradeSQL, ratingSQL): (String, String)
            if grouping == .provider {
                gradeSQL =
                    """
                    SELECT v.provider AS g, v.grade AS grade, COUNT(*) AS n FROM audit_advices v JOIN audits a ON \
                    a.audit_id = v.audit_id WHERE \(period) GROUP BY 1, 2
                    """
                ratingSQL =
                    """
                    SELECT v.provider AS g, v.ratings FROM audit_advices v JOIN audits a ON a.audit_id = \
                    v.audit_id WHERE \(period)
                    """
            } else {
                let column = "a.\(grouping.rawValue)"
                gradeSQL =
                    "SELECT \(column) AS g, a.grade AS grade, COUNT(*) AS n FROM audits a WHERE \(period) GROUP BY 1, 2"
                ratingSQL = "SELECT \(column) AS g, a.ratings FROM audits a WHERE \(period)"
            }
            var groups: [String: GroupFacts] = [:]
            func key(_ row: Row) -> String { (row["g"] as String?) ?? "\u{0}" }
            for row in try Row.fetchAll(db, sql: gradeSQL, arguments: arguments) {
                var facts = groups[key(row)] ?? GroupFacts(group: row["g"])
                facts.count += row["n"] as Int
                if let grade: String = row["grade"] { facts.grades[grade, default: 0] += row["n"] as Int }
                groups[key(row)] = facts
            }
            let rows = try Row.fetchCursor(db, sql: ratingSQL, arguments: arguments)
            while let row = try rows.next() {
                var facts = groups.removeValue(forKey: key(row)) ?? GroupFacts(group: row["g"])
                Packed.forEachItem(in: row["ratings"]) { item in
                    guard item.count == 2 else { return }
                    facts.ratings[String(item[0]), default: [:]][String(item[1]), default: 0] += 1
                }
                groups[key(row)] = facts
            }
            return Array(groups.values)
        }
    }
}
