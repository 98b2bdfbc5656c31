import EHCPAuditKit
import Foundation
import HTTPTypes

/// The plan-check rules the workspace was started with (`serve --rules`), made into a
/// checker for a framework the first time a page needs it.
final class PlanCheckers: @unchecked Sendable {
    /// The rules file's name and text; nil when the workspace has none.
    let rules: (file: String, text: String)?
    private let lock = NSLock()
    private var made: [String: PlanChecker] = [:]

    init(rules: (file: String, text: String)?) {
        self.rules = rules
    }

    /// The checker for `framework`: a page error naming the problems when the rules do not fit it.
    func checker(for framework: Framework) throws -> PlanChecker {
        guard let rules else {
            throw PageError(
                .notFound,
                "Plan checks are not set up here: start the workspace with --rules plan-checks (built in) or a file")
        }
        let key = framework.id + "\u{0}" + framework.version
        if let known = lock.withLock({ made[key] }) { return known }
        do {
            let loaded = try PlanCheckRulesLoader.load(text: rules.text, file: rules.file, framework: framework)
            let checker = PlanChecker(rules: loaded, framework: framework)
            lock.withLock { made[key] = checker }
            return checker
        } catch {
            throw PageError(
                .internalServerError,
                "The plan-check rules do not fit framework \(framework.id): "
                    + error.diagnostics.map(\.description).joined(separator: "; "))
        }
    }
}
