import EHCPAudit
internal import GRDB

extension AuditStore {
    /// The audits a report counts, as SQL over `audits a`: final routine and multi-agency
    /// audits (moderation audits are second opinions, drafts are unfinished). The one
    /// statement of the rule in SQL; `CountedAudit.isCounted` says it in Swift.
    static let countedAudits = "a.status = 'final' AND a.kind != 'moderation'"
    /// Counted audits of one month under one framework (two arguments: the month and the
    /// framework id). Each report is about one framework: plan audits and annual-review
    /// audits are judged on different criteria, so they are never added up together.
    static let counted = "a.month = ? AND a.framework_id = ? AND \(countedAudits)"
    /// Counted audits of a range of months under one framework (three arguments: first,
    /// last, framework id).
    static let countedInPeriod = "a.month BETWEEN ? AND ? AND a.framework_id = ? AND \(countedAudits)"

    /// Everything the monthly report needs about one month, aggregated in SQL.
    public func monthFigures(_ month: YearMonth, framework: String) throws -> MonthFigures {
        try pool.read { db in
            let key: StatementArguments = [month.description, framework]
            var figures = MonthFigures(month: month)
            for row in try Row.fetchAll(
                db, sql: "SELECT grade, COUNT(*) AS n FROM audits a WHERE \(Self.counted) GROUP BY grade",
                arguments: key)
            {
                figures.grades[row["grade"]] = row["n"]
                figures.audits += row["n"] as Int
            }
            // Sections, grades and criteria are counted by number (`WordNumbering`), in the order first seen.
            var sectionIds = WordNumbering(), gradeIds = WordNumbering(), criteria = WordNumbering()
            var sections: [SectionFigures] = [], sectionGrades = RatingTally(), actions: [Int] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT sections, actions FROM audits a WHERE \(Self.counted)", arguments: key)
            while let row = try rows.next() {
                var next = 0
                try Packed.forEachItem(in: row, at: 0) { item in
                    guard item.count == 3, let percent = Double(item.text(1)) else { return }
                    let section = sectionIds.number(item[0], hint: next)
                    next = section + 1
                    if section == sections.count {
                        sections.append(
                            SectionFigures(id: sectionIds.words[section], applicable: 0, percentSum: 0, grades: [:]))
                    }
                    sections[section].applicable += 1
                    sections[section].percentSum += percent
                    sectionGrades.add(section, gradeIds.number(item[2]))
                }
                next = 0
                try Packed.forEachItem(in: row, at: 1) { item in
                    let criterion = criteria.number(item[0], hint: next)
                    next = criterion + 1
                    if criterion == actions.count { actions.append(0) }
                    actions[criterion] += 1
                }
            }
            let grades = sectionGrades.counts(criteria: sectionIds, ratings: gradeIds)
            for section in sections.indices { sections[section].grades = grades[sections[section].id] ?? [:] }
            figures.sections = sections
            figures.criteriaBelow = zip(criteria.words, actions).map { CriterionCount(criterion: $0, count: $1) }
            figures.caps = try criterionCounts(db, "audit_caps", key)
            let timing = try Row.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(timeliness_exception = 0), 0) AS timed,
                        COALESCE(SUM(timeliness_exception = 0 AND julianday(issue_date) - julianday(request_date) <= 140), 0)
                            AS within,
                        COALESCE(SUM(timeliness_exception), 0) AS exceptions
                    FROM audits a WHERE \(Self.counted) AND a.plan_type = 'new'
                        AND a.request_date IS NOT NULL AND a.issue_date IS NOT NULL AND a.issue_date >= a.request_date
                    """, arguments: key)!
            figures.newPlansTimed = timing["timed"]
            figures.newPlansWithin20Weeks = timing["within"]
            figures.newPlansExceptions = timing["exceptions"]
            figures.advice = try adviceFigures(db, where: Self.counted, arguments: key)
            return figures
        }
    }

    /// Audits and grade counts for each month in the range (for trends), in one query.
    public func gradeCounts(for period: ReportPeriod, framework: String) throws -> [MonthFigures] {
        try pool.read { db in
            var byMonth: [String: MonthFigures] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT a.month, a.grade,
                    COUNT(*) AS n FROM audits a WHERE \(Self.countedInPeriod) GROUP BY a.month, a.grade
                    """, arguments: [period.first.description, period.last.description, framework])
            {
                let month: String = row["month"]
                guard let parsed = YearMonth(month) else {
                    throw StoreError.corrupt(
                        path: path, detail: "an audit is stored under month \"\(month)\", which is not a month YYYY-MM")
                }
                var figures = byMonth[month] ?? MonthFigures(month: parsed)
                figures.grades[row["grade"]] = row["n"]
                figures.audits += row["n"] as Int
                byMonth[month] = figures
            }
            var months: [MonthFigures] = []
            var month = period.first
            while month <= period.last {
                months.append(byMonth[month.description] ?? MonthFigures(month: month))
                month = month.adding(months: 1)
            }
            return months
        }
    }

    /// Advice figures by agency and provider over a range of months, optionally narrowed.
    public func adviceFigures(
        for period: ReportPeriod, framework: String, agency: Agency? = nil, provider: String? = nil
    ) throws -> [AdviceFigures] {
        try pool.read { db in
            var condition = Self.countedInPeriod
            var arguments: [DatabaseValueConvertible] = [period.first.description, period.last.description, framework]
            if let agency {
                condition += " AND v.agency = ?"
                arguments.append(agency.rawValue)
            }
            if let provider {
                condition += " AND v.provider = ?"
                arguments.append(provider)
            }
            return try adviceFigures(db, where: condition, arguments: StatementArguments(arguments))
        }
    }

    /// How often each advice criterion was given each rating, by provider, over a range.
    public func adviceCriterionRatings(
        for period: ReportPeriod, framework: String
    ) throws
        -> [AdviceReport.RatingCount]
    {
        try pool.read { db in
            struct Provider: Hashable { var provider: String?, agency: String }
            var criteria = WordNumbering(), ratings = WordNumbering()
            var providers: [Provider] = [], providerAt: [Provider: Int] = [:], tallies: [RatingTally] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT v.provider, v.agency, v.ratings FROM audit_advices v JOIN audits a ON a.audit_id = v.audit_id
                    WHERE \(Self.countedInPeriod)
                    """, arguments: [period.first.description, period.last.description, framework])
            while let row = try rows.next() {
                let provider = Provider(provider: row[0], agency: row[1])
                let at = providerAt[provider] ?? providers.count
                if at == providers.count {
                    providerAt[provider] = at
                    providers.append(provider)
                    tallies.append(RatingTally())
                }
                try tallies[at].addRatings(in: row, at: 2, criteria: &criteria, ratings: &ratings)
            }
            return zip(providers, tallies).flatMap { key, tally in
                tally.counts(criteria: criteria, ratings: ratings).flatMap { criterion, counts in
                    counts.map {
                        AdviceReport.RatingCount(
                            provider: key.provider, agency: key.agency, criterion: criterion, rating: $0.key,
                            count: $0.value)
                    }
                }
            }
            .sorted {
                ($0.provider ?? "", $0.agency, $0.criterion, $0.rating) < (
                    $1.provider ?? "", $1.agency, $1.criterion, $1.rating
                )
            }
        }
    }

    private func criterionCounts(
        _ db: Database, _ table: String, _ month: StatementArguments
    ) throws
        -> [CriterionCount]
    {
        try Row.fetchAll(
            db,
            sql:
                """
                SELECT t.criterion, COUNT(*) AS n FROM \(table) t JOIN audits a ON a.audit_id = t.audit_id WHERE \
                \(Self.counted) GROUP BY t.criterion
                """,
            arguments: month
        )
        .map { CriterionCount(criterion: $0["criterion"], count: $0["n"]) }
    }

    private func adviceFigures(
        _ db: Database, where condition: String, arguments: StatementArguments
    ) throws -> [AdviceFigures] {
        struct Key: Hashable {
            var agency: Agency, provider: String
        }
        // A missing provider and an empty one are one group.
        // Each group is changed where it lies: a copy taken out and put back would copy its
        // list of days at every advice.
        var groups: [AdviceFigures] = [], groupAt: [Key: Int] = [:]
        // Read by position, in this order: a lookup by name costs more than the rest of the loop.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT v.agency, v.provider, v.status, v.grade, v.days, v.timely, v.timeliness_exception
                FROM audit_advices v JOIN audits a ON a.audit_id = v.audit_id
                WHERE \(condition)
                """, arguments: arguments)
        while let row = try rows.next() {
            guard let agency = Agency(rawValue: row[0]), let status = AdviceStatus(rawValue: row[2])
            else { continue }
            let provider: String? = row[1]
            let key = Key(agency: agency, provider: provider ?? "")
            let at = groupAt[key] ?? groups.count
            if at == groups.count {
                groupAt[key] = at
                groups.append(AdviceFigures(agency: agency, provider: provider))
            }
            Self.count(row, status: status, into: &groups[at])
        }
        return groups.sorted {
            ($0.agency.rawValue, $0.provider ?? "") < ($1.agency.rawValue, $1.provider ?? "")
        }
    }

    /// Adds one advice row (read by ``adviceFigures(_:where:arguments:)``) to its group.
    private static func count(_ row: Row, status: AdviceStatus, into group: inout AdviceFigures) {
        group.total += 1
        if let grade: String = row[3] { group.grades[grade, default: 0] += 1 }
        // An exception to the deadline leaves the advice out of every timeliness figure.
        let exception: Bool = row[6]
        if exception {
            group.exceptions += 1
        } else if let days: Int = row[4] {
            group.days.append(days)
        }
        switch (exception ? nil : row[5] as Bool?, status) {
        case (true?, _): group.timely += 1
        case (false?, _): group.late += 1
        case (nil, .notReceived) where !exception: group.overdue += 1
        default: break
        }
        switch status {
        case .blank: group.blank += 1
        case .noNeedsIdentified: group.noNeeds += 1
        case .notReceived: group.notReceived += 1
        case .notKnown: group.notKnown += 1
        case .received: break
        }
    }
}

extension AuditStore {
    /// Counted audits of `month` under each framework id, most first.
    public func countedAudits(in month: YearMonth) throws -> [(framework: String, audits: Int)] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.framework_id, COUNT(*) AS n FROM audits a WHERE a.month = ? AND \(Self.countedAudits)
                    GROUP BY 1 ORDER BY n DESC, 1
                    """, arguments: [month.description]
            ).map { (framework: $0["framework_id"], audits: $0["n"]) }
        }
    }

    /// Frameworks used by the period's final audits, most used first: a draft, unfinished,
    /// chooses no report's framework.
    public func frameworkUse(for period: ReportPeriod) throws -> [FrameworkReference] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql:
                    """
                    SELECT framework_id, framework_version, COUNT(*) AS n FROM audits \
                    WHERE month BETWEEN ? AND ? AND status = 'final' GROUP BY 1, 2 ORDER BY n DESC, 1, 2
                    """,
                arguments: [period.first.description, period.last.description]
            )
            .map { FrameworkReference(id: $0["framework_id"], version: $0["framework_version"]) }
        }
    }
}
