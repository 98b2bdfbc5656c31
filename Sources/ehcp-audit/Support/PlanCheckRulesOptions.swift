import ArgumentParser
import EHCPAuditKit
import Foundation

/// `--rules` and `--criteria`: the plan-check rules and the framework they inform, loaded
/// together, for `check` and for the reports that name or weigh the checks.
struct PlanCheckRulesOptions: ParsableArguments {
    @Option(name: .long, help: "The plan-check rules.")
    var rules: String = "criteria/plan-checks.yaml"

    @Option(name: .long, help: "The framework the rules inform.")
    var criteria: String = "criteria/ehcp-qa.yaml"

    /// The rules and their framework; exits (1) with the problems when a file is unreadable
    /// or invalid.
    func load() throws -> (rules: PlanCheckRules, framework: Framework) {
        let framework = try Inputs.frameworks([criteria]).frameworks[0]
        do {
            return (try PlanCheckRulesLoader.load(path: rules, framework: framework), framework)
        } catch {
            StandardError.report(error.diagnostics)
            throw ExitCode.failure
        }
    }

    /// The rules' words for the checks (`one`, `many`).
    func words() throws -> PlanCheckWords { PlanCheckWords(try load().rules) }

    /// Which criteria each check informs; none (and a note) when there is no rules file.
    func informs() throws -> [PlanCheckKind: Set<String>] {
        guard FileManager.default.fileExists(atPath: rules) else {
            StandardError.line("\(rules): no plan-check rules, so the plan checks are not set against the auditors.")
            return [:]
        }
        return try load().rules.informedCriteria
    }
}
