/// A plan audited again: what changed between its previous final audit and the next one
/// under the same framework id, and whether the improvement actions the first raised were
/// acted on (docs/reports.md, "Re-audited plans").
///
/// An action raised for criterion c is *closed* when the next audit rates c at or above
/// the framework's action threshold (`actionBelow`), *open* when it rates it below, and
/// *not assessed* when it answers N/A for c or no longer has c (a newer framework version
/// may drop it).
///
/// ```swift
/// let change = Reaudit(previous: march, latest: june, framework: framework)
/// change.actions.filter { $0.status == .closed }.count   // actions acted on
/// ```
public struct Reaudit: Sendable, Equatable {
    /// What a re-audit needs of each audit: its grade, its ratings, its actions.
    public struct Audit: Sendable, Equatable {
        public var auditId: String
        public var planId: String
        public var date: CalendarDate
        public var grade: String
        public var percent: Double
        public var team: String?
        /// Criterion id → rating id (`na` for not applicable).
        public var ratings: [String: String]
        /// The criteria of its improvement actions.
        public var actions: [String]

        public init(
            auditId: String, planId: String, date: CalendarDate, grade: String, percent: Double, team: String?,
            ratings: [String: String], actions: [String]
        ) {
            self.auditId = auditId
            self.planId = planId
            self.date = date
            self.grade = grade
            self.percent = percent
            self.team = team
            self.ratings = ratings
            self.actions = actions
        }

        /// The audit as a record and its result give it.
        public init(_ record: AuditRecord, _ result: AuditResult) {
            self.init(
                auditId: record.auditId, planId: record.planId, date: record.auditDate, grade: result.grade.id,
                percent: result.percent, team: record.plan.team,
                ratings: Dictionary(
                    record.judgements.map { ($0.criterion, $0.rating) }, uniquingKeysWith: { a, _ in a }),
                actions: result.actions.map(\.criterion))
        }
    }

    public enum ActionStatus: String, Sendable, CaseIterable {
        case closed, open
        case notAssessed = "not-assessed"
    }

    /// One action of the previous audit, and what became of it.
    public struct ActionOutcome: Sendable, Equatable {
        public var criterion: String
        /// The section it belongs to in the latest framework; nil when dropped from it.
        public var section: String?
        public var status: ActionStatus
    }

    /// A criterion rated in both audits, with a different number of points.
    public struct Change: Sendable, Equatable {
        public var criterion: String
        public var before: String
        public var after: String
    }

    public var previous: Audit
    public var latest: Audit
    public var raised: [Change]
    public var lowered: [Change]
    public var actions: [ActionOutcome]

    /// Compares two audits of a plan, `latest` judged against `framework` (its own).
    public init(previous: Audit, latest: Audit, framework: Framework) {
        self.init(previous: previous, latest: latest, yardstick: Yardstick(framework))
    }

    /// Compares two audits of a plan against a yardstick made once for many pairs.
    public init(previous: Audit, latest: Audit, yardstick: Yardstick) {
        self.previous = previous
        self.latest = latest
        var raised: [Change] = [], lowered: [Change] = []
        for criterion in yardstick.criteria {
            guard let before = previous.ratings[criterion], let after = latest.ratings[criterion],
                let was = yardstick.framework.rating(before)?.points,
                let now = yardstick.framework.rating(after)?.points, was != now
            else { continue }
            let change = Change(criterion: criterion, before: before, after: after)
            if now > was { raised.append(change) } else { lowered.append(change) }
        }
        self.raised = raised
        self.lowered = lowered
        actions = previous.actions.map { criterion in
            let section = yardstick.sectionOf[criterion]
            let points = latest.ratings[criterion].flatMap { yardstick.framework.rating($0)?.points }
            let status: ActionStatus =
                section == nil || points == nil ? .notAssessed : points! >= yardstick.threshold ? .closed : .open
            return ActionOutcome(criterion: criterion, section: section, status: status)
        }
    }

    /// What comparing two audits needs of the latest one's framework, worked out once:
    /// its criteria in order, the section of each, and the points of the action threshold
    /// (the framework itself gives each rating's points).
    public struct Yardstick: Sendable {
        let criteria: [String]
        let sectionOf: [String: String]
        let framework: Framework
        let threshold: Double

        public init(_ framework: Framework) {
            criteria = framework.sections.flatMap { $0.criteria.map(\.id) }
            var sectionOf: [String: String] = [:]
            for section in framework.sections {
                for criterion in section.criteria { sectionOf[criterion.id] = section.id }
            }
            self.sectionOf = sectionOf
            self.framework = framework
            threshold = framework.rating(framework.actionBelow)?.points ?? 0
        }
    }

    /// The re-audits among `audits` (final, non-moderation audits of one framework id, in
    /// any order): for each plan with an audit dated within `period`, its latest there
    /// paired with the audit just before it, if any. Plans in order of id.
    public static func pairs(_ audits: [Audit], within period: ReportPeriod) -> [(previous: Audit, latest: Audit)] {
        Dictionary(grouping: audits, by: \.planId).sorted { $0.key < $1.key }.compactMap { _, plan in
            let ordered = plan.sorted { ($0.date, $0.auditId) < ($1.date, $1.auditId) }
            guard let last = ordered.lastIndex(where: { period.contains(YearMonth($0.date)) }), last > 0 else {
                return nil
            }
            return (ordered[last - 1], ordered[last])
        }
    }
}
