/// Learning-loop packs: one per auditor, team, caseworker or advice provider, for
/// practice-development meetings, comparing the group with the whole partnership.
public struct LearningReport: Sendable, Equatable {
    public enum Grouping: String, Sendable, CaseIterable {
        case auditor, team, caseworker, provider

        /// Providers are judged on their advice, the others on the plans they audited or wrote.
        public var judgesAdvice: Bool { self == .provider }
    }

    public struct Gap: Sendable, Equatable {
        public var criterion: String
        public var text: String
        public var group: Double
        public var partnership: Double
    }

    public struct Focus: Sendable, Equatable {
        public var criterion: String
        public var action: String
        public var count: Int
        /// What good looks like, and where the criterion comes from (the framework's words).
        public var guidance: String? = nil
        public var source: String? = nil
    }

    public struct Pack: Sendable, Equatable {
        public var name: String
        public var count: Int
        /// Counts per grade, in `LearningReport.grades` order.
        public var grades: [Int]
        public var goodOrBetter: Share?
        /// The criteria where the group is furthest below the partnership, largest gap first.
        public var gaps: [Gap]
        public var focus: [Focus]
        public var previousCount: Int
        public var previousGoodOrBetter: Share?
        /// "You said, we did": the group's plans audited again in the period and what became
        /// of the actions raised before; for the partnership and, by team, each team (by the
        /// team of the later audit). Nil for other groupings, or when none was re-audited.
        public var reaudits: ReauditSummary? = nil
    }

    public var grouping: Grouping
    public var period: ReportPeriod
    /// The period of the same length just before, which each pack compares with.
    public var previous: ReportPeriod { period.previous }
    public var grades: [Grade]
    public var partnership: Pack
    public var packs: [Pack]
    /// The groups compared fairly (docs/comparison.md): teams and caseworkers on Good or
    /// better, providers on advice received on time; nil by auditor, or with nothing to plot.
    public var funnel: FunnelPlot? = nil

    public static let gapsShown = 5
    public static let focusShown = 5

    /// Builds the packs for `current` (the period) against `previous` (the period of the
    /// same length just before); `adviceOnTime` is each provider's advice received (`n`)
    /// and received on time (`y`), for their funnel plot.
    public static func build(
        grouping: Grouping, period: ReportPeriod, current: [GroupFacts], previous: [GroupFacts], framework: Framework,
        reaudits: [Reaudit] = [], adviceOnTime: [FunnelPlot.Count] = []
    ) -> LearningReport {
        let grades = grouping.judgesAdvice ? (framework.advice?.grades ?? []) : framework.grades.grades
        let criteria =
            grouping.judgesAdvice ? (framework.advice?.criteria ?? []) : framework.sections.flatMap(\.criteria)
        let good = MonthlyReport.goodOrBetter(framework, scale: grades, grades: grades)
        let all = current.reduce(into: GroupFacts(group: "Partnership")) { $0.add($1) }
        let allBefore = previous.reduce(into: GroupFacts(group: "Partnership")) { $0.add($1) }

        func pack(_ facts: GroupFacts, before: GroupFacts?, reaudited: [Reaudit]) -> Pack {
            let counts = grades.map { facts.grades[$0.id] ?? 0 }
            let goodCount = grades.indices.filter { good.contains(grades[$0].id) }.reduce(0) { $0 + counts[$1] }
            let previousGood = before.map { b in good.reduce(0) { $0 + (b.grades[$1] ?? 0) } } ?? 0
            let gaps = criteria.compactMap { criterion -> Gap? in
                guard let mine = facts.meanPercent(criterion.id, framework: framework),
                    let theirs = all.meanPercent(criterion.id, framework: framework), mine < theirs - 1e-9
                else { return nil }
                return Gap(criterion: criterion.id, text: criterion.text, group: mine, partnership: theirs)
            }.sorted { ($0.partnership - $0.group) > ($1.partnership - $1.group) }
            let focus = criteria.compactMap { criterion -> Focus? in
                let count = facts.actions(criterion.id, framework: framework)
                return count > 0
                    ? Focus(
                        criterion: criterion.id, action: criterion.action, count: count, guidance: criterion.guidance,
                        source: criterion.source) : nil
            }.sorted { $0.count > $1.count }
            return Pack(
                name: facts.group ?? "(not recorded)", count: facts.count, grades: counts,
                goodOrBetter: Share(goodCount, of: facts.count),
                gaps: Array(gaps.prefix(gapsShown)), focus: Array(focus.prefix(focusShown)),
                previousCount: before?.count ?? 0,
                previousGoodOrBetter: before.flatMap { Share(previousGood, of: $0.count) },
                reaudits: reaudited.isEmpty ? nil : ReauditSummary(reaudited, framework: framework)
            )
        }
        let byTeam = grouping == .team ? Dictionary(grouping: reaudits) { $0.latest.team } : [:]

        var report = LearningReport(
            grouping: grouping, period: period,
            grades: grades, partnership: pack(all, before: allBefore, reaudited: grouping.judgesAdvice ? [] : reaudits),
            packs: current.sorted { ($0.group ?? "\u{10FFFF}") < ($1.group ?? "\u{10FFFF}") }.map { facts in
                pack(
                    facts, before: previous.first { $0.group == facts.group }, reaudited: byTeam[facts.group] ?? [])
            }
        )
        switch grouping {
        case .auditor: break
        case .provider: report.funnel = FunnelPlot.build(measure: .adviceOnTime, units: adviceOnTime)
        case .team, .caseworker:
            report.funnel = FunnelPlot.build(
                measure: .goodOrBetter,
                units: report.packs.map { .init(name: $0.name, n: $0.count, y: $0.goodOrBetter?.count ?? 0) })
        }
        return report
    }
}
