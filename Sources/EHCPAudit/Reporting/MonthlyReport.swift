/// Everything the monthly board report says, computed once; every renderer (text,
/// Markdown, CSV, JSON, HTML) only lays it out.
public struct MonthlyReport: Sendable, Equatable {
    public struct GradeCount: Sendable, Equatable {
        public var grade: Grade
        public var count: ReportCount
        /// Share of the month's audits with its Wilson 95% interval; nil when withheld.
        public var share: Share?
    }

    public struct SectionRow: Sendable, Equatable {
        public var id: String
        public var title: String
        public var applicable: ReportCount
        public var meanPercent: Double?
        /// Counts per grade, in the order of `MonthlyReport.grades`.
        public var grades: [ReportCount]
    }

    public struct CriterionRow: Sendable, Equatable {
        public var criterion: String
        public var section: String
        public var text: String
        public var count: ReportCount
        /// Share of the month's audits; nil when withheld.
        public var share: Double?
    }

    public struct ThemeRow: Sendable, Equatable {
        public var section: String
        public var title: String
        public var actions: ReportCount
    }

    public struct AdviceRow: Sendable, Equatable {
        public var name: String
        public var advices: ReportCount
        /// Counts per advice grade, then the advices not scored.
        public var grades: [ReportCount]
        public var notScored: ReportCount
        public var timely: Share?
        public var blank: Double?
        public var noNeeds: Double?
        public var notReceived: Double?
        public var notKnown: Double?
    }

    public struct TrendRow: Sendable, Equatable {
        public var month: YearMonth
        public var target: Int?
        public var completed: ReportCount
        public var grades: [ReportCount]
        public var goodOrBetter: Share?
    }

    public var month: YearMonth
    public var isPublic: Bool
    public var framework: String
    /// The grade scale of the report, best first.
    public var gradeScale: [Grade]
    /// The grades that count as "Good or better".
    public var goodOrBetterGrades: [String]
    public var adviceGrades: [Grade]
    /// The month's target, open plans and plans drawn (public facts); its counts are below.
    public var progress: MonthProgress
    /// Audits completed in the month, of drawn plans, and moderation audits.
    public var completed: ReportCount
    public var completedSampled: ReportCount
    public var completedOther: ReportCount
    public var moderation: ReportCount
    /// Audits still needed (nil without a target), and completed as a share of the target.
    public var shortfall: ReportCount?
    public var percentOfTarget: Double?
    /// Sums over the twelve months up to and including `month`.
    public var yearTarget: Int
    public var yearCompleted: ReportCount
    public var audits: ReportCount
    public var grades: [GradeCount]
    public var goodOrBetter: ReportCount
    public var goodOrBetterShare: Share?
    public var sections: [SectionRow]
    public var criteria: [CriterionRow]
    public var themes: [ThemeRow]
    public var caps: [CriterionRow]
    public var newPlansTimed: ReportCount
    public var newPlansWithin20Weeks: Share?
    /// New plans with known dates where an exception to the 20-week limit applies, and all
    /// new plans with known dates (the exceptions and `newPlansTimed`).
    public var newPlansExceptions: ReportCount
    public var newPlansKnown: ReportCount
    /// Plans audited this month that had been audited before under the same framework id,
    /// and what became of the actions their previous audits raised; nil when not asked.
    public var reaudits: ReauditRows?
    /// The month's counted audits made against other frameworks (annual reviews, say),
    /// which this report leaves to their own.
    public var otherFrameworks: [OtherFramework]
    public var adviceByAgency: [AdviceRow]
    public var adviceByProvider: [AdviceRow]
    public var trend: [TrendRow]
    /// Moderation audits of the month compared with the audits they moderate, and the
    /// share that gave the same grade.
    public var moderationPairs: ReportCount
    public var moderationSameGrade: Share?
    /// "Good or better" as a control chart over the trend's months; nil in a public report
    /// when a month's share is withheld.
    public var spc: ControlChart?
    /// The month's teams compared fairly on "Good or better" (docs/comparison.md); a public
    /// report shows only how many teams lie where, never a team or its figures.
    public var teamFunnel: FunnelPlot? = nil
    /// Every suppressed cell, by name, for readers of the JSON; `familyVoice` when the
    /// family's view is left out of a public report because it would all be hidden.
    public var suppressed: [String]
    /// The plan checks across the whole caseload by the end of the month; nil when the
    /// store holds no plan check made by then.
    public var caseload: Caseload?
    /// The family's view beside the auditor's grade, for plans with both over the twelve
    /// months ending with `month`; nil when no plan has both, or when a public report would
    /// hide it all.
    public var familyVoice: FamilyVoiceRows? = nil
}

/// Audits of the month under another framework id, reported separately.
public struct OtherFramework: Sendable, Equatable {
    public var framework: String
    public var audits: ReportCount
}
