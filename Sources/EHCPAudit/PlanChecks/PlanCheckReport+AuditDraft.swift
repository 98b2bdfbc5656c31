extension PlanCheckReport {
    /// A draft audit of the plan holding the ratings the checks suggest, each with a
    /// comment naming its findings, for an auditor to open, confirm and finish
    /// (docs/plan-checks.md, "Output"). Its id is `CHECK-<plan>-<date>`.
    ///
    /// ```swift
    /// let record = report.auditDraft(planID: "P0001234", auditor: "auditor-07", date: today, framework: framework)
    /// record.status   // .draft
    /// ```
    public func auditDraft(planID: String, auditor: String, date: CalendarDate, framework: Framework) -> AuditRecord {
        AuditRecord(
            auditId: "CHECK-\(planID)-\(date)", planId: planID,
            framework: FrameworkReference(id: framework.id, version: framework.version), auditor: auditor,
            auditDate: date, status: .draft,
            judgements: suggestions.map {
                Judgement(
                    criterion: $0.criterion, rating: $0.rating, comment: "Suggested by the plan checks: \($0.because).")
            })
    }
}
