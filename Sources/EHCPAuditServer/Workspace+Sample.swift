import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

extension Workspace {
    /// The lead's part of the month's sample: drawing it with a published seed, and sharing
    /// its plans out among the auditors.
    func addSample(_ router: Router<WorkspaceContext>) {
        router.post("/sample/:month/draw") { request, context in
            try await leadForm(request, context) { fields, user, session, month in
                guard let seed = fields.text("seed") else {
                    return .problem(
                        .unprocessableContent, "Give a seed: anyone with it and the population can draw the same plans",
                        user: user, csrf: session.csrf)
                }
                do {
                    let parameters = try SampleParameters(month: month, seed: seed)
                    let sample = try store.drawSample(parameters, at: Security.timestamp())
                    try store.log(
                        user: user.name, action: "sample.draw",
                        subject: "\(month): seed \(seed), \(sample.selected.count) plans", at: Security.timestamp())
                } catch let error as StoreError {
                    return .problem(.unprocessableContent, error.description, user: user, csrf: session.csrf)
                } catch let error as SampleError {
                    return .problem(.unprocessableContent, error.message, user: user, csrf: session.csrf)
                }
                return .redirect("/?month=\(month)")
            }
        }
        router.post("/sample/:month/assign") { request, context in
            try await leadForm(request, context) { fields, user, session, month in
                let auditors = Set(try store.users().filter(\.mayAudit).map(\.name))
                let assignments = fields.pairs.compactMap { pair -> (planId: String, auditor: String)? in
                    guard pair.name.hasPrefix("plan.") else { return nil }
                    return (String(pair.name.dropFirst(5)), pair.value)
                }
                guard assignments.allSatisfy({ $0.auditor.isEmpty || auditors.contains($0.auditor) }) else {
                    return .problem(
                        .unprocessableContent, "Plans can be assigned only to auditors and leads", user: user,
                        csrf: session.csrf)
                }
                do {
                    try store.assign(assignments, month: month, by: user.name, at: Security.timestamp())
                } catch let error as StoreError {
                    return .problem(.unprocessableContent, error.description, user: user, csrf: session.csrf)
                }
                return .redirect("/?month=\(month)")
            }
        }
    }

    /// A lead's form about a month: signed in, the lead, a real month, a valid CSRF token.
    private func leadForm(
        _ request: Request, _ context: WorkspaceContext,
        _ handle: (FormFields, AuditStore.User, WorkspaceContext.Session, YearMonth) throws -> Response
    ) async throws -> Response {
        guard let user = context.user, let session = context.session else { return .redirect("/login") }
        guard user.role == .lead else { return .problem(.forbidden, "Not allowed", user: user, csrf: session.csrf) }
        guard let month = context.parameters.get("month").flatMap({ YearMonth($0) }) else {
            return .problem(.notFound, "No such month", user: user, csrf: session.csrf)
        }
        guard let fields = try? await request.form(), Security.same(fields["csrf"] ?? "", session.csrf) else {
            return .problem(.forbidden, "This form has expired: go back, reload the page and try again")
        }
        return try handle(fields, user, session, month)
    }
}

extension AuditStore.User {
    /// Auditors and leads make audits, and so may be given plans and moderations.
    var mayAudit: Bool { !disabled && [.auditor, .lead].contains(role) }
}
