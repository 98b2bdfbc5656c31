import EHCPAudit
import Testing

/// The census's public version and the lead's follow-up list, on figures worked by hand.
struct PlanCheckCensusTests {
    let june = YearMonth(year: 2025, month: 6)!

    func check(_ id: String, _ findings: [PlanCheckKind: Int] = [:]) -> PlanCheckCensus.Check {
        PlanCheckCensus.Check(planID: id, month: june, status: .final, findings: findings)
    }

    /// 25 plans, all checked: Primary 12 (6 with a vague phrase), Secondary 10 (5),
    /// Post-16 3 (2).
    var phases: (checks: [PlanCheckCensus.Check], population: [PlanCheckCensus.Member]) {
        var checks: [PlanCheckCensus.Check] = [], population: [PlanCheckCensus.Member] = []
        for (phase, plans, vague) in [("Primary", 12, 6), ("Secondary", 10, 5), ("Post-16", 3, 2)] {
            for i in 0..<plans {
                let id = "\(phase)-\(i)"
                population.append(PlanCheckCensus.Member(planID: id, team: "North", phase: phase))
                checks.append(check(id, i < vague ? [.vagueWording: 1] : [:]))
            }
        }
        return (checks, population)
    }

    func group(
        _ census: PlanCheckCensus, _ dimension: PlanCheckCensus.Dimension, _ name: String
    ) throws
        -> PlanCheckCensus.Group
    {
        try #require(census.breakdowns.first { $0.dimension == dimension }?.groups.first { $0.name == name })
    }

    func vague(_ group: PlanCheckCensus.Group) -> PlanCheckCensus.CheckFigure {
        group.checks.first { $0.check == .vagueWording }!
    }

    @Test func thePublicVersionHidesSmallCountsAndWhatWouldGiveThemAway() throws {
        let census = PlanCheckCensus.build(
            month: june, checks: phases.checks, population: phases.population, isPublic: true)
        #expect(census.checked == .shown(25))
        #expect(census.checks.first { $0.check == .vagueWording }?.plans == .shown(13))
        let post16 = try group(census, .phase, "Post-16")
        #expect(post16.population == .suppressed && post16.checked == .suppressed)
        #expect(vague(post16).plans == .suppressed && vague(post16).share == nil)
        // 13 − 6 − 5 would give Post-16's 2 away, so Secondary's 5 is hidden too; and so
        // are Secondary's plans, which 25 − 12 − 3 would give away.
        let secondary = try group(census, .phase, "Secondary")
        #expect(vague(secondary).plans == .suppressed && secondary.population == .suppressed)
        let primary = try group(census, .phase, "Primary")
        #expect(vague(primary).plans == .shown(6) && vague(primary).share?.share == 0.5)
        #expect(census.suppressed.contains("phase.Post-16.vague-wording"))
        #expect(census.suppressed.contains("phase.Secondary.vague-wording"))
        #expect(!census.breakdowns.contains { $0.dimension == .team }, "no team is named in public")
        #expect(census.followUp.isEmpty)
    }

    @Test func theLeadsVersionHidesNothingAndSplitsByTeam() throws {
        let census = PlanCheckCensus.build(
            month: june, checks: phases.checks, population: phases.population, isPublic: false)
        #expect(census.suppressed.isEmpty)
        #expect(vague(try group(census, .phase, "Post-16")).plans == .shown(2))
        #expect(try group(census, .team, "North").checked == .shown(25))
        #expect(try group(census, .primaryNeed, PlanCheckCensus.notRecorded).population == .shown(25))
    }

    @Test func theFollowUpListPutsMostFindingsFirstAndBreaksTiesByPlanID() {
        let checks = [
            check("P3", [.vagueWording: 2]), check("P1", [.noReviewDate: 1, .vagueWording: 1]),
            check("P2", [.missingSection: 5]), check("P4"), check("P0", [.templateText: 1]),
        ]
        let population = [PlanCheckCensus.Member(planID: "P1", team: "North", caseworker: "CW-7")]
        let census = PlanCheckCensus.build(month: june, checks: checks, population: population, isPublic: false)
        #expect(census.followUp.map(\.planID) == ["P2", "P1", "P3", "P0"], "P4 found nothing")
        let p1 = census.followUp[1]
        #expect(p1.findings == 2 && p1.team == "North" && p1.caseworker == "CW-7")
        #expect(p1.counts.map(\.check) == [.vagueWording, .noReviewDate] && p1.counts.map(\.count) == [1, 1])
        let short = PlanCheckCensus.build(month: june, checks: checks, population: [], isPublic: false, followUp: 2)
        #expect(short.followUp.map(\.planID) == ["P2", "P1"])
        #expect(short.breakdowns.isEmpty && short.population == nil && short.coverage == nil)
    }

    @Test func theBoardsParagraphNamesTheThreeChecksFoundMostOften() {
        let checks = (0..<10).map { i in
            check(
                "P\(i)",
                [
                    .vagueWording: i < 8 ? 1 : 0, .noReviewDate: i < 5 ? 1 : 0, .staleAdvice: i < 5 ? 1 : 0,
                    .templateText: i < 2 ? 1 : 0,
                ])
        }
        let caseload = MonthlyReport.Caseload(
            PlanCheckCensus.build(month: june, checks: checks, population: [], isPublic: false))
        #expect(caseload.checks.map(\.check) == [.vagueWording, .staleAdvice, .noReviewDate])
        #expect(caseload.checks.map(\.plans) == [.shown(8), .shown(5), .shown(5)])
    }
}
