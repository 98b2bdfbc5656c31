import EHCPAuditTestSupport
import Testing

@testable import EHCPAuditStore

/// The census at the end of a month, from checks stored as the `check` command stores
/// them, worked by hand (docs/reports.md, "Plan checks across the caseload").
struct PlanCheckCensusReportTests {
    let june = YearMonth(year: 2025, month: 6)!

    /// Six plans in the population; P1 checked in May and again in June (only June's
    /// counts), P3 in May, P2 (a draft), P4 and X9 (not in the population) in June, P5 only
    /// in July.
    func store() throws -> AuditStore {
        let store = try temporaryStore()
        try store.savePopulation(
            [
                PopulationPlan(planId: "P1", phase: "Primary", primaryNeed: "ASD", team: "North", caseworker: "CW1"),
                PopulationPlan(planId: "P2", phase: "Primary", primaryNeed: "SEMH", team: "North"),
                PopulationPlan(planId: "P3", phase: "Secondary", primaryNeed: "ASD", team: "South"),
                PopulationPlan(planId: "P4", phase: "Secondary", team: "South"),
                PopulationPlan(planId: "P5", phase: "Primary", primaryNeed: "ASD", team: "South"),
                PopulationPlan(planId: "P6", phase: "Secondary", primaryNeed: "SLCN", team: "North"),
            ], asOf: CalendarDate(year: 2025, month: 6, day: 1)!, source: "population.csv", digest: "d",
            at: "2025-06-01T09:00:00Z")
        for (plan, digest, at, status, counts) in [
            ("P1", "a1", "2025-05-10T10:00:00Z", PlanCheckReport.Status.final, [(PlanCheckKind.vagueWording, 2)]),
            ("P1", "a2", "2025-06-03T10:00:00Z", .final, [(.noReviewDate, 1)]),
            ("P2", "b1", "2025-06-12T10:00:00Z", .draft, [(.vagueWording, 3), (.outcomeNotTimeBound, 1)]),
            ("P3", "c1", "2025-05-20T10:00:00Z", .final, [(.vagueWording, 1)]),
            ("P4", "d1", "2025-06-20T10:00:00Z", .final, []),
            ("X9", "x1", "2025-06-25T10:00:00Z", .final, [(.vagueWording, 1), (.missingSection, 2)]),
            ("P5", "e1", "2025-07-02T10:00:00Z", .final, [(.vagueWording, 1)]),
        ] {
            try store.storePlanCheck(
                AuditStore.PlanCheckEntry(
                    planID: plan, digest: digest, checkedAt: at, status: status, planDate: nil, reviewDate: nil,
                    rules: "2026.1", counts: counts.map { .init(check: $0.0, section: "F", count: $0.1) }))
        }
        return store
    }

    func figure(_ figures: [PlanCheckCensus.CheckFigure], _ kind: PlanCheckKind) -> ReportCount? {
        figures.first { $0.check == kind }?.plans
    }

    @Test func eachPlanCountsOnceAtItsLatestCheckAgainstThePopulation() throws {
        let census = try #require(try store().planCheckCensus(for: june, isPublic: false))
        #expect(census.population == 6)
        #expect(census.checked == .shown(5), "P1, P2, P3, P4, X9; P5 only in July")
        #expect(census.checkedInPopulation == .shown(4) && census.checkedNotInPopulation == .shown(1))
        #expect(census.coverage.map { $0.count == 4 && $0.total == 6 } == true)
        #expect(census.checkedThisMonth == .shown(4), "P3's latest check is May's")
        #expect(census.drafts == .shown(1) && census.finals == .shown(4))
        // P1's latest check found no vague phrase: P2, P3 and X9 did.
        #expect(figure(census.checks, .vagueWording) == .shown(3))
        #expect(census.checks.first { $0.check == .vagueWording }?.share?.share == 0.6)
        #expect(figure(census.checks, .noReviewDate) == .shown(1))
        #expect(figure(census.checks, .missingSection) == .shown(1))
        #expect(figure(census.checks, .staleAdvice) == .shown(0))

        let teams = try #require(census.breakdowns.first { $0.dimension == .team }).groups
        #expect(teams.map(\.name) == ["North", "South", PlanCheckCensus.notInPopulation])
        #expect(teams.map(\.population) == [.shown(3), .shown(3), nil])
        #expect(teams.map(\.checked) == [.shown(2), .shown(2), .shown(1)])
        #expect(teams.map { figure($0.checks, .vagueWording) } == [.shown(1), .shown(1), .shown(1)])
        let needs = try #require(census.breakdowns.first { $0.dimension == .primaryNeed }).groups
        #expect(
            needs.map(\.name) == ["ASD", "SEMH", "SLCN", PlanCheckCensus.notRecorded, PlanCheckCensus.notInPopulation])
        #expect(needs.map(\.checked) == [.shown(2), .shown(1), .shown(0), .shown(1), .shown(1)])
        #expect(needs.first?.coverage.map { $0.count == 2 && $0.total == 3 } == true)

        #expect(census.followUp.map(\.planID) == ["P2", "X9", "P1", "P3"], "P1 and P3 tie at 1: by id")
        #expect(census.followUp[2].caseworker == "CW1" && census.followUp[1].team == nil)
    }

    @Test func noCensusWithoutACheckByTheEndOfTheMonth() throws {
        let store = try store()
        #expect(try store.planCheckCensus(for: YearMonth(year: 2025, month: 4)!, isPublic: false) == nil)
        let may = try #require(try store.planCheckCensus(for: YearMonth(year: 2025, month: 5)!, isPublic: false))
        #expect(figure(may.checks, .vagueWording) == .shown(2), "P1's May check counts in May")
    }
}
