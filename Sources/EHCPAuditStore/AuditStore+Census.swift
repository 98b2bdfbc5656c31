import EHCPAudit

extension AuditStore {
    /// The plan checks across the caseload at the end of `month` (`PlanCheckCensus`):
    /// each plan's latest check made by then, against the latest population snapshot as of
    /// the month's last day (else the latest of all). Nil when no check was made by then.
    public func planCheckCensus(
        for month: YearMonth, isPublic: Bool, followUp: Int = PlanCheckCensus.followUpDefault
    ) throws -> PlanCheckCensus? {
        let entries = try latestPlanChecks(asOf: month)
        guard !entries.isEmpty else { return nil }
        let checks = entries.map { entry in
            PlanCheckCensus.Check(
                planID: entry.planID, month: YearMonth(entry.checkedAt.prefix(7)) ?? month, status: entry.status,
                findings: Dictionary(entry.counts.map { ($0.check, $0.count) }, uniquingKeysWith: +))
        }
        let members = try population(asOf: month.lastDay)?.plans.map { plan in
            PlanCheckCensus.Member(
                planID: plan.planId, team: plan.team, phase: plan.phase, primaryNeed: plan.primaryNeed,
                caseworker: plan.caseworker)
        }
        return PlanCheckCensus.build(
            month: month, checks: checks, population: members ?? [], isPublic: isPublic, followUp: followUp)
    }
}
