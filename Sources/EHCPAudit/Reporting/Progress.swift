/// Progress against the monthly target (docs/sampling.md, "Progress against the target").
public struct MonthProgress: Sendable, Equatable {
    public var month: YearMonth
    /// Plans in the population the month's sample was drawn from; nil when none was drawn.
    public var openPlans: Int?
    /// The month's target T; nil when no sample was drawn.
    public var target: Int?
    public var sampled: Int
    /// Final routine and multi-agency audits dated in the month, of sampled plans.
    public var completedSampled: Int
    /// The same, of plans outside the sample.
    public var completedOther: Int
    /// Final moderation audits dated in the month (second opinions, counted apart).
    public var moderation: Int

    public var completed: Int { completedSampled + completedOther }

    /// Completed audits as a percentage of the target.
    public var percentOfTarget: Double? {
        guard let target, target > 0 else { return nil }
        return 100 * Double(completed) / Double(target)
    }

    /// Audits still needed to meet the target (0 when met).
    public var shortfall: Int? { target.map { max(0, $0 - completed) } }

    public init(
        month: YearMonth, openPlans: Int?, target: Int?, sampled: Int, completedSampled: Int, completedOther: Int,
        moderation: Int
    ) {
        self.month = month
        self.openPlans = openPlans
        self.target = target
        self.sampled = sampled
        self.completedSampled = completedSampled
        self.completedOther = completedOther
        self.moderation = moderation
    }
}

/// The audit facts progress needs: which plan, when, what kind, whether final.
public struct AuditFact: Sendable, Equatable {
    public var planId: String
    public var date: CalendarDate
    public var kind: AuditKind
    public var status: AuditStatus

    public init(planId: String, date: CalendarDate, kind: AuditKind, status: AuditStatus) {
        self.planId = planId
        self.date = date
        self.kind = kind
        self.status = status
    }
}

extension MonthProgress {
    /// Counts a month's audits against its sample (nil when no sample was drawn).
    public static func compute(
        month: YearMonth, sample: (population: Int, target: Int, plans: Set<String>)?, audits: [AuditFact]
    ) -> MonthProgress {
        var progress = MonthProgress(
            month: month, openPlans: sample?.population, target: sample?.target, sampled: sample?.plans.count ?? 0,
            completedSampled: 0, completedOther: 0, moderation: 0)
        for audit in audits where audit.status == .final && YearMonth(audit.date) == month {
            if audit.kind == .moderation {
                progress.moderation += 1
            } else if sample?.plans.contains(audit.planId) == true {
                progress.completedSampled += 1
            } else {
                progress.completedOther += 1
            }
        }
        return progress
    }
}

/// Several months with running totals against the summed targets.
public struct ProgressReport: Sendable, Equatable {
    public var months: [MonthProgress]

    public init(months: [MonthProgress]) {
        self.months = months
    }

    /// Running totals month by month: (summed targets, summed completed audits).
    public var running: [(target: Int, completed: Int)] {
        var target = 0, completed = 0
        return months.map { month in
            target += month.target ?? 0
            completed += month.completed
            return (target, completed)
        }
    }
}
