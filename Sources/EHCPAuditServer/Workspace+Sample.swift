import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// The lead's part of the month's sample: drawing it with a published seed, and sharing
/// its plans out among the auditors.
extension Workspace {
    /// `POST /sample/{month}/draw`, field `seed`.
    @Sendable func drawSample(_ request: Request, context: SignedInContext) async throws -> Response {
        let month = try context.month()
        guard let seed = context.form.text("seed") else {
            throw PageError(
                .unprocessableContent, "Give a seed: anyone with it and the population can draw the same plans")
        }
        let lead = context.user.name, time = Security.timestamp(now())
        try await withStore(writing: true) { store in
            do {
                let sample = try store.drawSample(try SampleParameters(month: month, seed: seed), at: time)
                try store.log(
                    user: lead, action: "sample.draw",
                    subject: "\(month): seed \(seed), \(sample.selected.count) plans",
                    at: time)
            } catch let error as StoreError {
                throw PageError(.unprocessableContent, error.description)
            } catch let error as SampleError {
                throw PageError(.unprocessableContent, error.message)
            }
        }
        return .redirect(to: Link(query: ["month": month.description, "done": Banner.drawn.rawValue]))
    }

    /// `POST /sample/{month}/assign`: fields `plan.<planId>` = auditor name (blank: nobody);
    /// or the plans in fields `select`, with `action=assign` to the auditor in `to`, or with
    /// `action=share` among the auditors in fields `share`, in turn.
    @Sendable func assignSample(_ request: Request, context: SignedInContext) async throws -> Response {
        let month = try context.month()
        let fields = context.form
        var assignments = fields.pairs.compactMap { pair -> (planId: String, auditor: String)? in
            guard pair.name.hasPrefix("plan.") else { return nil }
            return (String(pair.name.dropFirst(5)), pair.value)
        }
        let selected = fields.pairs.filter { $0.name == "select" }.map(\.value)
        switch fields["action"] {
        case "assign":
            // The selected plans to one auditor (blank: nobody).
            guard !selected.isEmpty else {
                throw PageError(.unprocessableContent, "Select the plans to assign, then try again")
            }
            assignments = selected.map { ($0, fields["to"] ?? "") }
        case "share":
            // The selected plans, shared among the chosen auditors in turn.
            let chosen = fields.pairs.filter { $0.name == "share" }.map(\.value)
            guard !selected.isEmpty, !chosen.isEmpty else {
                throw PageError(
                    .unprocessableContent,
                    "Select the plans to share, and the auditors to share them among, then try again")
            }
            assignments = selected.enumerated().map { ($1, chosen[$0 % chosen.count]) }
        default: break
        }
        let lead = context.user.name, time = Security.timestamp(now()), chosen = assignments
        try await withStore(writing: true) { store in
            let auditors = Set(try store.users().filter { AccessPolicy($0).mayAudit }.map(\.name))
            guard chosen.allSatisfy({ $0.auditor.isEmpty || auditors.contains($0.auditor) }) else {
                throw PageError(.unprocessableContent, "Plans can be assigned only to auditors and leads")
            }
            do {
                try store.assign(chosen, month: month, by: lead, at: time)
            } catch let error as StoreError {
                throw PageError(.unprocessableContent, error.description)
            }
        }
        let count = chosen.filter { !$0.auditor.isEmpty }.count
        return .redirect(
            to: Link(query: ["month": month.description, "done": Banner.assigned.rawValue, "count": "\(count)"]))
    }
}

extension SignedInContext {
    /// The `{month}` of the path, or the "no such month" page.
    func month() throws -> YearMonth {
        guard let month = YearMonth(try pathValue("month")) else {
            throw PageError(.notFound, "There is no such month")
        }
        return month
    }
}
