import ArgumentParser
import EHCPAuditKit
import Foundation

/// `--rules` and `--criteria`: the plan-check rules and the framework they inform, loaded
/// together, for `check` and for the reports that name or weigh the checks.
struct PlanCheckRulesOptions: ParsableArguments {
    @Option(name: .long, help: CriteriaHelp.rules)
    var rules: String = "plan-checks"

    @Option(name: .long, help: CriteriaHelp.framework(" The one the rules inform."))
    var criteria: String = "ehcp-qa"

    /// The rules and their framework, built in or from files; exits (1) with the problems
    /// when a file is unreadable or invalid.
    func load() throws -> (rules: PlanCheckRules, framework: Framework) {
        let framework = try Inputs.frameworks([criteria]).frameworks[0]
        do {
            return (try PlanCheckRulesLoader.load(named: rules, framework: framework), framework)
        } catch {
            StandardError.report(error.diagnostics)
            throw ExitCode.failure
        }
    }

    /// The rules' words for the checks (`one`, `many`).
    func words() throws -> PlanCheckWords { PlanCheckWords(try load().rules) }

    /// Which criteria each check informs; none (and a note) when the rules file named is missing.
    func informs() throws -> [PlanCheckKind: Set<String>] {
        guard !CriteriaSource.isFile(rules) || FileManager.default.fileExists(atPath: rules) else {
            StandardError.line("\(rules): no plan-check rules, so the plan checks are not set against the auditors.")
            return [:]
        }
        return try load().rules.informedCriteria
    }
}
