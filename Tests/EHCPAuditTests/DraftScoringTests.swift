import Testing

@testable import EHCPAudit

/// A draft may leave criteria unjudged and is scored provisionally over those it rates
/// (docs/records.md, Drafts; docs/scoring.md §2); a final record must be complete.
struct DraftScoringTests {
    let scorer = Scorer(try! Fixtures.framework())

    /// The fixture record as a draft holding only `kept` of its plan judgements.
    func draft(keeping kept: Set<String>, ratings: [String: String] = [:], advices: [Advice] = []) -> AuditRecord {
        var record = Fixtures.record(ratings, advices: advices)
        record.status = .draft
        record.judgements.removeAll { !kept.contains($0.criterion) }
        return record
    }

    func problems(_ record: AuditRecord) -> [RecordProblem] {
        do {
            _ = try scorer.score(record)
            Issue.record("expected the record to be refused")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func anIncompleteDraftIsScoredOverTheCriteriaItRates() throws {
        // A1 outstanding (100) and F1 requires improvement (33.33): A is 100, F is 33.33, G
        // is not applicable; (1 x 100 + 3 x 33.33) / 4 = 50.
        let record = draft(keeping: ["A1", "F1"], ratings: ["A1": "outstanding", "F1": "requires-improvement"])
        let result = try scorer.score(record)
        #expect(abs(result.percent - 50) < 1e-9)
        #expect(result.sections[0].percent == 100 && result.sections[2].percent == nil)
        #expect(abs(result.sections[1].percent! - 100.0 / 3) < 1e-9)
        #expect(result.completeness == Completeness(judged: 2, expected: 6) && result.isProvisional)
        // F1's gain is its whole section's: 3/4 x 2/2 x (66.67 - 33.33).
        #expect(result.actions.map(\.criterion) == ["F1"])
        #expect(abs(result.actions[0].gain - 25) < 1e-9)
    }

    @Test func anUnratedCriterionCountsAsNotApplicable() throws {
        let rated = try scorer.score(draft(keeping: ["A1", "A2", "F1", "F2", "G1"], ratings: ["A2": "inadequate"]))
        let withNA = try scorer.score(Fixtures.record(["A2": "na"]))
        let unrated = try scorer.score(draft(keeping: ["A1", "F1", "F2", "G1", "G2"]))
        #expect(unrated.percent == withNA.percent && unrated.sections == withNA.sections)
        #expect(unrated.actions == withNA.actions && unrated.caps == withNA.caps)
        #expect(rated.completeness == Completeness(judged: 5, expected: 6))
        #expect(withNA.completeness == Completeness(judged: 6, expected: 6) && !withNA.isProvisional)
    }

    @Test func aCompleteDraftIsNotProvisional() throws {
        var record = Fixtures.record()
        record.status = .draft
        let result = try scorer.score(record)
        let final = try scorer.score(Fixtures.record())
        #expect(!result.isProvisional && result == final)
    }

    @Test func theSameRecordAsFinalIsRefusedForEachCriterionLeftOut() {
        var record = draft(keeping: ["A1", "F1"])
        record.status = .final
        let found = problems(record)
        #expect(found.map(\.criterion) == ["A2", "F2", "G1", "G2"])
        #expect(found.allSatisfy { $0.path == "judgements" && $0.message.contains("has no judgement") })
    }

    @Test func adviceCriteriaMayBeLeftUnratedInADraftAndAreCounted() throws {
        let advices = [
            Fixtures.advice(.received, ["HA2": "outstanding"]),
            Fixtures.advice(.noNeedsIdentified, [:]),
            Fixtures.advice(.blank),
        ]
        var record = draft(keeping: ["A1"], advices: advices)
        for a in record.advices.indices { record.advices[a].id = "ADV-\(a + 1)" }
        let result = try scorer.score(record)
        // Six plan criteria and two advice criteria for each judged advice; a blank advice takes none.
        #expect(result.completeness == Completeness(judged: 2, expected: 10))
        #expect(result.advices.map(\.percent) == [100, nil, nil])
        record.status = .final
        record.judgements = Fixtures.record().judgements
        let found = problems(record)
        #expect(found.map(\.path) == ["advices[0].judgements", "advices[1].judgements", "advices[1].judgements"])
        #expect(found.map(\.criterion) == ["HA1", "HA1", "HA2"])
        #expect(found[1].message.hasSuffix("; the advice identified no needs, so record it as na"))
    }

    @Test func whatADraftHoldsIsCheckedAsForAFinalRecord() {
        var record = draft(keeping: ["A1", "F1"], ratings: ["A1": "excellent", "F1": "na"])
        record.judgements.append(Judgement(criterion: "Z9", rating: "good"))
        record.judgements.append(Judgement(criterion: "F1", rating: "good"))
        record.advices = [Fixtures.advice(.noNeedsIdentified, ["HA1": "good"])]
        let found = problems(record).map(\.message)
        #expect(found.contains { $0.contains("unknown rating \"excellent\"") })
        #expect(found.contains { $0.contains("criterion F1 may not be rated na") })
        #expect(found.contains { $0.contains("unknown criterion \"Z9\"") })
        #expect(found.contains { $0.contains("criterion F1 is judged twice") })
        #expect(found.contains { $0.contains("identified no needs, so criterion HA1 is not applicable") })
        #expect(!found.contains { $0.contains("has no judgement") })
    }

    @Test func aDraftThatRatesNothingYetHasNoGradeAndSaysSo() {
        let found = problems(draft(keeping: ["G1"]))
        #expect(found.map(\.path) == ["judgements"])
        #expect(found[0].message.hasPrefix("the draft rates no plan criterion yet (1 of 6 judged"))
        #expect(found[0].message.hasSuffix("rate at least one criterion before saving it"))
    }
}
