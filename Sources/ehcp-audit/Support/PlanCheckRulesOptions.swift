import ArgumentParser
import EHCPAuditKit
import Foundation

/// Loading the plan-check rules for a report that sets them against auditors' ratings.
enum PlanCheckRulesOptions {
    /// Which criteria each check informs; none (and a note) when the rules file is missing,
    /// the command failing when it is invalid.
    static func informs(rules: String, criteria: String) throws -> [PlanCheckKind: Set<String>] {
        guard FileManager.default.fileExists(atPath: rules) else {
            StandardError.line("\(rules): no plan-check rules, so the plan checks are not set against the auditors.")
            return [:]
        }
        let framework = try Inputs.frameworks([criteria]).frameworks[0]
        do {
            return try PlanCheckRulesLoader.load(path: rules, framework: framework).informedCriteria
        } catch {
            StandardError.report(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
