import EHCPAudit

extension MonthlyLayout {
    /// "The family's view beside the auditor's": plans with both a plan audit and a
    /// family-voice record over the twelve months, the auditor's grade (rows) against the
    /// family's (columns). Nothing when no plan has both, or when a public report would hide
    /// it all.
    static func familyVoice(_ report: MonthlyReport) -> [Block] {
        guard let v = report.familyVoice else { return [] }
        let rows =
            v.planGrades.indices.map { r in
                [v.planGrades[r].label, Words.count(v.byPlanGrade[r])] + v.table[r].map(Words.count)
            } + [["All plans", Words.count(v.plans)] + v.byFamilyGrade.map(Words.count)]
        return [
            .heading("The family's view beside the auditor's"),
            .paragraph(
                """
                Plans with both a plan audit and a family-voice record (the family's answers to six statements \
                about the plan, such as "I recognise my child in the plan") dated in the \(v.period.length) months \
                to \(Words.month(v.period.last)): \
                \(Words.count(v.plans)). Each plan counts once, with the latest of each. Where the two differ, \
                the plan may meet the rules without describing the child the family knows, or the family's \
                experience may turn on more than the document: both are worth a conversation.
                """),
            .table(
                Table(
                    caption: "Plans by the auditor's grade (rows) and the family's (columns)",
                    header: ["Auditor's grade", "Plans"] + v.familyGrades.map(\.label), rows: rows)),
        ]
    }
}
