import EHCPAuditSynthetic
import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// Properties of docs/scoring.md §3 over many generated frameworks and records.
struct ScoringPropertyTests {
    static func framework(_ rng: inout SeededRandom) throws -> Framework {
        var points = Double(Int.random(in: 2...9, using: &rng))
        let scale = (0..<Int.random(in: 2...5, using: &rng)).map { i -> Rating in
            defer { points -= Double.random(in: 0.25...3, using: &rng) }
            return Rating(id: "r\(i)", label: "R\(i)", points: points)
        }
        var minPercent = 100.0
        let gradeCount = Int.random(in: 1...4, using: &rng)
        let grades = (0..<gradeCount).map { i -> Grade in
            minPercent = i == gradeCount - 1 ? 0 : minPercent * Double.random(in: 0.3...0.9, using: &rng)
            return Grade(id: "g\(i)", label: "G\(i)", minPercent: minPercent)
        }
        var n = 0
        let sections = (0..<Int.random(in: 1...6, using: &rng)).map { s in
            Section(
                id: "S\(s)", title: "Section \(s)", weight: Double.random(in: 0.5...5, using: &rng),
                criteria: (0..<Int.random(in: 1...5, using: &rng)).map { _ in
                    n += 1
                    return Criterion(
                        id: "C\(n)", text: "t", weight: Double.random(in: 0.1...4, using: &rng),
                        notApplicable: Bool.random(using: &rng), action: "a")
                })
        }
        return try Framework(
            id: "gen", version: "1", title: "", scale: scale, actionBelow: scale.randomElement(using: &rng)!.id,
            grades: grades, sections: sections)
    }

    static func record(_ framework: Framework, _ rng: inout SeededRandom) -> AuditRecord {
        let judgements = framework.sections.flatMap(\.criteria).map { criterion in
            let na = criterion.notApplicable && Int.random(in: 0..<4, using: &rng) == 0
            return Judgement(
                criterion: criterion.id, rating: na ? "na" : framework.scale.randomElement(using: &rng)!.id)
        }
        return AuditRecord(
            auditId: "A", planId: "P", framework: FrameworkReference(id: "gen", version: "1"), auditor: "x",
            auditDate: CalendarDate("2025-01-01")!, judgements: judgements)
    }

    @Test func raisingAnActionsCriterionToActionBelowGainsExactlyItsGain() throws {
        var rng = SeededRandom(seed: "2025")
        var checked = 0
        for _ in 0..<300 {
            let framework = try Self.framework(&rng)
            let scorer = Scorer(framework)
            var record = Self.record(framework, &rng)
            guard let result = try? scorer.score(record) else { continue }
            for action in result.actions {
                let index = record.judgements.firstIndex { $0.criterion == action.criterion }!
                let original = record.judgements[index].rating
                record.judgements[index].rating = framework.actionBelow
                let raised = try scorer.score(record)
                #expect(
                    abs(raised.percent - result.percent - action.gain) < 1e-9,
                    "\(action.criterion) in \(framework.sections)")
                record.judgements[index].rating = original
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    @Test func actionsAreExactlyTheCriteriaBelowActionBelowOrderedByGain() throws {
        var rng = SeededRandom(seed: "7")
        for _ in 0..<300 {
            let framework = try Self.framework(&rng)
            let record = Self.record(framework, &rng)
            guard let result = try? Scorer(framework).score(record) else { continue }
            let threshold = framework.rating(framework.actionBelow)!.points
            let below = Set(
                record.judgements.filter { $0.rating != "na" && framework.rating($0.rating)!.points < threshold }.map(
                    \.criterion))
            #expect(Set(result.actions.map(\.criterion)) == below)
            for (a, b) in zip(result.actions, result.actions.dropFirst()) {
                #expect(a.gain >= b.gain - 1e-9)
            }
            #expect(result.percent >= -1e-9 && result.percent <= 100 + 1e-9)
            #expect(framework.grades.rank(of: result.grade.id)! >= framework.grades.rank(of: result.boundaryGrade.id)!)
        }
    }
}
