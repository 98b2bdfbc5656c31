import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

struct ScorerTests {
    let scorer = Scorer(try! Fixtures.framework())

    func score(_ record: AuditRecord) throws -> AuditResult { try scorer.score(record) }

    func refusal(_ record: AuditRecord, scorer: Scorer? = nil) -> [RecordProblem] {
        do {
            _ = try (scorer ?? self.scorer).score(record)
            Issue.record("expected the record to be refused")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func moderatesIsAllowedOnlyOnAModerationAudit() throws {
        var record = Fixtures.record()
        record.moderates = "AUD-0"
        #expect(refusal(record).map(\.path) == ["moderates"])
        record.kind = .moderation
        #expect(throws: Never.self) { try score(record) }
        record.moderates = ""
        #expect(refusal(record).map(\.message) == ["moderates must not be empty"])
    }

    @Test func computesTheWorkedExampleByHand() throws {
        // A: A1 good (66.67), A2 na -> 66.67. F: F1 inadequate (0, weight 2), F2 outstanding
        // (100) -> 100/3. G: all na -> drops out. Overall (1 * 66.67 + 3 * 33.33) / 4 = 41.67.
        let result = try score(Fixtures.record(["F1": "inadequate", "F2": "outstanding"]))
        #expect(abs(result.percent - 125.0 / 3) < 1e-9)
        #expect(result.boundaryGrade.id == "requires-improvement")
        #expect(result.grade.id == "requires-improvement")
        #expect(result.sections.map(\.id) == ["A", "F", "G"])
        #expect(abs(result.sections[0].percent! - 200.0 / 3) < 1e-9)
        #expect(result.sections[0].grade?.id == "good")
        #expect(abs(result.sections[1].percent! - 100.0 / 3) < 1e-9)
        #expect(result.sections[1].grade?.id == "requires-improvement")
        #expect(result.sections[2].percent == nil && result.sections[2].grade == nil)
        // F1: (3 / 4) * (2 / 3) * (66.67 - 0) = 33.33
        #expect(result.actions.map(\.criterion) == ["F1"])
        #expect(abs(result.actions[0].gain - 100.0 / 3) < 1e-9)
        #expect(result.actions[0].text == "Improve F1.")
        #expect(result.actions[0].section == "F" && result.actions[0].rating == "inadequate")
    }

    @Test func aCapLowersAGoodPercentageToItsGrade() throws {
        // A 100, F (0 * 2 + 100) / 3 -> overall (100 + 100) / 4 = 50: Good by percentage.
        let result = try score(
            Fixtures.record(["A1": "outstanding", "A2": "outstanding", "F1": "inadequate", "F2": "outstanding"]))
        #expect(abs(result.percent - 50) < 1e-9)
        #expect(result.boundaryGrade.id == "good")
        #expect(result.grade.id == "requires-improvement")
        #expect(result.caps == [AppliedCap(criterion: "F1", rating: "inadequate", grade: Fixtures.grades[2])])
    }

    @Test func aCapThatDoesNotLowerTheGradeIsStillListed() throws {
        let result = try score(
            Fixtures.record(["A1": "inadequate", "A2": "inadequate", "F1": "inadequate", "F2": "inadequate"]))
        #expect(result.percent == 0)
        #expect(result.boundaryGrade.id == "inadequate")
        #expect(result.grade.id == "inadequate")
        #expect(result.caps.map(\.criterion) == ["F1"])
    }

    @Test func aCapIsNotTriggeredAboveItsRating() throws {
        let result = try score(Fixtures.record(["F1": "requires-improvement"]))
        #expect(result.caps.isEmpty)
    }

    @Test func boundariesAllowOneBillionthBelow() throws {
        let grades = GradeScale(Fixtures.grades)
        #expect(grades.rank(for: 50) == 1)
        #expect(grades.rank(for: 50 - 5e-10) == 1)
        #expect(grades.rank(for: 50 - 2e-9) == 2)
        #expect(grades.rank(for: 100) == 0)
        #expect(grades.rank(for: 0) == 3)
        // Good throughout scores 200/3 in floating point; a boundary written as 66.666666666666671 still admits it.
        var boundaries = Fixtures.grades
        boundaries[1].minPercent = 66.666666666666671
        let scorer = Scorer(try Fixtures.framework(grades: boundaries))
        #expect(try scorer.score(Fixtures.record()).boundaryGrade.id == "good")
    }

    @Test func actionsAreOrderedByGainWithTiesInFrameworkOrder() throws {
        // A1 RI: (1/4)(1/2)(33.33) = 4.17. F1 RI: (3/4)(2/3)(33.33) = 16.67. F2 inadequate:
        // (3/4)(1/3)(66.67) = 16.67, a tie with F1, so framework order keeps F1 first.
        let result = try score(
            Fixtures.record(["A1": "requires-improvement", "F1": "requires-improvement", "F2": "inadequate"]))
        #expect(result.actions.map(\.criterion) == ["F1", "F2", "A1"])
        #expect(abs(result.actions[0].gain - 50.0 / 3) < 1e-9)
        #expect(abs(result.actions[1].gain - 50.0 / 3) < 1e-9)
        #expect(abs(result.actions[2].gain - 25.0 / 6) < 1e-9)
    }

    @Test func noActionAtOrAboveActionBelow() throws {
        let result = try score(Fixtures.record(["A1": "outstanding"]))
        #expect(result.actions.isEmpty)
    }

    @Test func refusesARecordWhoseSectionsAreAllNotApplicable() throws {
        let sections = [Section(id: "G", title: "Health", weight: 1, criteria: [Fixtures.criterion("G1", na: true)])]
        let scorer = Scorer(try Fixtures.framework(sections: sections, advice: nil))
        var record = Fixtures.record()
        record.judgements = [Judgement(criterion: "G1", rating: "na")]
        let problems = refusal(record, scorer: scorer)
        #expect(
            problems.map(\.message) == ["every section is judged not applicable (na), so the record cannot be graded"])
    }

    @Test func refusesMissingDuplicateUnknownAndMisratedJudgements() {
        var record = Fixtures.record(["A1": "excellent", "F1": "na"])
        record.judgements.removeAll { $0.criterion == "F2" }
        record.judgements.append(Judgement(criterion: "A2", rating: "good", line: 40))
        record.judgements.append(Judgement(criterion: "Z9", rating: "good"))
        record.judgements.append(Judgement(criterion: "HA1", rating: "good"))
        let problems = refusal(record)
        func find(_ criterion: String, _ text: String) -> RecordProblem? {
            problems.first { $0.criterion == criterion && $0.message.contains(text) }
        }
        #expect(find("A1", "unknown rating \"excellent\"")?.path == "judgements[0].rating")
        #expect(find("F1", "may not be rated na")?.path == "judgements[2].rating")
        #expect(find("F2", "has no judgement") != nil)
        #expect(find("A2", "judged twice")?.line == 40)
        #expect(find("Z9", "unknown criterion") != nil)
        #expect(find("HA1", "is an advice criterion") != nil)
        #expect(problems.count == 6)
    }

    @Test func refusesARecordMadeAgainstAnotherFramework() throws {
        var record = Fixtures.record()
        record.framework = FrameworkReference(id: "mini", version: "2")
        #expect(refusal(record).map(\.path) == ["framework"])
        let catalog = try FrameworkCatalog([try Fixtures.framework()])
        #expect(throws: RecordError.self) { try catalog.score(record) }
    }

    @Test func theCatalogScoresEachRecordAgainstTheVersionItNames() throws {
        let v1 = try Fixtures.framework()
        let v2 = try Framework(
            id: "mini", version: "2", title: "", scale: Fixtures.scale, actionBelow: "good", grades: Fixtures.grades,
            sections: [Section(id: "A", title: "Views", weight: 1, criteria: [Fixtures.criterion("A1")])])
        let catalog = try FrameworkCatalog([v1, v2])
        #expect(try catalog.score(Fixtures.record()).sections.count == 3)
        var record = Fixtures.record()
        record.framework.version = "2"
        record.judgements = [Judgement(criterion: "A1", rating: "outstanding")]
        #expect(try catalog.score(record).percent == 100)
    }

    @Test func twoDifferentFrameworksUnderOneIdAndVersionAreRefused() throws {
        let v1 = try Fixtures.framework()
        var catalog = try FrameworkCatalog([v1, v1])
        let changed = try Framework(
            id: "mini", version: "1", title: "", scale: Fixtures.scale, actionBelow: "good", grades: Fixtures.grades,
            sections: [Section(id: "A", title: "Views", weight: 1, criteria: [Fixtures.criterion("A1")])])
        #expect(throws: FrameworkConflict(reference: FrameworkReference(id: "mini", version: "1"))) {
            try catalog.add(changed)
        }
        #expect(catalog.frameworks == [v1])
    }

    @Test func controlCharactersInIdentifiersAreRefusedAndCommentsKeepTheirLineBreaks() {
        var record = Fixtures.record()
        record.auditId = "A\u{0}1"
        record.planId = "P1\nforged line"
        record.plan.team = "\u{1B}[31mred"
        record.judgements[0].comment = "Two lines\nof comment\twith a tab"
        #expect(refusal(record).map(\.path) == ["auditId", "planId", "plan.team"])
        record = Fixtures.record()
        record.judgements[0].comment = "bell\u{7}"
        #expect(refusal(record).map(\.path) == ["judgements[0].comment"])
        record = Fixtures.record()
        record.auditor = String(repeating: "x", count: RecordText.longestWord + 1)
        #expect(refusal(record).map(\.message) == ["auditor is longer than 200 characters"])
    }
}
