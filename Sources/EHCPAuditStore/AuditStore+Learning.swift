import EHCPAudit
internal import GRDB

extension AuditStore {
    /// Grades and ratings per auditor, team, caseworker or advice provider over a period,
    /// counting final routine and multi-agency audits; without `ratings`, only the counts
    /// and grades (every rating tallied is most of the work, and a comparison needs none).
    public func groupFacts(
        _ grouping: LearningReport.Grouping, for period: ReportPeriod, framework: String,
        ratings withRatings: Bool = true
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
            // Groups are keyed by name; a missing one (no team recorded, say) by NUL.
            var groups: [GroupFacts] = [], groupAt: [String: Int] = [:]
            func group(_ name: String?) -> Int {
                let key = name ?? "\u{0}"
                if let at = groupAt[key] { return at }
                groupAt[key] = groups.count
                groups.append(GroupFacts(group: name))
                return groups.count - 1
            }
            for row in try Row.fetchAll(db, sql: gradeSQL, arguments: arguments) {
                let at = group(row[0]), count: Int = row[2]
                groups[at].count += count
                if let grade: String = row[1] { groups[at].grades[grade, default: 0] += count }
            }
            guard withRatings else { return groups }
            var criteria = WordNumbering(), ratings = WordNumbering()
            var tallies = [RatingTally](repeating: RatingTally(), count: groups.count)
            let rows = try Row.fetchCursor(db, sql: ratingSQL, arguments: arguments)
            while let row = try rows.next() {
                let at = group(row[0])
                if at == tallies.count { tallies.append(RatingTally()) }
                try tallies[at].addRatings(in: row, at: 1, criteria: &criteria, ratings: &ratings)
            }
            for (at, tally) in tallies.enumerated() {
                groups[at].ratings = tally.counts(criteria: criteria, ratings: ratings)
            }
            return groups
        }
    }
}
