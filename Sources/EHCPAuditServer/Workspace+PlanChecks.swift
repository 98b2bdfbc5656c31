import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// "Check a plan": a plan document uploaded, read in memory, checked, and its findings
/// shown (docs/plan-checks.md). The document is never stored or logged.
extension Workspace {
    /// `GET /check`: the upload form.
    @Sendable func checkPlanPage(_ request: Request, context: SignedInContext) async throws -> Response {
        context.page("Check a plan", PlanCheckPage(csrf: context.session.csrf).form())
    }

    /// `POST /check` (multipart): the findings, or the form again with what is wrong.
    @Sendable func checkPlan(_ request: Request, context: SignedInContext) async throws -> Response {
        let page = PlanCheckPage(csrf: context.session.csrf, form: context.form)
        guard let document = context.form.files["document"] else {
            return context.page(
                "Check a plan", page.form(problem: "Choose a plan document to check"), status: .unprocessableContent)
        }
        guard let options = page.options else {
            return context.page(
                "Check a plan", page.form(problem: "Enter the plan date as YYYY-MM-DD, for example 2025-06-20"),
                status: .unprocessableContent)
        }
        let framework = try await storeWork.run { [store, frameworks, now] in
            try frameworks.current(store, now: now())
        }
        guard let framework else { throw PageError(.notFound, "No framework is stored yet") }
        let checker = try planCheckers.checker(for: framework)
        let checked: CheckedPlan
        do {
            checked = try await storeWork.run {
                try checker.check(
                    bytes: document.bytes, fileName: document.fileName, status: options.status,
                    planDate: options.planDate)
            }
        } catch let error as PlanDocumentError {
            return context.page("Check a plan", page.form(problem: error.message), status: .unprocessableContent)
        }
        let blocks = PlanCheckLayout.blocks([checked], framework: framework, rules: checker.rules)
        return context.page("Plan checks", page.result(blocks))
    }
}
