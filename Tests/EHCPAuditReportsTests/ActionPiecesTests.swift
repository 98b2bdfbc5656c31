import EHCPAudit
import EHCPAuditFormats
import EHCPAuditTestSupport
import Testing

@testable import EHCPAuditReports

/// Improvement actions written from pieces cut beforehand (`ScoreJSON.Writer`) must be byte
/// for byte what writing them in full gives, whatever the action holds.
struct ActionPiecesTests {
    private func bothWays(_ result: AuditResult, _ pieces: ScoreJSON.Writer) -> (String, String) {
        var full = JSONWriter(), cut = JSONWriter()
        ScoreJSON.appendLine(result, to: &full)
        pieces.appendLine(result, to: &cut)
        return (cut.text, full.text)
    }

    @Test func generatedScoresReadAsWrittenInFull() throws {
        let pieces = ScoreJSON.Writer(frameworks: [Project.framework])
        let plans = SyntheticPopulation(count: 300, seed: "pieces", asOf: CalendarDate("2025-01-01")!).plans
        let records = SyntheticAudits(
            framework: Project.framework, plans: plans, count: 1_000, months: 6, last: YearMonth("2025-06")!,
            seed: "pieces")
        var actions = 0
        for record in records {
            guard let result = try? Project.catalog.score(record) else { continue }
            actions += result.actions.count
            let (cut, full) = bothWays(result, pieces)
            #expect(cut == full)
        }
        #expect(actions > 1_000)
    }

    /// An action that is not its criterion's own (another section, another text, a
    /// criterion the frameworks lack, a text with escapes) is written in full; a criterion
    /// in two frameworks finds its own pieces in each.
    @Test func actionsNotTheFrameworksOwnAreWrittenInFull() throws {
        let framework = ScoreRenderingTests.framework
        var renamed = framework.sections
        renamed[1].criteria[0].action = "Quantify \"all\" provision,\nhours and who."
        let other = try Framework(
            id: "mini", version: "2", title: "Mini 2", scale: framework.scale, actionBelow: framework.actionBelow,
            grades: framework.grades.grades, sections: renamed, advice: framework.advice)
        let pieces = ScoreJSON.ActionPieces(frameworks: [framework, other])
        var result = ScoreRenderingTests.result
        let own = result.actions[0]
        let variants = [
            own,
            ImprovementAction(criterion: own.criterion, section: "A", rating: own.rating, gain: 1, text: own.text),
            ImprovementAction(criterion: own.criterion, section: own.section, rating: "x", gain: 2, text: "Other."),
            ImprovementAction(criterion: "Z9", section: own.section, rating: own.rating, gain: 3, text: own.text),
            ImprovementAction(
                criterion: own.criterion, section: own.section, rating: "bad \"one\"", gain: -0.005,
                text: renamed[1].criteria[0].action),
            ImprovementAction(
                criterion: own.criterion, section: own.section, rating: own.rating, gain: .infinity,
                text: String(own.text.reversed().reversed())),
        ]
        // Only the frameworks' own actions are written from pieces: the first and the last
        // (version 1's text, the last stored apart) and the fifth (version 2's).
        var scratch = JSONWriter()
        #expect(variants.map { pieces.write($0, to: &scratch) } == [true, false, false, false, true, true])
        result.actions = variants
        let (cut, full) = bothWays(result, ScoreJSON.Writer(frameworks: [framework, other]))
        #expect(cut == full)
        #expect(full.contains(#""text":"Quantify \"all\" provision,\nhours and who."}"#))
    }
}
