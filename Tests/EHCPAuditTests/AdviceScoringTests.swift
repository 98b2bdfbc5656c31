import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// docs/scoring.md §4: every advice status, timeliness and the no-needs-identified rule.
struct AdviceScoringTests {
    let scorer = Scorer(try! Fixtures.framework())

    func adviceResult(_ advice: Advice, scorer: Scorer? = nil) throws -> AdviceResult {
        try (scorer ?? self.scorer).score(Fixtures.record(advices: [advice])).advices[0]
    }

    func problems(_ advices: [Advice]) -> [RecordProblem] {
        do {
            _ = try scorer.score(Fixtures.record(advices: advices))
            return []
        } catch {
            return error.problems
        }
    }

    @Test func aReceivedAdviceIsScoredAndTimedOnItsOwnGrades() throws {
        let result = try adviceResult(
            Fixtures.advice(
                .received, ["HA1": "good", "HA2": "outstanding"], requested: "2025-02-01", received: "2025-03-15"))
        #expect(abs(result.percent! - 250.0 / 3) < 1e-9)
        #expect(result.grade?.id == "outstanding")
        #expect(result.days == 42)
        #expect(result.timely == true)
    }

    @Test func oneDayOverTheDeadlineIsLate() throws {
        let result = try adviceResult(Fixtures.advice(.received, requested: "2025-02-01", received: "2025-03-16"))
        #expect(result.days == 43)
        #expect(result.timely == false)
    }

    @Test func aMissingDateLeavesTimelinessUnknown() throws {
        let result = try adviceResult(Fixtures.advice(.received, requested: nil))
        #expect(result.days == nil && result.timely == nil)
    }

    @Test func anAdviceThatIdentifiedNoNeedsIsScoredOnTheRemainingCriteria() throws {
        let result = try adviceResult(Fixtures.advice(.noNeedsIdentified, ["HA1": "na", "HA2": "good"]))
        #expect(abs(result.percent! - 200.0 / 3) < 1e-9)
        #expect(result.grade?.id == "good")
    }

    @Test func ratingANeedsDependentCriterionOfANoNeedsAdviceIsCaught() {
        let found = problems([Fixtures.advice(.noNeedsIdentified, ["HA1": "inadequate", "HA2": "good"])])
        #expect(found.count == 1)
        #expect(found[0].criterion == "HA1")
        #expect(found[0].path == "advices[0].judgements[0].rating")
        #expect(found[0].message.contains("identified no needs, so criterion HA1 is not applicable"))
    }

    @Test func aNoNeedsAdviceStillNeedsEveryJudgement() {
        let found = problems([Fixtures.advice(.noNeedsIdentified, ["HA2": "good"])])
        #expect(found.map(\.criterion) == ["HA1"])
        #expect(found[0].message.contains("record it as na"))
    }

    @Test func aReceivedAdviceMayNotMarkANeedsDependentCriterionNotApplicable() {
        let found = problems([Fixtures.advice(.received, ["HA1": "na", "HA2": "good"])])
        #expect(found.map(\.criterion) == ["HA1"])
        #expect(found[0].message.contains("may not be rated na"))
    }

    @Test(arguments: [AdviceStatus.blank, .notReceived, .notKnown])
    func unjudgedStatusesAreNotScored(_ status: AdviceStatus) throws {
        let received: String? = status == .notReceived ? nil : "2025-03-01"
        let result = try adviceResult(Fixtures.advice(status, received: received))
        #expect(result.percent == nil && result.grade == nil)
        #expect(result.status == status)
        #expect(result.days == (status == .notReceived ? nil : 28))
    }

    @Test(arguments: [AdviceStatus.blank, .notReceived, .notKnown])
    func unjudgedStatusesTakeNoJudgements(_ status: AdviceStatus) {
        let found = problems([Fixtures.advice(status, ["HA2": "good"], received: nil)])
        #expect(found.map(\.path) == ["advices[0].judgements"])
        #expect(found[0].message.contains("takes no judgements"))
    }

    @Test func aNotReceivedAdviceHasNoReceivedDate() {
        let found = problems([Fixtures.advice(.notReceived)])
        #expect(found.map(\.path) == ["advices[0].received"])
    }

    @Test func receivedBeforeRequestedIsRefused() {
        let found = problems([Fixtures.advice(.received, requested: "2025-03-02", received: "2025-03-01")])
        #expect(found.map(\.path) == ["advices[0].received"])
        #expect(found[0].message.contains("before it was requested"))
    }

    @Test func adviceIdsAreUniqueInARecord() {
        let found = problems([Fixtures.advice(.blank, received: nil), Fixtures.advice(.notKnown, received: nil)])
        #expect(found.map(\.path) == ["advices[1].id"])
    }

    @Test func aPlanCriterionInsideAnAdviceIsNamedAsSuch() {
        let found = problems([Fixtures.advice(.received, ["HA1": "good", "HA2": "good", "F1": "good"])])
        #expect(found.count == 1)
        #expect(found[0].message.contains("is a plan criterion"))
    }

    @Test func anAdviceWhoseCriteriaAreAllNotApplicableIsNotScored() throws {
        var advice = Fixtures.advice
        advice.criteria[1].notApplicable = true
        let scorer = Scorer(try Fixtures.framework(advice: advice))
        let result = try adviceResult(Fixtures.advice(.noNeedsIdentified, ["HA1": "na", "HA2": "na"]), scorer: scorer)
        #expect(result.percent == nil && result.grade == nil)
    }

    @Test func anAdviceCapLimitsTheAdviceGrade() throws {
        var advice = Fixtures.advice
        advice.criteria[1].cap = Cap(at: "requires-improvement", grade: "requires-improvement")
        let scorer = Scorer(try Fixtures.framework(advice: advice))
        let result = try adviceResult(
            Fixtures.advice(.received, ["HA1": "outstanding", "HA2": "requires-improvement"]), scorer: scorer)
        #expect(abs(result.percent! - 200.0 / 3) < 1e-9)
        #expect(result.grade?.id == "requires-improvement")
    }

    @Test func advicesNeedAFrameworkWithAdviceCriteria() throws {
        let scorer = Scorer(try Fixtures.framework(advice: nil))
        #expect(throws: RecordError.self) { try scorer.score(Fixtures.record(advices: [Fixtures.advice(.blank)])) }
    }
}
