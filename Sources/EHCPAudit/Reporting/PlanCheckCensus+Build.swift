extension PlanCheckCensus {
    /// How many plans the follow-up list holds unless asked otherwise.
    public static let followUpDefault = 20

    /// The census at the end of `month` from each plan's latest check made by then
    /// (`checks`, one per plan) and the population of open plans (empty when the store
    /// holds none).
    ///
    /// `isPublic` applies disclosure control once, over every figure (see
    /// ``DisclosurePlan``): the plans checked are tied to their parts (in the population or
    /// not; drafts and finals; each group of a breakdown), each check's plans to its
    /// groups' plans, and every share to its complement. `followUp` plans with most
    /// findings make the lead's list (none when public).
    public static func build(
        month: YearMonth, checks: [Check], population: [Member], isPublic: Bool, followUp: Int = followUpDefault
    ) -> PlanCheckCensus {
        var members: [String: Member] = [:]
        for member in population where members[member.planID] == nil { members[member.planID] = member }
        let hasPopulation = !members.isEmpty
        let inPopulation = checks.filter { members[$0.planID] != nil }.count
        let thisMonth = checks.filter { $0.month == month }.count
        let drafts = checks.filter { $0.status == .draft }.count

        var plan = DisclosurePlan(isPublic: isPublic)
        if hasPopulation { plan.cell("population", members.count, fixed: true) }
        plan.group(
            ("checked", checks.count),
            [("checked.inPopulation", inPopulation), ("checked.notInPopulation", checks.count - inPopulation)])
        if hasPopulation { plan.share(("checked.inPopulation", inPopulation), of: ("population", members.count)) }
        plan.share(("checked.thisMonth", thisMonth), of: ("checked", checks.count))
        plan.cell("checked.thisMonth", thisMonth)
        plan.group(("checked", checks.count), [("drafts", drafts), ("finals", checks.count - drafts)])
        for kind in PlanCheckKind.allCases {
            let found = checks.filter { $0.findings[kind] != nil }.count
            plan.share((kind.rawValue, found), of: ("checked", checks.count))
            plan.cell(kind.rawValue, found)
        }
        let dimensions: [Dimension] = !hasPopulation ? [] : isPublic ? [.phase, .primaryNeed] : Dimension.allCases
        let splits = dimensions.map { Split($0, checks: checks, members: members) }
        for split in splits { split.register(&plan, checked: checks.count, population: members.count) }
        plan.solve()

        return PlanCheckCensus(
            month: month, isPublic: isPublic, population: hasPopulation ? members.count : nil,
            checked: plan.count("checked"), checkedInPopulation: plan.count("checked.inPopulation"),
            checkedNotInPopulation: plan.count("checked.notInPopulation"),
            coverage: hasPopulation ? plan.share("checked.inPopulation", of: "population") : nil,
            checkedThisMonth: plan.count("checked.thisMonth"), drafts: plan.count("drafts"),
            finals: plan.count("finals"), checks: figures(prefix: "", of: "checked", plan),
            breakdowns: splits.map { $0.breakdown(plan) },
            followUp: isPublic ? [] : followUpList(checks, members: members, count: followUp),
            suppressed: plan.suppressed)
    }

    /// Each check's plans under `prefix` as shares of the plans under `total`.
    fileprivate static func figures(prefix: String, of total: String, _ plan: DisclosurePlan) -> [CheckFigure] {
        PlanCheckKind.allCases.map { kind in
            CheckFigure(
                check: kind, plans: plan.count(prefix + kind.rawValue),
                share: plan.share(prefix + kind.rawValue, of: total))
        }
    }

    /// The `count` plans with most findings, most first, ties by plan id; plans with no
    /// finding are not listed.
    static func followUpList(_ checks: [Check], members: [String: Member], count: Int) -> [FollowUpPlan] {
        let ranked = checks.filter { $0.total > 0 }.sorted {
            $0.total != $1.total ? $0.total > $1.total : $0.planID < $1.planID
        }
        return ranked.prefix(max(count, 0)).map { check in
            FollowUpPlan(
                planID: check.planID, findings: check.total,
                counts: check.findings.keys.sorted().map { PlanCheckCount(check: $0, count: check.findings[$0]!) },
                status: check.status, team: members[check.planID]?.team, caseworker: members[check.planID]?.caseworker)
        }
    }
}

/// The plans checked and the population split by one dimension, with their disclosure
/// cells (`<dimension>.<group>.<measure>`).
private struct Split {
    let dimension: PlanCheckCensus.Dimension
    /// Group names in report order, population groups first.
    let names: [String]
    let population: [String: Int]
    let checked: [String: [PlanCheckCensus.Check]]

    init(
        _ dimension: PlanCheckCensus.Dimension, checks: [PlanCheckCensus.Check],
        members: [String: PlanCheckCensus.Member]
    ) {
        self.dimension = dimension
        func value(_ member: PlanCheckCensus.Member) -> String {
            let value =
                switch dimension {
                case .team: member.team
                case .phase: member.phase
                case .primaryNeed: member.primaryNeed
                }
            return value.flatMap { $0.isEmpty ? nil : $0 } ?? PlanCheckCensus.notRecorded
        }
        var population: [String: Int] = [:]
        for member in members.values { population[value(member), default: 0] += 1 }
        var checked: [String: [PlanCheckCensus.Check]] = [:]
        for check in checks {
            checked[members[check.planID].map(value) ?? PlanCheckCensus.notInPopulation, default: []].append(check)
        }
        let named = population.keys.filter { $0 != PlanCheckCensus.notRecorded }.sorted()
        names =
            named + [PlanCheckCensus.notRecorded].filter { population[$0] != nil }
            + [PlanCheckCensus.notInPopulation].filter { checked[$0] != nil }
        self.population = population
        self.checked = checked
    }

    func key(_ group: String, _ measure: String) -> String { "\(dimension.rawValue).\(group).\(measure)" }

    func found(_ kind: PlanCheckKind, in group: String) -> Int {
        (checked[group] ?? []).filter { $0.findings[kind] != nil }.count
    }

    func register(_ plan: inout DisclosurePlan, checked total: Int, population whole: Int) {
        plan.group(
            ("population", whole),
            names.compactMap { name in population[name].map { (key(name, "population"), $0) } })
        plan.group(("checked", total), names.map { (key($0, "checked"), checked[$0]?.count ?? 0) })
        for name in names {
            guard let size = population[name] else { continue }
            plan.share((key(name, "checked"), checked[name]?.count ?? 0), of: (key(name, "population"), size))
        }
        for kind in PlanCheckKind.allCases {
            let all = checked.values.joined().filter { $0.findings[kind] != nil }.count
            plan.group((kind.rawValue, all), names.map { (key($0, kind.rawValue), found(kind, in: $0)) })
            for name in names {
                plan.share(
                    (key(name, kind.rawValue), found(kind, in: name)),
                    of: (key(name, "checked"), checked[name]?.count ?? 0))
            }
        }
    }

    func breakdown(_ plan: DisclosurePlan) -> PlanCheckCensus.Breakdown {
        PlanCheckCensus.Breakdown(
            dimension: dimension,
            groups: names.map { name in
                let inPopulation = population[name] != nil
                return PlanCheckCensus.Group(
                    name: name, population: inPopulation ? plan.count(key(name, "population")) : nil,
                    checked: plan.count(key(name, "checked")),
                    coverage: inPopulation ? plan.share(key(name, "checked"), of: key(name, "population")) : nil,
                    checks: PlanCheckCensus.figures(prefix: key(name, ""), of: key(name, "checked"), plan))
            })
    }
}
