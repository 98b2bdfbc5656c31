extension MonthlyReport {
    /// How many criteria the report lists as most often below standard.
    public static let topCriteria = 10

    /// Builds the report for the last month of `figures` (twelve months, oldest first,
    /// with `progress` for the same months) against `framework`'s grades and wording.
    ///
    /// `isPublic` applies disclosure control once, over every figure of the report (see
    /// ``DisclosurePlan``): first every count and every sum that ties counts together is
    /// registered, then what to hide is decided, then the report is read off the plan.
    /// `moderation`, the month's moderation figures, gives the grade agreement; `census`,
    /// the plan checks at the end of the month (built with the same `isPublic`), the whole
    /// caseload paragraph; `familyVoice`, the plans with a family-voice record as well, the
    /// family's view beside the auditor's (left out of a public report that would hide it all).
    public static func build(
        figures: [MonthFigures], progress: [MonthProgress], framework: Framework, isPublic: Bool,
        moderation: ModerationReport? = nil, otherFrameworks: [(framework: String, audits: Int)] = [],
        reaudits: ReauditSummary? = nil, census: PlanCheckCensus? = nil, baselineFrom: YearMonth? = nil,
        teams: [GroupFacts] = [], familyVoice: FamilyVoice? = nil
    ) -> MonthlyReport {
        let current = figures.last ?? MonthFigures(month: progress.last?.month ?? YearMonth(year: 2000, month: 1)!)
        let month = current.month
        let scale = gradeScale(framework, figures: figures)
        let good = goodOrBetter(framework, scale: scale, grades: framework.grades.grades)
        let monthProgress =
            progress.last
            ?? MonthProgress(
                month: month, openPlans: nil, target: nil, sampled: 0, completedSampled: 0, completedOther: 0,
                moderation: 0)
        let criteriaShown = Array(current.criteriaBelow.sorted { $0.count > $1.count }.prefix(topCriteria))
        let capsShown = current.caps.sorted { $0.count > $1.count }
        let byAgency = Dictionary(grouping: current.advice, by: \.agency).map { agency, groups in
            groups.reduce(into: AdviceFigures(agency: agency, provider: nil)) { $0.add($1) }
        }.sorted { $0.agency.rawValue < $1.agency.rawValue }
        let byProvider = current.advice.sorted {
            ($0.provider ?? "", $0.agency.rawValue) < ($1.provider ?? "", $1.agency.rawValue)
        }
        let adviceGrades = framework.advice?.grades ?? []

        var plan = DisclosurePlan(isPublic: isPublic)
        // Progress: the target and the plans it rests on are public facts.
        plan.cell("target", monthProgress.target ?? 0, fixed: true)
        plan.group(
            ("\(month).audits", current.audits),
            [("completedSampled", monthProgress.completedSampled), ("completedOther", monthProgress.completedOther)])
        plan.cell("moderation", monthProgress.moderation)
        let pairs = moderation?.pairs ?? 0
        let sameGrade = moderation?.grades.same ?? 0
        plan.group(
            ("moderation", monthProgress.moderation),
            [("moderation.pairs", pairs), ("moderation.notCompared", monthProgress.moderation - pairs)], shown: false)
        plan.share(("moderation.sameGrade", sameGrade), of: ("moderation.pairs", pairs))
        plan.cell("moderation.pairs", pairs)
        if let shortfall = monthProgress.shortfall, shortfall > 0 {
            plan.group(
                ("target", monthProgress.target ?? 0), [("\(month).audits", current.audits), ("shortfall", shortfall)])
        }
        plan.group(
            ("year.completed", progress.reduce(0) { $0 + $1.completed }),
            progress.map { ("\($0.month).audits", $0.completed) })
        // Grades of every month shown (the trend), the current month among them.
        for figure in figures { registerGrades(figure, scale: scale, good: good, &plan) }
        registerSections(current, framework: framework, scale: scale, &plan)
        for (name, items) in [("criteria", criteriaShown), ("caps", capsShown)] {
            for item in items {
                plan.share(("\(name).\(item.criterion)", item.count), of: ("\(month).audits", current.audits))
            }
            for item in items { plan.cell("\(name).\(item.criterion)", item.count) }
        }
        registerThemes(current, framework: framework, shown: Set(criteriaShown.map(\.criterion)), &plan)
        plan.share(
            ("newPlans.within20Weeks", current.newPlansWithin20Weeks), of: ("newPlans.timed", current.newPlansTimed))
        plan.cell("newPlans.timed", current.newPlansTimed)
        // Exceptions and the other plans add up to the new plans with known dates.
        plan.group(
            ("newPlans.known", current.newPlansTimed + current.newPlansExceptions),
            [("newPlans.timed", current.newPlansTimed), ("newPlans.exceptions", current.newPlansExceptions)])
        let providerNames = byProvider.map(providerName)
        for (figures, name) in zip(byProvider, providerNames) {
            registerAdvice(figures, name: name, grades: adviceGrades, &plan)
        }
        for figures in byAgency {
            registerAdvice(figures, name: figures.agency.rawValue, grades: adviceGrades, &plan)
            let members = zip(byProvider, providerNames).filter { $0.0.agency == figures.agency }.map(\.1)
            for measure in adviceMeasures(grades: adviceGrades) {
                plan.group(
                    keys: ["advice.\(figures.agency.rawValue).\(measure)"] + members.map { "advice.\($0).\(measure)" })
            }
        }
        for other in otherFrameworks { plan.cell("otherFrameworks.\(other.framework)", other.audits) }
        if let reaudits { registerReaudits(reaudits, &plan) }
        if let familyVoice { registerFamilyVoice(familyVoice, &plan) }
        plan.solve()

        let audits = "\(month).audits"
        var report = MonthlyReport(
            month: month, isPublic: isPublic, framework: "\(framework.title) (\(framework.id) \(framework.version))",
            gradeScale: scale, goodOrBetterGrades: good, adviceGrades: adviceGrades, progress: monthProgress,
            completed: plan.count(audits), completedSampled: plan.count("completedSampled"),
            completedOther: plan.count("completedOther"), moderation: plan.count("moderation"),
            shortfall: monthProgress.shortfall.map { $0 == 0 ? .shown(0) : plan.count("shortfall") },
            percentOfTarget: plan.isShown(audits) ? monthProgress.percentOfTarget : nil,
            yearTarget: progress.reduce(0) { $0 + ($1.target ?? 0) }, yearCompleted: plan.count("year.completed"),
            audits: plan.count(audits),
            grades: scale.map {
                GradeCount(
                    grade: $0, count: plan.count("\(month).grade.\($0.id)"),
                    share: plan.share("\(month).grade.\($0.id)", of: audits))
            },
            goodOrBetter: plan.count("\(month).goodOrBetter"),
            goodOrBetterShare: plan.share("\(month).goodOrBetter", of: audits),
            sections: framework.sections.map { section in
                let figure = current.sections.first { $0.id == section.id }
                let applicable = plan.count("sections.\(section.id).audits")
                let mean = figure.flatMap { f in
                    f.applicable > 0 && (!isPublic || applicable.value ?? 0 >= Disclosure.threshold)
                        ? f.percentSum / Double(f.applicable) : nil
                }
                return SectionRow(
                    id: section.id, title: section.title, applicable: applicable, meanPercent: mean,
                    grades: scale.map { plan.count("sections.\(section.id).\($0.id)") })
            },
            criteria: criterionRows(criteriaShown, name: "criteria", framework: framework, audits: audits, plan),
            themes: framework.sections.compactMap { section -> ThemeRow? in
                guard hasActions(current, section, framework) else { return nil }
                return ThemeRow(section: section.id, title: section.title, actions: plan.count("themes.\(section.id)"))
            }.sorted { ($0.actions.value ?? 0) > ($1.actions.value ?? 0) },
            caps: criterionRows(capsShown, name: "caps", framework: framework, audits: audits, plan),
            newPlansTimed: plan.count("newPlans.timed"),
            newPlansWithin20Weeks: plan.share("newPlans.within20Weeks", of: "newPlans.timed"),
            newPlansExceptions: plan.count("newPlans.exceptions"), newPlansKnown: plan.count("newPlans.known"),
            reaudits: reaudits.map { reauditRows($0, framework: framework, plan) },
            otherFrameworks: otherFrameworks.map {
                OtherFramework(framework: $0.framework, audits: plan.count("otherFrameworks.\($0.framework)"))
            },
            adviceByAgency: byAgency.map { adviceRow(name: $0.agency.rawValue, grades: adviceGrades, plan) },
            adviceByProvider: providerNames.map { adviceRow(name: $0, grades: adviceGrades, plan) },
            trend: zip(figures, progress).map { figure, monthProgress in
                let m = figure.month
                return TrendRow(
                    month: m, target: monthProgress.target, completed: plan.count("\(m).audits"),
                    grades: scale.map { plan.count("\(m).grade.\($0.id)") },
                    goodOrBetter: plan.share("\(m).goodOrBetter", of: "\(m).audits"))
            },
            moderationPairs: plan.count("moderation.pairs"),
            moderationSameGrade: plan.share("moderation.sameGrade", of: "moderation.pairs"),
            suppressed: plan.suppressed,
            caseload: census.map(Caseload.init)
        )
        report.spc = controlChart(report.trend, isPublic: isPublic, baselineFrom: baselineFrom)
        report.teamFunnel = FunnelPlot.build(
            measure: .goodOrBetter,
            units: teams.map { team in
                .init(
                    name: team.group ?? "(not recorded)", n: team.count,
                    y: good.reduce(0) { $0 + (team.grades[$1] ?? 0) })
            })
        report.suppressed += report.caseload?.suppressed ?? []
        if let familyVoice {
            report.familyVoice = familyVoiceRows(familyVoice, plan)
            // A section left out is named once, not by each of its hidden cells.
            if report.familyVoice == nil && familyVoice.plans > 0 {
                report.suppressed = report.suppressed.filter { !$0.hasPrefix("familyVoice.") } + ["familyVoice"]
            }
        }
        return report
    }

    /// A month's grade counts: each grade and "Good or better" are shares of the audits.
    private static func registerGrades(
        _ figure: MonthFigures, scale: [Grade], good: [String], _ plan: inout DisclosurePlan
    ) {
        let m = figure.month
        let counts = scale.map { ("\(m).grade.\($0.id)", figure.grades[$0.id] ?? 0) }
        let goodCount = scale.filter { good.contains($0.id) }.reduce(0) { $0 + (figure.grades[$1.id] ?? 0) }
        plan.group(("\(m).audits", figure.audits), counts)
        plan.group(("\(m).goodOrBetter", goodCount), zip(scale, counts).filter { good.contains($0.0.id) }.map(\.1))
        plan.group(
            ("\(m).notGood", figure.audits - goodCount), zip(scale, counts).filter { !good.contains($0.0.id) }.map(\.1),
            shown: false)
        plan.group(keys: ["\(m).audits", "\(m).goodOrBetter", "\(m).notGood"])
    }

    /// Each section's audits and grades; the audits where it did not apply are its complement.
    private static func registerSections(
        _ current: MonthFigures, framework: Framework, scale: [Grade], _ plan: inout DisclosurePlan
    ) {
        for section in framework.sections {
            let figure = current.sections.first { $0.id == section.id }
            let applicable = figure?.applicable ?? 0
            plan.group(
                ("sections.\(section.id).audits", applicable),
                scale.map { ("sections.\(section.id).\($0.id)", figure?.grades[$0.id] ?? 0) })
            plan.share(("sections.\(section.id).audits", applicable), of: ("\(current.month).audits", current.audits))
        }
    }

    /// Actions by section: the sum of every criterion's actions, listed or not.
    private static func registerThemes(
        _ current: MonthFigures, framework: Framework, shown: Set<String>, _ plan: inout DisclosurePlan
    ) {
        var bySection: [String: [CriterionCount]] = [:]
        for item in current.criteriaBelow {
            bySection[framework.section(of: item.criterion)?.id ?? "?", default: []].append(item)
        }
        for section in framework.sections {
            let items = bySection[section.id] ?? []
            guard !items.isEmpty else { continue }
            for item in items where !shown.contains(item.criterion) {
                plan.cell("criteria.\(item.criterion)", item.count, shown: false, unknown: true)
            }
            plan.cell("themes.\(section.id)", items.reduce(0) { $0 + $1.count })
            plan.group(keys: ["themes.\(section.id)"] + items.map { "criteria.\($0.criterion)" })
        }
    }

    private static func hasActions(_ current: MonthFigures, _ section: Section, _ framework: Framework) -> Bool {
        current.criteriaBelow.contains { $0.count > 0 && framework.section(of: $0.criterion)?.id == section.id }
    }

    /// The counts of an advice row, each tied to the others by the row's sums.
    private static func adviceMeasures(grades: [Grade]) -> [String] {
        [
            "advices", "notScored", "received", "timely", "late", "notReceived", "overdue", "verdicts", "blank",
            "noNeeds", "notKnown",
        ] + grades.map { "grade.\($0.id)" }
    }

    private static func registerAdvice(_ f: AdviceFigures, name: String, grades: [Grade], _ plan: inout DisclosurePlan)
    {
        let key = { (measure: String) in "advice.\(name).\(measure)" }
        let scored = grades.map { (key("grade.\($0.id)"), f.grades[$0.id] ?? 0) }
        plan.group((key("advices"), f.total), scored + [(key("notScored"), f.total - scored.reduce(0) { $0 + $1.1 })])
        let received = f.total - f.blank - f.noNeeds - f.notReceived - f.notKnown
        plan.group(
            (key("advices"), f.total),
            [
                (key("received"), received), (key("blank"), f.blank), (key("noNeeds"), f.noNeeds),
                (key("notReceived"), f.notReceived), (key("notKnown"), f.notKnown),
            ], shown: false)
        // Advice where an exception to the deadline applies has no verdict (docs/reports.md).
        plan.group(
            (key("verdicts"), f.timely + f.late + f.overdue),
            [(key("timely"), f.timely), (key("late"), f.late), (key("overdue"), f.overdue)], shown: false)
    }

    private static func providerName(_ f: AdviceFigures) -> String {
        "\(f.provider ?? "(provider not given)") (\(f.agency.rawValue))"
    }

    private static func adviceRow(name: String, grades: [Grade], _ plan: DisclosurePlan) -> AdviceRow {
        let key = { (measure: String) in "advice.\(name).\(measure)" }
        func share(_ measure: String) -> Double? { plan.share(key(measure), of: key("advices"))?.share }
        return AdviceRow(
            name: name, advices: plan.count(key("advices")), grades: grades.map { plan.count(key("grade.\($0.id)")) },
            notScored: plan.count(key("notScored")), timely: plan.share(key("timely"), of: key("verdicts")),
            blank: share("blank"), noNeeds: share("noNeeds"), notReceived: share("notReceived"),
            notKnown: share("notKnown")
        )
    }

    private static func criterionRows(
        _ items: [CriterionCount], name: String, framework: Framework, audits: String, _ plan: DisclosurePlan
    ) -> [CriterionRow] {
        items.map { item in
            CriterionRow(
                criterion: item.criterion, section: framework.section(of: item.criterion)?.id ?? "",
                text: framework.criterion(item.criterion)?.text ?? item.criterion,
                count: plan.count("\(name).\(item.criterion)"),
                share: plan.share("\(name).\(item.criterion)", of: audits)?.share
            )
        }
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
}
