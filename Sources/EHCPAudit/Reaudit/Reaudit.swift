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
        self.init(
            previous: previous, latest: latest,
            marks: (yardstick.marks(previous.ratings), yardstick.marks(latest.ratings)), yardstick: yardstick)
    }

    /// Compares two audits of a plan from their ratings laid along `yardstick`: how a
    /// report compares tens of thousands of pairs, without a dictionary of ratings for each
    /// audit (the audits' own `ratings` are not read).
    public init(previous: Audit, latest: Audit, marks: (previous: Marks, latest: Marks), yardstick: Yardstick) {
        self.previous = previous
        self.latest = latest
        let scale = yardstick.framework.scale
        var raised: [Change] = [], lowered: [Change] = []
        for (position, criterion) in yardstick.criteria.enumerated() {
            guard let was = marks.previous.place(position), let now = marks.latest.place(position),
                scale[was].points != scale[now].points
            else { continue }
            let change = Change(criterion: criterion, before: scale[was].id, after: scale[now].id)
            if scale[now].points > scale[was].points { raised.append(change) } else { lowered.append(change) }
        }
        self.raised = raised
        self.lowered = lowered
        actions = previous.actions.map { criterion in
            let position = yardstick.positions[criterion]
            let points = position.flatMap { marks.latest.place($0) }.map { scale[$0].points }
            let status: ActionStatus =
                position == nil || points == nil ? .notAssessed : points! >= yardstick.threshold ? .closed : .open
            return ActionOutcome(criterion: criterion, section: position.map { yardstick.sections[$0] }, status: status)
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
