import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// Every refusal of docs/scoring.md §1, each checked to name its entry and rule.
struct FrameworkRulesTests {
    /// The problems building a framework raises; empty when it is valid.
    func problems(_ build: () throws -> Framework) -> [FrameworkProblem] {
        do {
            _ = try build()
            return []
        } catch let error as FrameworkError {
            return error.problems
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    func expectProblem(
        entry: String, containing text: String, _ build: () throws -> Framework,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let found = problems(build)
        #expect(
            found.contains { $0.entry == entry && $0.message.contains(text) },
            "expected \(entry): …\(text)… in \(found)", sourceLocation: sourceLocation)
    }

    @Test func theFixtureIsValid() throws {
        #expect(problems { try Fixtures.framework() }.isEmpty)
    }

    @Test func refusesABadIdOrEmptyVersion() {
        expectProblem(entry: "id", containing: "[a-z0-9-]+") {
            try Framework(
                id: "EHCP QA", version: "1", title: "", scale: Fixtures.scale, actionBelow: "good",
                grades: Fixtures.grades, sections: Fixtures.sections)
        }
        expectProblem(entry: "version", containing: "must not be empty") {
            try Framework(
                id: "qa", version: "", title: "", scale: Fixtures.scale, actionBelow: "good", grades: Fixtures.grades,
                sections: Fixtures.sections)
        }
    }

    @Test func refusesAScaleThatIsShortDuplicatedReservedOrUnordered() {
        expectProblem(entry: "scale", containing: "at least two") {
            try Fixtures.framework(scale: [Fixtures.scale[1]])
        }
        expectProblem(entry: "scale[1].id", containing: "duplicate rating id \"good\"") {
            try Fixtures.framework(scale: [Fixtures.scale[1], Rating(id: "good", label: "Good", points: 1)])
        }
        expectProblem(entry: "scale[1]", containing: "reserved") {
            try Fixtures.framework(scale: [Fixtures.scale[1], Rating(id: "na", label: "N/A", points: 0)])
        }
        expectProblem(entry: "scale[2].points", containing: "strictly decreasing") {
            var scale = Fixtures.scale
            scale[2].points = 3
            return try Fixtures.framework(scale: scale)
        }
    }

    @Test func refusesAnActionBelowThatNamesNoRating() {
        expectProblem(entry: "actionBelow", containing: "\"great\" names no rating") {
            try Fixtures.framework(actionBelow: "great")
        }
    }

    @Test func refusesGradesThatAreEmptyDuplicatedUnorderedOrWithoutAZeroBoundary() {
        expectProblem(entry: "grades", containing: "at least one grade") { try Fixtures.framework(grades: []) }
        expectProblem(entry: "grades[1].id", containing: "duplicate grade id") {
            var grades = Fixtures.grades
            grades[1].id = "outstanding"
            return try Fixtures.framework(grades: grades)
        }
        expectProblem(entry: "grades[2].minPercent", containing: "strictly decreasing") {
            var grades = Fixtures.grades
            grades[2].minPercent = 50
            return try Fixtures.framework(grades: grades)
        }
        expectProblem(entry: "grades[3].minPercent", containing: "must have minPercent 0") {
            var grades = Fixtures.grades
            grades[3].minPercent = 5
            return try Fixtures.framework(grades: grades)
        }
    }

    @Test func refusesSectionsThatAreMissingDuplicatedWeightlessOrEmpty() {
        expectProblem(entry: "sections", containing: "at least one section") { try Fixtures.framework(sections: []) }
        expectProblem(entry: "sections[1].id", containing: "duplicate section id \"A\"") {
            try Fixtures.framework(sections: [
                Fixtures.sections[0], Section(id: "A", title: "Again", weight: 1, criteria: [Fixtures.criterion("X1")]),
            ])
        }
        for weight in [0.0, -1] {
            expectProblem(entry: "sections[0].weight", containing: "weight must be greater than 0") {
                var sections = Fixtures.sections
                sections[0].weight = weight
                return try Fixtures.framework(sections: sections)
            }
        }
        expectProblem(entry: "sections[0].criteria", containing: "no criteria") {
            var sections = Fixtures.sections
            sections[0].criteria = []
            return try Fixtures.framework(sections: sections)
        }
    }

    @Test func refusesCriteriaWithoutTextOrActionOrWeight() {
        func withCriterion(_ change: @escaping (inout Criterion) -> Void) -> () throws -> Framework {
            {
                var sections = Fixtures.sections
                change(&sections[1].criteria[1])
                return try Fixtures.framework(sections: sections)
            }
        }
        expectProblem(
            entry: "sections[1].criteria[1].text", containing: "criterion F2: text must not be empty",
            withCriterion { $0.text = "  " })
        expectProblem(
            entry: "sections[1].criteria[1].action", containing: "criterion F2: action must not be empty",
            withCriterion { $0.action = "" })
        expectProblem(
            entry: "sections[1].criteria[1].weight", containing: "criterion F2: weight must be greater than 0",
            withCriterion { $0.weight = 0 })
        expectProblem(
            entry: "sections[1].criteria[1].needsDependent", containing: "needsDependent applies only to advice",
            withCriterion { $0.needsDependent = true })
        expectProblem(
            entry: "sections[1].criteria[1].cap", containing: "cap.at \"awful\" names no rating",
            withCriterion { $0.cap = Cap(at: "awful", grade: "good") })
        expectProblem(
            entry: "sections[1].criteria[1].cap", containing: "cap.grade \"failing\" names no grade",
            withCriterion { $0.cap = Cap(at: "inadequate", grade: "failing") })
    }

    @Test func refusesDuplicateCriterionIdsAcrossSectionsAndAdvice() {
        expectProblem(entry: "sections[1].criteria[1].id", containing: "duplicate criterion id \"A1\"") {
            var sections = Fixtures.sections
            sections[1].criteria[1].id = "A1"
            return try Fixtures.framework(sections: sections)
        }
        expectProblem(entry: "advice.criteria[0].id", containing: "duplicate criterion id \"F1\"") {
            var advice = Fixtures.advice
            advice.criteria[0].id = "F1"
            return try Fixtures.framework(advice: advice)
        }
    }

    @Test func refusesBrokenAdviceCriteria() {
        expectProblem(entry: "advice.deadlineDays", containing: "from 0 to 3650") {
            var advice = Fixtures.advice
            advice.deadlineDays = -1
            return try Fixtures.framework(advice: advice)
        }
        expectProblem(entry: "advice.grades[3].minPercent", containing: "must have minPercent 0") {
            var advice = Fixtures.advice
            advice.grades[3].minPercent = 1
            return try Fixtures.framework(advice: advice)
        }
        expectProblem(entry: "advice.criteria", containing: "at least one criterion") {
            var advice = Fixtures.advice
            advice.criteria = []
            return try Fixtures.framework(advice: advice)
        }
        expectProblem(entry: "advice.criteria[1].cap", containing: "names no grade") {
            var advice = Fixtures.advice
            advice.criteria[1].cap = Cap(at: "inadequate", grade: "nope")
            return try Fixtures.framework(advice: advice)
        }
    }

    @Test func listsEveryProblemAtOnce() {
        let found = problems {
            var sections = Fixtures.sections
            sections[0].weight = 0
            sections[1].criteria[0].text = ""
            return try Fixtures.framework(actionBelow: "nope", sections: sections)
        }
        #expect(found.count == 3)
    }
}
