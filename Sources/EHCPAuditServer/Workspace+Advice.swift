import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

extension Workspace {
    /// Designated officers' reviews of advice: `GET` and `POST /audits/{id}/advice/{adviceId}`.
    /// A review that changes the advice stores a new version of the audit (the earlier kept,
    /// as any change is); every review is recorded with who made it.
    func addAdviceReviews(_ router: Router<WorkspaceContext>) {
        for method in [HTTPRequest.Method.get, .post] {
            router.on("/audits/:id/advice/:advice", method: method) { request, context in
                guard let user = context.user, let session = context.session else { return Response.redirect("/login") }
                let auditId = context.parameters.get("id") ?? ""
                let adviceId = context.parameters.get("advice") ?? ""
                guard let record = try storedRecord(auditId),
                    let number = record.advices.firstIndex(where: { $0.id == adviceId })
                else { return Response.problem(.notFound, "No such advice", user: user, csrf: session.csrf) }
                let advice = record.advices[number]
                guard Self.mayReview(advice, user) else {
                    return Response.problem(.forbidden, "Not allowed", user: user, csrf: session.csrf)
                }
                let catalog = try store.frameworkCatalog()
                guard let framework = catalog.framework(record.framework) else {
                    return Response.problem(.serviceUnavailable, "The audit's framework is not stored")
                }
                let action = "/audits/\(record.auditId)/advice/\(advice.id)"
                var fields = AuditForm.fields(for: record)
                var problems: [AuditForm.Problem] = []
                if method == .post {
                    guard let submitted = try? await request.form(),
                        Security.same(submitted["csrf"] ?? "", session.csrf)
                    else {
                        return Response.problem(
                            .forbidden, "This form has expired: go back, reload the page and try again")
                    }
                    fields = Self.merge(review: submitted, of: number, into: fields)
                    problems = try review(record, fields, framework, catalog, adviceId: advice.id, by: user)
                    if problems.isEmpty { return Response.redirect("/audits/\(record.auditId)") }
                }
                let page = AdviceReviewPage(
                    form: AuditFormPage(
                        framework: framework, fields: fields, problems: problems, csrf: session.csrf, action: action),
                    number: number, advice: advice, review: try store.adviceReview(auditId: auditId, adviceId: adviceId)
                )
                return .html(
                    Page.render(
                        title: "Review advice \(advice.id) of \(record.auditId)", user: user, csrf: session.csrf,
                        body: page.render()),
                    status: problems.isEmpty ? .ok : .unprocessableContent)
            }
        }
    }

    /// The lead, or the designated officer of the advice's agency.
    static func mayReview(_ advice: Advice, _ user: AuditStore.User) -> Bool {
        user.role == .lead || ([.dco, .dsco].contains(user.role) && user.agency == advice.agency)
    }

    /// The stored audit's fields with the reviewable fields of advice `number` taken from
    /// the review instead.
    static func merge(review: FormFields, of number: Int, into stored: FormFields) -> FormFields {
        let prefix = "advice.\(number)."
        func reviewed(_ name: String) -> Bool {
            name.hasPrefix(prefix) && AdviceReviewPage.reviewable(name.dropFirst(prefix.count))
        }
        return FormFields(stored.pairs.filter { !reviewed($0.name) } + review.pairs.filter { reviewed($0.name) })
    }

    /// Checks the reviewed audit as the form's are checked and, when it passes, stores it
    /// (a no-op when nothing changed) and records the review. Returns the problems.
    private func review(
        _ record: AuditRecord, _ fields: FormFields, _ framework: Framework, _ catalog: FrameworkCatalog,
        adviceId: String, by user: AuditStore.User
    ) throws -> [AuditForm.Problem] {
        let form = AuditForm(
            fields: fields, framework: framework, auditor: record.auditor, assignedId: record.auditId,
            status: record.status)
        let problems = form.evaluate(with: catalog).problems
        guard problems.isEmpty else { return problems }
        let summary = try store.importRecords(
            from: JSONRecordSource(bytes: Array(form.json.utf8), name: "form"), scoringWith: catalog,
            at: Security.timestamp(), replace: true)
        guard summary.committed else { return [AuditForm.Problem(field: nil, message: "The review was not stored")] }
        try store.recordAdviceReview(
            auditId: record.auditId, adviceId: adviceId, by: user.name, at: Security.timestamp())
        return []
    }
}
