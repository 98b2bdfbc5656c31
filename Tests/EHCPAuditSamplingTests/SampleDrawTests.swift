import EHCPAudit
import EHCPAuditTestSupport
import Testing

@testable import EHCPAuditSampling

struct SampleDrawTests {
    func parameters(
        _ month: String = "2025-07", seed: String = "seed", rate: Double = 0.05,
        strata: [StratumKey] = [.locality, .phase], lookback: Int = 12
    ) -> SampleParameters {
        try! SampleParameters(month: YearMonth(month)!, seed: seed, rate: rate, strata: strata, lookback: lookback)
    }

    func plans(
        _ count: Int, locality: String = "North", phase: String = "primary", prefix: String = "P",
        lastAudited: CalendarDate? = nil
    ) -> [PopulationPlan] {
        (1...count).map {
            PopulationPlan(planId: "\(prefix)\($0)", locality: locality, phase: phase, lastAudited: lastAudited)
        }
    }

    @Test func theTargetIsRoundedUpButNotPastFloatingPointNoise() throws {
        #expect(try SampleDraw.draw(plans(12_987), parameters: parameters()).target == 650)
        // 0.07 * 100 is 7.000000000000001 in floating point: still 7 plans, not 8.
        #expect(try SampleDraw.draw(plans(100), parameters: parameters(rate: 0.07)).target == 7)
        #expect(try SampleDraw.draw(plans(1), parameters: parameters()).target == 1)
        #expect(try SampleDraw.draw([], parameters: parameters()).target == 0)
    }

    @Test func theRankIsTheSHA256OfSeedMonthAndPlan() {
        // Computed independently: sha256("Sëed ☃:2025-07:P0001") and sha256("board-2025-07:2025-07:P0003171").
        #expect(
            SampleDraw.rank("P0001", parameters(seed: "Sëed ☃"))
                == "43e1a01fd373d51949b4e56b01ea7e37b3088cb8fee3fbe3414788ec32187e59")
        #expect(
            SampleDraw.rank("P0003171", parameters(seed: "board-2025-07"))
                == "c28a242ba284e7273ec4277f1772d6f6876a495c8f9505fdcc967cfa8f1713a6")
    }

    @Test func theLookBackWindowStartsOnTheFirstDayOfTheMonthLMonthsBefore() throws {
        let population = [
            PopulationPlan(planId: "before", lastAudited: CalendarDate("2024-06-30")),
            PopulationPlan(planId: "first-day", lastAudited: CalendarDate("2024-07-01")),
            PopulationPlan(planId: "this-month", lastAudited: CalendarDate("2025-07-15")),
            PopulationPlan(planId: "later", lastAudited: CalendarDate("2025-09-01")),
            PopulationPlan(planId: "never"),
        ]
        let sample = try SampleDraw.draw(population, parameters: parameters(rate: 0.2))
        #expect(sample.eligible == 2)
        #expect(Set(sample.selected.map(\.planId)).isSubset(of: ["before", "never"]))
        // Shorter look-back: 2025-06-01 onwards is recent, so first-day becomes eligible.
        #expect(try SampleDraw.draw(population, parameters: parameters(rate: 0.2, lookback: 1)).eligible == 3)
    }

    @Test func storedAuditsCountWhenLaterThanTheFile() throws {
        let population = [
            PopulationPlan(planId: "A", lastAudited: CalendarDate("2023-01-01")), PopulationPlan(planId: "B"),
        ]
        let sample = try SampleDraw.draw(
            population, parameters: parameters(rate: 0.5),
            lastAudits: ["A": CalendarDate("2025-01-01")!, "B": CalendarDate("2020-01-01")!])
        #expect(sample.eligible == 1)
        #expect(sample.selected.map(\.planId) == ["B"])
    }

    @Test func quotasUseTheLargestRemainderWithTiesToTheEarlierStratum() throws {
        // T = 9 over A 23, B 13, C 9 (E = 45): 207/45 = 4 r 27, 117/45 = 2 r 27, 81/45 = 1 r 36.
        // Two places left: C (36), then A before B on the tie at 27.
        let population =
            plans(23, locality: "A") + plans(13, locality: "B", prefix: "Q") + plans(9, locality: "C", prefix: "R")
        let sample = try SampleDraw.draw(population, parameters: parameters(rate: 0.2, strata: [.locality]))
        #expect(sample.target == 9)
        #expect(sample.strata.map(\.stratum) == ["A", "B", "C"])
        #expect(sample.strata.map(\.quota) == [5, 2, 2])
        #expect(sample.strata.map(\.eligible) == [23, 13, 9])
        #expect(SampleDraw.allocate(9, over: [23, 13, 9], total: 45) == [5, 2, 2])
    }

    @Test func eachStratumTakesItsLowestRanksAndTheOutputIsByStratumThenRank() throws {
        let population = plans(30, locality: "North") + plans(30, locality: "South", prefix: "S")
        let p = parameters(rate: 0.1, strata: [.locality])
        let sample = try SampleDraw.draw(population, parameters: p)
        for stratum in ["North", "South"] {
            let members = population.filter { $0.locality == stratum }.map { SampleDraw.rank($0.planId, p) }.sorted()
            let chosen = sample.selected.filter { $0.stratum == stratum }.map(\.rank)
            #expect(chosen == Array(members.prefix(3)))
        }
        #expect(
            sample.selected.map(\.stratum) == Array(repeating: "North", count: 3) + Array(repeating: "South", count: 3))
    }

    @Test func strataAreOrderedByBytesNotByUnicodeEquivalence() throws {
        // "é" precomposed (C3 A9) and "e" + combining acute (65 CC 81) are equal to Swift's
        // String comparison but different strata, in byte order.
        let population =
            plans(10, locality: "\u{E9}") + plans(10, locality: "e\u{301}", prefix: "Q")
            + plans(10, locality: "Z", prefix: "R")
        let sample = try SampleDraw.draw(population, parameters: parameters(rate: 0.3, strata: [.locality]))
        #expect(
            sample.strata.map { Array($0.stratum.utf8) } == [
                Array("Z".utf8), Array("e\u{301}".utf8), Array("\u{E9}".utf8),
            ])
        #expect(sample.strata.map(\.quota) == [3, 3, 3])
    }

    @Test func aMissingValueIsTheEmptyStringAndJoinedWithBars() throws {
        let population = [
            PopulationPlan(planId: "A", phase: "primary"), PopulationPlan(planId: "B", locality: "North"),
        ]
        let sample = try SampleDraw.draw(population, parameters: parameters(rate: 1))
        #expect(sample.strata.map(\.stratum) == ["North|", "|primary"])
    }

    @Test func whenTooFewAreEligibleAllAreTakenThenTheOldestRecentOnes() throws {
        var population = plans(2, locality: "N")
        population += [
            PopulationPlan(planId: "R-new", locality: "N", lastAudited: CalendarDate("2025-06-01")),
            PopulationPlan(planId: "R-old", locality: "N", lastAudited: CalendarDate("2024-09-01")),
            PopulationPlan(planId: "R-mid", locality: "N", lastAudited: CalendarDate("2025-01-01")),
        ]
        let sample = try SampleDraw.draw(population, parameters: parameters(rate: 0.8, strata: [.locality]))
        #expect(sample.target == 4 && sample.eligible == 2)
        #expect(Set(sample.selected.map(\.planId)) == ["P1", "P2", "R-old", "R-mid"])
        #expect(sample.selected.filter(\.recent).count == 2)
        let ranks = sample.selected.map(\.rank)
        #expect(ranks == ranks.sorted(), "one stratum, so the output is in rank order")
    }

    @Test func tiesOnTheLastAuditDateGoByRank() throws {
        let day = CalendarDate("2025-01-01")
        let population = (1...6).map { PopulationPlan(planId: "R\($0)", lastAudited: day) }
        let p = parameters(rate: 0.5, strata: [.locality])
        let sample = try SampleDraw.draw(population, parameters: p)
        let expected = population.map { SampleDraw.rank($0.planId, p) }.sorted().prefix(3)
        #expect(sample.selected.map(\.rank) == Array(expected))
    }

    @Test func theOrderOfThePopulationFileDoesNotMatter() throws {
        var population = plans(40, locality: "A") + plans(25, locality: "B", phase: "secondary", prefix: "Q")
        population[3].lastAudited = CalendarDate("2025-03-01")
        let first = try SampleDraw.draw(population, parameters: parameters(rate: 0.15))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            #expect(
                try SampleDraw.draw(population.shuffled(using: &generator), parameters: parameters(rate: 0.15)) == first
            )
        }
    }

    @Test func theLowestAreFoundWithoutSortingEverything() {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<1000).map { _ in Int.random(in: 0..<500, using: &generator) }
        for count in [0, 1, 7, 999, 1000, 1200] {
            #expect(SampleDraw.lowest(count, of: values, by: <) == Array(values.sorted().prefix(count)))
        }
    }

    @Test func refusesDuplicatePlansAndBadParameters() {
        #expect(throws: SampleError("plan P1 appears twice in the population")) {
            try SampleDraw.draw(plans(2) + plans(1), parameters: parameters())
        }
        #expect(throws: SampleError.self) { try SampleParameters(month: YearMonth("2025-07")!, seed: "s", rate: 0) }
        #expect(throws: SampleError.self) {
            try SampleParameters(month: YearMonth("2025-07")!, seed: "s", lookback: -1)
        }
        #expect(throws: Never.self) { try StratumKey.list("locality,primary_need").get() }
        #expect(throws: SampleError.self) { try StratumKey.list("locality,postcode").get() }
    }

    @Test func idsThatDifferOnlyInTheirBytesAreDifferentPlans() throws {
        let composed = PopulationPlan(planId: "P\u{E9}"), decomposed = PopulationPlan(planId: "Pe\u{301}")
        #expect(composed.planId == decomposed.planId)  // Swift's String equality, which the draw must not use
        #expect(try SampleDraw.draw([composed, decomposed], parameters: parameters()).population == 2)
    }

    @Test func aRankCollisionFallsBackToComparingEveryId() {
        let population = ["A", "B", "C", "B"]
        var check = DuplicateCheck(capacity: 4)
        let shared = Rank(words: (7, 1, 2, 3))
        #expect(check.first(0, shared) == nil)
        #expect(check.first(1, Rank(words: (7, 9, 9, 9))) == 0)
        #expect(check.twice(population, 0, 1) == nil && check.collided)
        #expect(check.first(2, Rank(words: (8, 0, 0, 0))) == nil)
        #expect(DuplicateCheck.firstTwice(population) == "B")
        #expect(DuplicateCheck.firstTwice(Array(population.prefix(3))) == nil)
    }
}
