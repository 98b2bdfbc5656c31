/// The whole caseload as the plan checks see it at the end of a month (docs/reports.md,
/// "Plan checks across the caseload"): of each plan, its latest check made in the month or
/// before, counted against the population of open plans.
///
/// Every figure is a count of plans that a person can work out by hand from the checks
/// and the population: a plan counts once under a check when that check found anything in
/// it, however much. Shares are of the plans checked (of the population, for coverage),
/// each with its 95% Wilson interval. A public census is under the same disclosure control
/// as the monthly report (``DisclosurePlan``): counts from 1 to 4 hidden, with whatever
/// would give them away, team names left out, and no follow-up list.
public struct PlanCheckCensus: Sendable, Equatable {
    /// A plan's latest check, as the census reads it: no text, only counts.
    public struct Check: Sendable, Equatable {
        public var planID: String
        /// The month the check was made in.
        public var month: YearMonth
        public var status: PlanCheckReport.Status
        /// Findings by check, every section together; a check not listed found nothing.
        public var findings: [PlanCheckKind: Int]

        public init(planID: String, month: YearMonth, status: PlanCheckReport.Status, findings: [PlanCheckKind: Int]) {
            self.planID = planID
            self.month = month
            self.status = status
            self.findings = findings.filter { $0.value > 0 }
        }

        /// Findings of every check.
        public var total: Int { findings.values.reduce(0, +) }
    }

    /// A plan of the population, as the census groups it.
    public struct Member: Sendable, Equatable {
        public var planID: String
        public var team: String?
        public var phase: String?
        public var primaryNeed: String?
        public var caseworker: String?

        public init(
            planID: String, team: String? = nil, phase: String? = nil, primaryNeed: String? = nil,
            caseworker: String? = nil
        ) {
            self.planID = planID
            self.team = team
            self.phase = phase
            self.primaryNeed = primaryNeed
            self.caseworker = caseworker
        }
    }

    /// How the population splits the caseload.
    public enum Dimension: String, Sendable, CaseIterable {
        case team, phase
        case primaryNeed = "primary-need"
    }

    /// Plans checked with at least one finding of a check, and their share of the plans
    /// checked.
    public struct CheckFigure: Sendable, Equatable {
        public var check: PlanCheckKind
        public var plans: ReportCount
        public var share: Share?
    }

    /// One group of a breakdown: a team, phase or primary need of the population, the plans
    /// whose value the population leaves blank (``notRecorded``), or the plans checked that
    /// are not in the population (``notInPopulation``).
    public struct Group: Sendable, Equatable {
        public var name: String
        /// Plans of the group in the population; nil for ``notInPopulation``.
        public var population: ReportCount?
        public var checked: ReportCount
        /// Plans checked as a share of the group's population.
        public var coverage: Share?
        /// In ``PlanCheckKind`` order, every kind.
        public var checks: [CheckFigure]
    }

    /// The caseload split by one dimension, groups by name, then ``notRecorded``, then
    /// ``notInPopulation``.
    public struct Breakdown: Sendable, Equatable {
        public var dimension: Dimension
        public var groups: [Group]
    }

    /// The name of the group of plans whose population row leaves the value blank.
    public static let notRecorded = "(not recorded)"
    /// The name of the group of plans checked that the population does not hold.
    public static let notInPopulation = "(not in the population)"

    public var month: YearMonth
    public var isPublic: Bool
    /// Plans in the population (a public fact); nil when the store holds no population.
    public var population: Int?
    /// Plans with a check made by the end of the month.
    public var checked: ReportCount
    /// Of them, those in the population, and those not in it.
    public var checkedInPopulation: ReportCount
    public var checkedNotInPopulation: ReportCount
    /// Plans in the population checked, as a share of the population.
    public var coverage: Share?
    /// Plans whose latest check was made in the month itself.
    public var checkedThisMonth: ReportCount
    /// Plans whose latest check read a draft, and a final plan.
    public var drafts: ReportCount
    public var finals: ReportCount
    /// In ``PlanCheckKind`` order, every kind.
    public var checks: [CheckFigure]
    /// By phase and primary need, and by team unless public; none without a population.
    public var breakdowns: [Breakdown]
    /// The plans with most findings, for the lead to hand to caseworkers; empty when public.
    public var followUp: [FollowUpPlan]
    /// Every suppressed cell, by name, for readers of the JSON.
    public var suppressed: [String]
}

/// A plan on the lead's follow-up list: its pseudonymous id, its findings by check, and
/// who looks after it, as far as the population says.
public struct FollowUpPlan: Sendable, Equatable {
    public var planID: String
    public var findings: Int
    /// Findings by check, in ``PlanCheckKind`` order, none zero.
    public var counts: [PlanCheckCount]
    public var status: PlanCheckReport.Status
    public var team: String?
    public var caseworker: String?
}

/// A number of findings of one check.
public struct PlanCheckCount: Sendable, Equatable {
    public var check: PlanCheckKind
    public var count: Int
}
