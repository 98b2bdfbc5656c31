import EHCPAudit
import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditFormats

/// The rules file is validated like a framework: each problem with its file and line.
struct PlanCheckRulesLoaderTests {
    static let shipped = try! String(contentsOfFile: Project.path("criteria/plan-checks.yaml"), encoding: .utf8)

    func diagnostics(_ text: String) -> [String] {
        do {
            _ = try PlanCheckRulesLoader.load(text: text, file: "rules.yaml", framework: Project.framework)
            Issue.record("expected the rules to be refused")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The shipped file with `old` replaced by `new`, and the line `old` was on.
    func edited(_ old: String, _ new: String) -> (text: String, line: Int) {
        let range = Self.shipped.range(of: old)!
        let line = Self.shipped[..<range.lowerBound].count { $0 == "\n" } + 1
        return (Self.shipped.replacingCharacters(in: range, with: new), line)
    }

    @Test func theShippedRulesLoadWithTheTwelveChecks() throws {
        let rules = Project.planCheckRules
        #expect(rules.version == "2026.1")
        #expect(rules.checks.map(\.kind) == PlanCheckKind.allCases)
        #expect(rules.check(.vagueWording)?.phrases.count == 33)
        #expect(rules.informedCriteria[.vagueWording] == ["F4", "G1", "H1a", "H2a"])
        #expect(rules.informedCriteria[.templateText] == nil)
    }

    @Test func anUnknownKeyIsRefusedWithItsLine() {
        let (text, line) = edited("    minWords: 12", "    minWords: 12\n    minWrods: 3")
        #expect(
            diagnostics(text) == [
                "rules.yaml:\(line + 1): error: at checks[11].minWrods: unknown field \"minWrods\" (allowed here: id, sections, informs, one, many, message, source, suggest, minWords) for check repeated-text"
            ])
    }

    @Test func aKeyAnotherKindOfCheckUsesIsRefused() {
        let (text, line) = edited("    maxAgeDays: 365", "    maxAgeDays: 365\n    roles: [teacher]")
        #expect(
            diagnostics(text).first?.hasPrefix("rules.yaml:\(line + 1): error: at checks[8].roles: unknown field")
                == true)
    }

    @Test func anEmptyPhraseIsRefused() {
        let (text, line) = edited(#""access to", "opportunities to","#, #""access to", "", "opportunities to","#)
        #expect(diagnostics(text) == ["rules.yaml:\(line): error: at checks[1].phrases[1]: must be a non-empty string"])
    }

    @Test func anUnknownCriterionIsRefusedAtItsLine() {
        let (text, line) = edited("informs: { E: E1 }", "informs: { E: E9 }")
        #expect(
            diagnostics(text) == [
                "rules.yaml:\(line): error: at checks[4].informs.E: criterion E9 is not in framework ehcp-qa"
            ])
    }

    @Test func anUnknownCheckSectionAndRatingAreRefused() {
        #expect(
            diagnostics(edited("- id: template-text", "- id: template-texts").text).first?.contains(
                "\"id\" must be one of missing-section") == true)
        #expect(diagnostics(edited("sections: [K]", "sections: [L]").text).first?.contains("unknown section L") == true)
        #expect(
            diagnostics(edited("{ from: 3, rating: inadequate }", "{ from: 3, rating: awful }").text).first?.contains(
                "rating awful is not on ehcp-qa's scale") == true)
    }

    @Test func rulesForAnotherFrameworkOrWithACheckMissingItsWordsAreRefused() {
        #expect(
            diagnostics(edited("framework: ehcp-qa", "framework: annual-review").text).first?.contains(
                "these rules are for framework annual-review, not ehcp-qa") == true)
        #expect(
            diagnostics(edited("    maxAgeDays: 365\n", "").text).first?.contains("check stale-advice needs maxAgeDays")
                == true)
        let twice = edited("  - id: no-review-date", "  - id: stale-advice")
        #expect(diagnostics(twice.text).contains { $0.contains("check stale-advice is listed twice") })
    }
}
