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
    public var actions: [ActionOutcome]
    /// Both audits' ratings along the yardstick, from which the changes are listed when
    /// asked for: reports compare tens of thousands of pairs and never list them.
    private let marks: (previous: Marks, latest: Marks)
    private let yardstick: Yardstick

    /// The criteria rated higher than before, in the framework's order.
    public var raised: [Change] { changes { $1 > $0 } }
    /// The criteria rated lower than before, in the framework's order.
    public var lowered: [Change] { changes { $1 < $0 } }

    /// Compares two audits of a plan, `latest` judged against `framework` (its own).
    public init(previous: Audit, latest: Audit, framework: Framework) {
        self.init(previous: previous, latest: latest, yardstick: Yardstick(framework))
    }

    /// Compares two audits of a plan against a yardstick made once for many pairs.
    package init(previous: Audit, latest: Audit, yardstick: Yardstick) {
        self.init(
            previous: previous, latest: latest,
            marks: (yardstick.marks(previous.ratings), yardstick.marks(latest.ratings)), yardstick: yardstick)
    }

    /// Compares two audits of a plan from their ratings laid along `yardstick`: how a
    /// report compares tens of thousands of pairs, without a dictionary of ratings for each
    /// audit (the audits' own `ratings` are not read).
    package init(previous: Audit, latest: Audit, marks: (previous: Marks, latest: Marks), yardstick: Yardstick) {
        self.previous = previous
        self.latest = latest
        self.marks = marks
        self.yardstick = yardstick
        let scale = yardstick.framework.scale
        actions = previous.actions.map { criterion in
            let position = yardstick.positions[criterion]
            let points = position.flatMap { marks.latest.place($0) }.map { scale[$0].points }
            let status: ActionStatus =
                position == nil || points == nil ? .notAssessed : points! >= yardstick.threshold ? .closed : .open
            return ActionOutcome(criterion: criterion, section: position.map { yardstick.sections[$0] }, status: status)
        }
    }

    /// The criteria rated in both audits whose points went the way `moved` (before, after) says.
    private func changes(_ moved: (Double, Double) -> Bool) -> [Change] {
        let scale = yardstick.framework.scale
        return yardstick.criteria.indices.compactMap { position in
            guard let was = marks.previous.place(position), let now = marks.latest.place(position),
                moved(scale[was].points, scale[now].points)
            else { return nil }
            return Change(criterion: yardstick.criteria[position], before: scale[was].id, after: scale[now].id)
        }
    }

    public static func == (a: Reaudit, b: Reaudit) -> Bool {
        a.previous == b.previous && a.latest == b.latest && a.actions == b.actions && a.raised == b.raised
            && a.lowered == b.lowered
    }

    /// The re-audits among `audits` (counted audits of one framework id, in any order): for
    /// each plan with an audit dated within `period`, its latest there paired with its
    /// previous audit (``PreviousAudits``), if any. Plans in order of id.
    public static func pairs(_ audits: [Audit], within period: ReportPeriod) -> [(previous: Audit, latest: Audit)] {
        Dictionary(grouping: audits, by: \.planId).sorted { $0.key < $1.key }.compactMap { _, plan in
            let ordered = plan.sorted { precedes(($0.date, $0.auditId), ($1.date, $1.auditId)) }
            guard let last = ordered.lastIndex(where: { period.contains(YearMonth($0.date)) }), last > 0 else {
                return nil
            }
            return (ordered[last - 1], ordered[last])
        }
    }
}
