import ArgumentParser
import EHCPAuditKit

/// The plan-check rules whose words a report uses for the checks (`one`, `many`), loaded
/// with the framework they inform, as the `check` command loads them.
struct ReportRulesOptions: ParsableArguments {
    @Option(name: .long, help: "The plan-check rules, for the checks' names.")
    var rules: String = "criteria/plan-checks.yaml"

    @Option(name: .long, help: "The framework the rules inform.")
    var criteria: String = "criteria/ehcp-qa.yaml"

    /// The rules' words for the checks; exits (1) with the problems when a file is unreadable or
    /// invalid.
    func words() throws -> PlanCheckWords {
        let framework = try Inputs.frameworks([criteria]).frameworks[0]
        do {
            return PlanCheckWords(try PlanCheckRulesLoader.load(path: rules, framework: framework))
        } catch {
            StandardError.report(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
