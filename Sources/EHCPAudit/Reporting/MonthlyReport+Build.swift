extension MonthlyReport {
    /// How many criteria the report lists as most often below standard.
    public static let topCriteria = 10

    /// Builds the report for the last month of `figures` (twelve months, oldest first,
    /// with `progress` for the same months) against `framework`'s grades and wording.
    /// `isPublic` applies disclosure control.
    public static func build(figures: [MonthFigures], progress: [MonthProgress], framework: Framework, isPublic: Bool) -> MonthlyReport {
        let current = figures.last ?? MonthFigures(month: progress.last?.month ?? YearMonth(year: 2000, month: 1)!)
        let scale = gradeScale(framework, figures: figures)
        let good = goodOrBetter(framework, scale: scale, grades: framework.grades.grades)
        var privacy = Privacy(isPublic: isPublic)

        // Grades of the month, with "Good or better" as a published sum of its grades.
        let counts = scale.map { current.grades[$0.id] ?? 0 }
        let goodIndexes = scale.indices.filter { good.contains(scale[$0].id) }
        let goodCount = goodIndexes.reduce(0) { $0 + counts[$1] }
        let gradeCells = privacy.cells(counts + [goodCount, current.audits], names: scale.map { "grades.\($0.id)" } + ["goodOrBetter", "audits"],
                                       groups: [Array(counts.indices) + [counts.count + 1], goodIndexes + [counts.count]])
        let grades = scale.indices.map { i in
            GradeCount(grade: scale[i], count: gradeCells[i], share: privacy.share(counts[i], of: current.audits))
        }

        let sections = framework.sections.map { section -> SectionRow in
            let figure = current.sections.first { $0.id == section.id } ?? SectionFigures(id: section.id, applicable: 0, percentSum: 0, grades: [:])
            let row = scale.map { figure.grades[$0.id] ?? 0 }
            let cells = privacy.cells(row + [figure.applicable], names: scale.map { "sections.\(section.id).\($0.id)" } + ["sections.\(section.id).applicable"],
                                      groups: [Array(0...row.count)])
            let mean = figure.applicable > 0 && (!isPublic || figure.applicable >= Disclosure.threshold) ? figure.percentSum / Double(figure.applicable) : nil
            return SectionRow(id: section.id, title: section.title, applicable: cells[row.count], meanPercent: mean, grades: Array(cells[0..<row.count]))
        }

        let criteria = criterionRows(Array(current.criteriaBelow.sorted { $0.count > $1.count }.prefix(topCriteria)), framework: framework, audits: current.audits, name: "criteria", &privacy)
        let caps = criterionRows(current.caps.sorted { $0.count > $1.count }, framework: framework, audits: current.audits, name: "caps", &privacy)
        var actionsBySection: [String: Int] = [:]
        for item in current.criteriaBelow { actionsBySection[framework.section(of: item.criterion)?.id ?? "?", default: 0] += item.count }
        let themes = framework.sections.compactMap { section -> ThemeRow? in
            guard let count = actionsBySection[section.id], count > 0 else { return nil }
            return ThemeRow(section: section.id, title: section.title, actions: privacy.cells([count], names: ["themes.\(section.id)"], groups: [])[0])
        }.sorted { ($0.actions.value ?? 0) > ($1.actions.value ?? 0) }

        let timed = privacy.cells([current.newPlansTimed], names: ["newPlansTimed"], groups: [])[0]
        let adviceGrades = framework.advice?.grades ?? []
        let byAgency = Dictionary(grouping: current.advice, by: \.agency).map { agency, groups in
            groups.reduce(into: AdviceFigures(agency: agency, provider: nil)) { $0.add($1) }
        }.sorted { $0.agency.rawValue < $1.agency.rawValue }
        let byProvider = current.advice.sorted { ($0.provider ?? "", $0.agency.rawValue) < ($1.provider ?? "", $1.agency.rawValue) }

        let trendRows = zip(figures, progress).map { figure, month -> TrendRow in
            let row = scale.map { figure.grades[$0.id] ?? 0 }
            let cells = privacy.cells(row + [figure.audits], names: scale.map { "trend.\(figure.month).\($0.id)" } + ["trend.\(figure.month).completed"],
                                      groups: [Array(0...row.count)])
            let goodInMonth = goodIndexes.reduce(0) { $0 + row[$1] }
            return TrendRow(month: figure.month, target: month.target, completed: cells[row.count], grades: Array(cells[0..<row.count]),
                            goodOrBetter: privacy.share(goodInMonth, of: figure.audits))
        }

        return MonthlyReport(
            month: current.month, isPublic: isPublic, framework: "\(framework.title) (\(framework.id) \(framework.version))",
            gradeScale: scale, goodOrBetterGrades: good, adviceGrades: adviceGrades,
            progress: progress.last ?? MonthProgress(month: current.month, openPlans: nil, target: nil, sampled: 0, completedSampled: 0, completedOther: 0, moderation: 0),
            yearTarget: progress.reduce(0) { $0 + ($1.target ?? 0) }, yearCompleted: progress.reduce(0) { $0 + $1.completed },
            audits: gradeCells[counts.count + 1], grades: grades, goodOrBetter: gradeCells[counts.count],
            goodOrBetterShare: privacy.share(goodCount, of: current.audits),
            sections: sections, criteria: criteria, themes: themes, caps: caps,
            newPlansTimed: timed, newPlansWithin20Weeks: privacy.share(current.newPlansWithin20Weeks, of: current.newPlansTimed),
            adviceByAgency: byAgency.map { adviceRow($0, name: $0.agency.rawValue, grades: adviceGrades, &privacy) },
            adviceByProvider: byProvider.map { adviceRow($0, name: "\($0.provider ?? "(provider not given)") (\($0.agency.rawValue))", grades: adviceGrades, &privacy) },
            trend: trendRows, suppressed: privacy.suppressed
        )
    }

    /// The framework's grades, then any other grade id the figures hold (audits made
    /// against another framework), so that nothing counted goes missing.
    static func gradeScale(_ framework: Framework, figures: [MonthFigures]) -> [Grade] {
        var scale = framework.grades.grades
        for id in Set(figures.flatMap { $0.grades.keys }).sorted() where !scale.contains(where: { $0.id == id }) {
            scale.append(Grade(id: id, label: id, minPercent: 0))
        }
        return scale
    }

    /// Of `grades`, those at or above the one named like `actionBelow` (Good, in the
    /// default framework); failing that, the better half.
    static func goodOrBetter(_ framework: Framework, scale: [Grade], grades: [Grade]) -> [String] {
        let cut = grades.firstIndex { $0.id == framework.actionBelow } ?? (grades.count + 1) / 2 - 1
        return grades.prefix(cut + 1).map(\.id).filter { id in scale.contains { $0.id == id } }
    }

    private static func criterionRows(_ items: [CriterionCount], framework: Framework, audits: Int, name: String, _ privacy: inout Privacy) -> [CriterionRow] {
        items.map { item in
            let count = privacy.cells([item.count], names: ["\(name).\(item.criterion)"], groups: [])[0]
            return CriterionRow(
                criterion: item.criterion, section: framework.section(of: item.criterion)?.id ?? "",
                text: framework.criterion(item.criterion)?.text ?? item.criterion, count: count,
                share: privacy.share(item.count, of: audits).map(\.share)
            )
        }
    }

    private static func adviceRow(_ figures: AdviceFigures, name: String, grades: [Grade], _ privacy: inout Privacy) -> AdviceRow {
        let counts = grades.map { figures.grades[$0.id] ?? 0 }
        let notScored = figures.total - counts.reduce(0, +)
        let cells = privacy.cells(counts + [notScored, figures.total], names: grades.map { "advice.\(name).\($0.id)" } + ["advice.\(name).notScored", "advice.\(name).advices"],
                                  groups: [Array(0...counts.count + 1)])
        func share(_ count: Int) -> Double? { privacy.share(count, of: figures.total)?.share }
        let verdicts = figures.timely + figures.late + figures.notReceived
        return AdviceRow(
            name: name, advices: cells[counts.count + 1], grades: Array(cells[0..<counts.count]), notScored: cells[counts.count],
            timely: privacy.share(figures.timely, of: verdicts), blank: share(figures.blank), noNeeds: share(figures.noNeeds),
            notReceived: share(figures.notReceived), notKnown: share(figures.notKnown)
        )
    }
}

/// Applies disclosure control when the report is public, and remembers what it hid.
struct Privacy {
    let isPublic: Bool
    var suppressed: [String] = []

    mutating func cells(_ counts: [Int], names: [String], groups: [[Int]]) -> [ReportCount] {
        guard isPublic else { return counts.map { .shown($0) } }
        let hidden = Disclosure.mask(counts, groups: groups)
        return counts.indices.map { i in
            if hidden[i] { suppressed.append(names[i]); return .suppressed }
            return .shown(counts[i])
        }
    }

    func share(_ count: Int, of total: Int) -> Share? {
        if isPublic && !Disclosure.mayShowShare(count, of: total) { return nil }
        return Share(count, of: total)
    }
}

extension Framework {
    /// The section holding a plan criterion.
    public func section(of criterion: String) -> Section? {
        guard case .section(let s, _)? = locations[criterion] else { return nil }
        return sections[s]
    }

    /// A plan or advice criterion by id.
    public func criterion(_ id: String) -> Criterion? {
        switch locations[id] {
        case .section(let s, let c)?: sections[s].criteria[c]
        case .advice(let c)?: advice?.criteria[c]
        case nil: nil
        }
    }
}
