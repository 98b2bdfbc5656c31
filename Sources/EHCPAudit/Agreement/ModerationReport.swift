/// How far auditors agree, from moderation audits set against the audits they moderate
/// (docs/moderation.md): Krippendorff's alpha on criteria and grades, exact and
/// within-one agreement, N/A disagreements, Bland–Altman limits for the percent, each
/// auditor's difference from the moderators, and every criterion on its own.
public struct ModerationReport: Sendable, Equatable {
    public struct Criteria: Sendable, Equatable {
        /// (group, criterion) units with at least two ratings that are not `na`.
        public var units: Int
        public var alphaOrdinal: Double?
        public var alphaInterval: Double?
        public var alphaNominal: Double?
        /// Of the pairs' criteria both rated, the share rated the same.
        public var exact: Double?
        /// … and the share at most one step apart on the scale.
        public var withinOne: Double?
    }

    public struct Grades: Sendable, Equatable {
        /// Pairs given the same final grade.
        public var same = 0
        public var alphaOrdinal: Double?
        public var exact: Double?
        public var withinOne: Double?
    }

    /// Bland–Altman: the difference moderation percent − first percent over the pairs.
    public struct PercentDifference: Sendable, Equatable {
        public var mean: Double?
        /// Sample standard deviation (n − 1); nil under 2 pairs.
        public var sd: Double?
        /// `mean − 1.96 sd` and `mean + 1.96 sd`: 95% of differences fall between.
        public var low: Double?
        public var high: Double?
    }

    /// The first auditor of a group against its moderators.
    public struct Auditor: Sendable, Equatable {
        public var auditor: String
        public var pairs: Int
        /// Mean moderation percent − this auditor's percent: positive means this auditor
        /// grades more harshly than the moderators.
        public var meanDifference: Double
        public var exactGrade: Double
    }

    public struct Criterion: Sendable, Equatable {
        public var criterion: String
        public var text: String
        public var units: Int
        public var alphaOrdinal: Double?
        /// Pairs in which both rated the criterion, differently.
        public var differentRatings: Int
        /// Pairs in which exactly one of the two said `na`.
        public var naDisagreements: Int
    }

    /// One pair for the Bland–Altman chart.
    public struct Pair: Sendable, Equatable {
        public var rootAuditId: String
        public var moderationAuditId: String
        /// The mean of the two percents, and moderation − first.
        public var mean: Double
        public var difference: Double
    }

    public var period: ReportPeriod
    public var framework: FrameworkReference?
    /// The framework's title, when one was compared.
    public var frameworkTitle: String?
    public var groups: Int
    public var pairs: Int
    public var unmatched: [ModerationLinks.Unmatched]
    public var criteria: Criteria
    public var naDisagreements: Int
    public var grades: Grades
    public var percentDifference: PercentDifference
    public var auditors: [Auditor]
    public var byCriterion: [Criterion]
    public var pairList: [Pair]
    /// Do auditors agree with the plan checks? Empty without a framework.
    public var planChecks = PlanCheckAgreement(audits: 0, rows: [])

    /// The fewest pairs on which an auditor's difference is judged in words.
    public static let fewestPairsToJudge = 5

    /// The framework a report compares: `asked` (an id, optionally with a version) or
    /// else the one with the most matched moderation audits (ties: id, then version);
    /// nil when no moderation audit of the id asked for was matched.
    public static func chooseFramework(
        _ links: ModerationLinks, asked: (id: String, version: String?)? = nil
    ) -> FrameworkReference? {
        var counts: [FrameworkReference: Int] = [:]
        for group in links.groups { counts[group.root.framework, default: 0] += group.moderations.count }
        if let asked, let version = asked.version { return FrameworkReference(id: asked.id, version: version) }
        let candidates = counts.filter { asked == nil || $0.key.id == asked!.id }
        return candidates.max { a, b in (a.value, b.key.id, b.key.version) < (b.value, a.key.id, a.key.version) }?.key
    }

    /// The figures for `framework` over the linked groups of `period`, and the plan
    /// checks set against the ratings of `checked` (the period's audits that carry
    /// `planChecks`; see ``PlanCheckAgreement`` for which count and for `informs`).
    public static func build(
        period: ReportPeriod, links: ModerationLinks, framework: Framework?, checked: [AuditSummary] = [],
        informs: [PlanCheckKind: Set<String>] = [:]
    ) -> ModerationReport {
        let reference = framework.map { FrameworkReference(id: $0.id, version: $0.version) }
        let groups = links.groups.filter { $0.root.framework == reference }
        var report = ModerationReport(
            period: period, framework: reference, frameworkTitle: framework?.title, groups: groups.count,
            pairs: groups.reduce(0) { $0 + $1.moderations.count }, unmatched: links.unmatched,
            criteria: Criteria(units: 0), naDisagreements: 0, grades: Grades(), percentDifference: PercentDifference(),
            auditors: [], byCriterion: [], pairList: [])
        guard let framework else { return report }
        report.planChecks = PlanCheckAgreement.build(checked, framework: framework, informs: informs)
        guard !groups.isEmpty else { return report }
        report.fill(groups, framework: framework)
        return report
    }

    private mutating func fill(_ groups: [ModerationLinks.Group], framework: Framework) {
        let step = Dictionary(uniqueKeysWithValues: framework.scale.enumerated().map { ($1.id, $0) })
        let points = Dictionary(uniqueKeysWithValues: framework.scale.map { ($0.id, $0.points) })
        let gradeIndex = Dictionary(uniqueKeysWithValues: framework.grades.grades.enumerated().map { ($1.id, $0) })
        let criteria = framework.sections.flatMap(\.criteria)
        let pairs = groups.flatMap { group in group.moderations.map { (root: group.root, moderation: $0) } }

        var allUnits: [[Double]] = []
        var bothRated = 0, sameRating = 0, oneStep = 0
        for criterion in criteria {
            let units = groups.map { group in
                ([group.root] + group.moderations).compactMap { points[$0.ratings[criterion.id] ?? ""] }
            }
            allUnits += units
            var different = 0, naDisagreements = 0
            for pair in pairs {
                let a = pair.root.ratings[criterion.id], b = pair.moderation.ratings[criterion.id]
                if (a == notApplicableRating) != (b == notApplicableRating) { naDisagreements += 1 }
                guard let a, let b, let i = step[a], let j = step[b] else { continue }
                bothRated += 1
                if i == j { sameRating += 1 } else { different += 1 }
                if abs(i - j) <= 1 { oneStep += 1 }
            }
            self.naDisagreements += naDisagreements
            byCriterion.append(
                Criterion(
                    criterion: criterion.id, text: criterion.text, units: units.filter { $0.count >= 2 }.count,
                    alphaOrdinal: KrippendorffAlpha.alpha(units, level: .ordinal), differentRatings: different,
                    naDisagreements: naDisagreements))
        }
        self.criteria = Criteria(
            units: allUnits.filter { $0.count >= 2 }.count,
            alphaOrdinal: KrippendorffAlpha.alpha(allUnits, level: .ordinal),
            alphaInterval: KrippendorffAlpha.alpha(allUnits, level: .interval),
            alphaNominal: KrippendorffAlpha.alpha(allUnits, level: .nominal),
            exact: Self.share(sameRating, of: bothRated), withinOne: Self.share(oneStep, of: bothRated))

        let gradeUnits = groups.map { group in
            ([group.root] + group.moderations).compactMap { gradeIndex[$0.grade].map(Double.init) }
        }
        let gradeSteps = pairs.compactMap { pair in
            gradeIndex[pair.root.grade].flatMap { a in gradeIndex[pair.moderation.grade].map { abs(a - $0) } }
        }
        let sameGrade = gradeSteps.filter { $0 == 0 }.count
        grades = Grades(
            same: sameGrade, alphaOrdinal: KrippendorffAlpha.alpha(gradeUnits, level: .ordinal),
            exact: Self.share(sameGrade, of: pairs.count),
            withinOne: Self.share(gradeSteps.filter { $0 <= 1 }.count, of: pairs.count))

        let differences = pairs.map { $0.moderation.percent - $0.root.percent }
        percentDifference = Self.blandAltman(differences)
        pairList = pairs.map { pair in
            Pair(
                rootAuditId: pair.root.auditId, moderationAuditId: pair.moderation.auditId,
                mean: (pair.root.percent + pair.moderation.percent) / 2,
                difference: pair.moderation.percent - pair.root.percent)
        }
        auditors = Dictionary(grouping: pairs, by: \.root.auditor).map { auditor, mine in
            Auditor(
                auditor: auditor, pairs: mine.count,
                meanDifference: mine.reduce(0) { $0 + $1.moderation.percent - $1.root.percent } / Double(mine.count),
                exactGrade: Double(mine.filter { $0.root.grade == $0.moderation.grade }.count) / Double(mine.count))
        }.sorted { $0.auditor < $1.auditor }
    }

    static func share(_ count: Int, of total: Int) -> Double? {
        total > 0 ? Double(count) / Double(total) : nil
    }

    /// Mean, sample standard deviation and the 95% limits of agreement.
    static func blandAltman(_ differences: [Double]) -> PercentDifference {
        guard !differences.isEmpty else { return PercentDifference() }
        let n = Double(differences.count)
        let mean = differences.reduce(0, +) / n
        guard differences.count >= 2 else { return PercentDifference(mean: mean) }
        let sd = (differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        return PercentDifference(mean: mean, sd: sd, low: mean - 1.96 * sd, high: mean + 1.96 * sd)
    }
}
