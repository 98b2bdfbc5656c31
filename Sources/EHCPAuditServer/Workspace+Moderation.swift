import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

extension Workspace {
    /// The lead asks for a second audit: `POST /audits/{id}/moderator`, field `moderator`.
    func addModeration(_ router: Router<WorkspaceContext>) {
        router.post("/audits/:id/moderator") { request, context in
            guard let user = context.user, let session = context.session else { return Response.redirect("/login") }
            guard user.role == .lead else {
                return Response.problem(.forbidden, "Not allowed", user: user, csrf: session.csrf)
            }
            guard let fields = try? await request.form(), Security.same(fields["csrf"] ?? "", session.csrf) else {
                return Response.problem(.forbidden, "This form has expired: go back, reload the page and try again")
            }
            let auditId = context.parameters.get("id") ?? ""
            guard let moderator = fields.text("moderator"), try store.user(named: moderator)?.mayAudit == true else {
                return Response.problem(
                    .unprocessableContent, "Choose an auditor or a lead to moderate the audit", user: user,
                    csrf: session.csrf)
            }
            do {
                try store.assignModeration(of: auditId, to: moderator, by: user.name, at: Security.timestamp())
            } catch let error as StoreError {
                return Response.problem(.unprocessableContent, error.description, user: user, csrf: session.csrf)
            }
            return Response.redirect("/audits/\(auditId)")
        }
    }

    /// Below an audit: for a moderation, the audit it moderates side by side once this one
    /// is final (nothing of it before); for the lead on a final audit, who is to moderate it.
    func moderationPart(
        _ record: AuditRecord, result: AuditResult, catalog: FrameworkCatalog, user: AuditStore.User, csrf: String
    ) throws
        -> String
    {
        if record.kind == .moderation, let moderated = record.moderates {
            guard record.status == .final else {
                return """
                    <p>The audit this one moderates is shown beside it once this moderation is submitted as final, \
                    so that the two stay independent.</p>
                    """
            }
            guard let first = try storedRecord(moderated), let firstResult = try? catalog.score(first) else {
                return "<p>Audit \(Page.escape(moderated)), which this one moderates, is not in the store.</p>"
            }
            // Another auditor's audit is shown only to the moderator the lead asked, and
            // never while it is a draft.
            let asked = try store.moderator(of: moderated) == record.auditor
            guard first.status == .final, user.role == .lead || asked else {
                return """
                    <p>Audit \(Page.escape(moderated)) is shown beside this one only when it is final and the lead \
                    asked for this moderation.</p>
                    """
            }
            return ModerationComparisonView(
                first: (first, firstResult), second: (record, result),
                framework: catalog.framework(record.framework)!
            ).render()
        }
        guard user.role == .lead, record.status == .final, record.kind != .moderation else { return "" }
        let current = try store.moderator(of: record.auditId)
        let names = try store.users().filter { $0.mayAudit && $0.name != record.auditor }.map(\.name)
        let options = names.map { name in
            "<option value=\"\(Page.escape(name))\"\(name == current ? " selected" : "")>\(Page.escape(name))</option>"
        }
        let now = current.map { "<p>\(Page.escape($0)) is asked to moderate it.</p>" } ?? ""
        return """
            <h2>Moderation</h2>\(now)
            <form method="post" action="/audits/\(Page.escape(record.auditId))/moderator">
            <input type="hidden" name="csrf" value="\(Page.escape(csrf))">
            <div class="field"><label for="f-moderator">Ask for a second, independent audit by</label>\
            <select id="f-moderator" name="moderator">\(options.joined())</select></div>
            <div class="buttons"><button type="submit" class="secondary">Ask for a moderation</button></div>
            </form>
            """
    }
}

/// A moderation and the audit it moderates, criterion by criterion, with each disagreement
/// marked in words (not by colour alone).
struct ModerationComparisonView {
    let first: (record: AuditRecord, result: AuditResult)
    let second: (record: AuditRecord, result: AuditResult)
    let framework: Framework

    func render() -> String {
        let firstRatings = Dictionary(
            first.record.judgements.map { ($0.criterion, $0.rating) }, uniquingKeysWith: { a, _ in a })
        var agreed = 0
        var compared = 0
        let rows = framework.sections.flatMap(\.criteria).map { criterion -> [String] in
            let one = firstRatings[criterion.id]
            let two = second.record.judgements.first { $0.criterion == criterion.id }?.rating
            let differs = one != two
            compared += 1
            if !differs { agreed += 1 }
            return [
                Page.escape(criterion.id), Page.escape(criterion.text), label(one), label(two),
                differs ? "<strong class=\"differs\">differs</strong>" : "same",
            ]
        }
        let grades = [
            "Grade", "", "\(Page.escape(first.result.grade.label)), \(Formatting.fixed2(first.result.percent))%",
            "\(Page.escape(second.result.grade.label)), \(Formatting.fixed2(second.result.percent))%",
            first.result.grade == second.result.grade ? "same" : "<strong class=\"differs\">differs</strong>",
        ]
        return """
            <h2>Beside the audit it moderates</h2>
            <p>This moderation and audit \(Page.escape(first.record.auditId)) (by \
            \(Page.escape(first.record.auditor))) agree on \(agreed) of \(compared) criteria.</p>
            \(Page.table(
                "The two audits side by side", ["Criterion", "Text", first.record.auditId, "This moderation", "Agreement"],
                [grades] + rows))
            """
    }

    private func label(_ rating: String?) -> String {
        guard let rating else { return "not judged" }
        if rating == "na" { return "N/A" }
        return Page.escape(framework.rating(rating)?.label ?? rating)
    }
}
