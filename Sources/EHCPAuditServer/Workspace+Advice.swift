import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// Designated officers' reviews of advice: `GET` and `POST /audits/{id}/advice/{adviceId}`.
/// A review that changes the advice stores a new version of the audit (the earlier kept,
/// as any change is); every review is recorded with who made it.
extension Workspace {
    @Sendable func adviceReviewPage(_ request: Request, context: SignedInContext) async throws -> Response {
        try await adviceReview(request, context, submitted: nil)
    }

    @Sendable func reviewAdvice(_ request: Request, context: SignedInContext) async throws -> Response {
        try await adviceReview(request, context, submitted: context.form)
    }

    /// The review page, or (with `submitted` fields) the review checked and stored.
    private func adviceReview(
        _ request: Request, _ context: SignedInContext, submitted: FormFields?
    ) async throws -> Response {
        let auditId = try context.pathValue("id"), adviceId = try context.pathValue("advice")
        let banner = Banner.html(request.uri.queryParameters["done"])
        let access = context.access, user = context.user, csrf = context.session.csrf
        let now = now()
        return try await withStore(writing: submitted != nil) { store -> Response in
            let record = try Self.record(store, auditId)
            guard let number = record.advices.firstIndex(where: { $0.id == adviceId }) else {
                throw PageError(.notFound, "Audit \(auditId) has no advice \(adviceId)")
            }
            let advice = record.advices[number]
            guard access.mayReview(advice) else { throw PageError.notAllowed }
            let catalog = try frameworks.catalog(store)
            guard let framework = catalog.framework(record.framework) else {
                throw PageError(.serviceUnavailable, "The audit's framework is not stored")
            }
            let version = Self.version(of: record)
            var fields = FormFields(AuditForm.fields(for: record).pairs + [("version", version)])
            var problems: [AuditForm.Problem] = []
            if let submitted, let seen = submitted["version"], seen != version {
                problems = [
                    AuditForm.Problem(
                        field: nil,
                        message:
                            "Someone else changed this audit after you opened it: your review was not saved; see theirs below"
                    )
                ]
            } else if let submitted {
                fields = Self.merge(review: submitted, of: number, into: fields)
                problems = try Self.review(
                    record, fields, framework, catalog, adviceId: advice.id, by: user, store, now)
                if problems.isEmpty {
                    // A designated officer goes on to the next advice awaiting review.
                    let done = Banner.reviewed.rawValue
                    if let agency = access.adviceAgency, let next = try store.advices(of: agency, reviewed: false).first
                    {
                        return .redirect(
                            to: Link("audits", next.auditId, "advice", next.adviceId, query: ["done": done]))
                    }
                    return .redirect(to: Link("audits", record.auditId, query: ["done": done]))
                }
            }
            let action = Link("audits", record.auditId, "advice", advice.id)
            let page = AdviceReviewPage(
                form: AuditFormPage(
                    framework: framework, fields: fields, problems: problems, csrf: csrf, action: action,
                    previewAction: action),
                number: number, advice: advice, review: try store.adviceReview(auditId: auditId, adviceId: adviceId))
            return context.page(
                "Review advice \(advice.id) of \(record.auditId)", banner + page.render(),
                status: problems.isEmpty ? .ok : .unprocessableContent)
        }
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
    private static func review(
        _ record: AuditRecord, _ fields: FormFields, _ framework: Framework, _ catalog: FrameworkCatalog,
        adviceId: String, by user: AuditStore.User, _ store: AuditStore, _ now: Date
    ) throws -> [AuditForm.Problem] {
        let form = AuditForm(
            fields: AuditForm.withNotApplicableFilledIn(fields, framework: framework), framework: framework,
            auditor: record.auditor, assignedId: record.auditId,
            status: record.status)
        let problems = form.evaluate(with: catalog).problems
        guard problems.isEmpty else { return problems }
        let summary = try AuditImport(into: store, at: Security.timestamp(now), replace: true).run(
            JSONRecordSource(bytes: Array(form.json.utf8), name: "form"), scoringWith: catalog)
        guard summary.committed else { return [AuditForm.Problem(field: nil, message: "The review was not stored")] }
        try store.recordAdviceReview(
            auditId: record.auditId, adviceId: adviceId, by: user.name, at: Security.timestamp(now))
        return []
    }
}
