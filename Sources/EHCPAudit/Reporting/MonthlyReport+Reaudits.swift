/// The monthly report's re-audited plans, each count under disclosure control.
public struct ReauditRows: Sendable, Equatable {
    /// One section's actions: closed, open, not assessed (``Reaudit/ActionStatus`` order).
    public struct SectionRow: Sendable, Equatable {
        public var section: String
        public var counts: [ReportCount]
    }

    public var plans: ReportCount
    /// The framework's grades, best first: the rows (before) and columns (after).
    public var grades: [Grade]
    /// Plans by grade before (row totals) and by grade before and after.
    public var before: [ReportCount]
    public var table: [[ReportCount]]
    /// Actions of the previous audits: all of them, and closed, open, not assessed.
    public var actions: ReportCount
    public var outcomes: [ReportCount]
    public var bySection: [SectionRow]
}

extension MonthlyReport {
    /// Registers every count of `summary` with the ties between them: each row of the grade
    /// table adds up to its row total, the row totals to the plans, each section's outcomes
    /// to its total, the sections to each outcome's total, the outcomes to all actions.
    static func registerReaudits(_ summary: ReauditSummary, _ plan: inout DisclosurePlan) {
        let ids = summary.gradeIds
        plan.group(
            ("reaudit.plans", summary.plans),
            ids.indices.map { ("reaudit.before.\(ids[$0])", summary.grades[$0].reduce(0, +)) })
        for (b, before) in ids.enumerated() {
            plan.group(
                ("reaudit.before.\(before)", summary.grades[b].reduce(0, +)),
                ids.indices.map { ("reaudit.\(before).\(ids[$0])", summary.grades[b][$0]) })
        }
        let statuses = Reaudit.ActionStatus.allCases
        plan.group(
            ("reaudit.actions", summary.actions.total),
            statuses.map { ("reaudit.actions.\($0.rawValue)", summary.actions.count($0)) })
        for row in summary.bySection {
            plan.group(
                ("reaudit.section.\(row.section)", row.tally.total),
                statuses.map { ("reaudit.section.\(row.section).\($0.rawValue)", row.tally.count($0)) })
        }
        for status in statuses {
            plan.group(
                keys: ["reaudit.actions.\(status.rawValue)"]
                    + summary.bySection.map { "reaudit.section.\($0.section).\(status.rawValue)" })
        }
        plan.group(keys: ["reaudit.actions"] + summary.bySection.map { "reaudit.section.\($0.section)" })
    }

    /// Reads the re-audit rows back off the solved plan.
    static func reauditRows(_ summary: ReauditSummary, framework: Framework, _ plan: DisclosurePlan) -> ReauditRows {
        let ids = summary.gradeIds
        let statuses = Reaudit.ActionStatus.allCases
        return ReauditRows(
            plans: plan.count("reaudit.plans"), grades: framework.grades.grades,
            before: ids.map { plan.count("reaudit.before.\($0)") },
            table: ids.map { before in ids.map { plan.count("reaudit.\(before).\($0)") } },
            actions: plan.count("reaudit.actions"),
            outcomes: statuses.map { plan.count("reaudit.actions.\($0.rawValue)") },
            bySection: summary.bySection.map { row in
                ReauditRows.SectionRow(
                    section: row.section,
                    counts: statuses.map { plan.count("reaudit.section.\(row.section).\($0.rawValue)") })
            })
    }
}
