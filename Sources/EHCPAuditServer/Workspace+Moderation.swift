import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// Moderation: the lead asks a second auditor for an independent audit, and each sees the
/// two side by side only as the blinding rule allows (``AccessPolicy/mayCompare(_:with:askedModerator:)``).
extension Workspace {
    /// `POST /audits/{id}/moderator`, field `moderator`: the lead asks for a second audit.
    @Sendable func askModerator(_ request: Request, context: SignedInContext) async throws -> Response {
        let auditId = try context.pathValue("id")
        let moderator = context.form.text("moderator")
        let lead = context.user.name
        let time = Security.timestamp(now())
        try await withStore(writing: true) { store in
            let record = try Self.record(store, auditId)
            guard let moderator, let user = try store.user(named: moderator), AccessPolicy(user).mayModerate(record)
            else {
                throw PageError(
                    .unprocessableContent, "Choose an auditor or a lead who did not make the audit to moderate it")
            }
            do {
                try store.assignModeration(of: auditId, to: moderator, by: lead, at: time)
            } catch let error as StoreError {
                throw PageError(.unprocessableContent, error.description)
            }
        }
        return .redirect(to: Link("audits", auditId, query: ["done": Banner.moderator.rawValue]))
    }

    /// Why `record`, a moderation, may not be stored by `access`'s user, or nil when it may:
    /// a moderation is made by the moderator the lead asked (or a lead), once per audit, so
    /// that nobody moderates unasked, and nobody who has seen the audit side by side makes
    /// another to replace theirs.
    static func moderationProblem(_ store: AuditStore, _ record: AuditRecord, by access: AccessPolicy) throws -> String?
    {
        guard record.kind == .moderation, let moderated = record.moderates else { return nil }
        if !access.mayLead, try store.moderator(of: moderated) != record.auditor {
            return
                "the lead has not asked \(record.auditor) to moderate audit \(moderated), so it cannot be moderated here"
        }
        let others = try store.moderations(of: moderated, by: record.auditor).filter { $0 != record.auditId }
        if let other = others.first {
            return """
                \(record.auditor) has already moderated audit \(moderated) (in \(other)): an audit is moderated once by \
                each moderator; change that moderation instead
                """
        }
        return nil
    }

    /// Below an audit: for a moderation, the audit it moderates side by side once the blinding
    /// rule allows (nothing of it before); for the lead on a final audit, who is to moderate it.
    static func moderationPart(
        _ store: AuditStore, _ record: AuditRecord, catalog: FrameworkCatalog, access: AccessPolicy, csrf: String
    ) throws -> HTML {
        if record.kind == .moderation, let moderated = record.moderates {
            guard access.mayRead(record) else { return .empty }
            let first = try storedRecord(store, moderated)
            guard let first, access.mayCompare(record, with: first, askedModerator: try store.moderator(of: moderated))
            else {
                return """
                    <p>The audit this one moderates is shown beside it only once both are final, and only to the lead \
                    and the moderator the lead asked, so that the two stay independent.</p>
                    """
            }
            guard let framework = catalog.framework(record.framework), let firstResult = try? catalog.score(first),
                let result = try? catalog.score(record)
            else { return .empty }
            return ModerationComparisonView(
                first: (first, firstResult), second: (record, result), framework: framework
            ).render()
        }
        guard access.mayLead, record.isCounted else { return .empty }
        let current = try store.moderator(of: record.auditId)
        let names = try store.users().filter { AccessPolicy($0).mayModerate(record) }.map(\.name)
        let options = names.map { name -> HTML in
            "<option value=\"\(name)\"\(name == current ? " selected" : "")>\(name)</option>"
        }
        let now = current.map { name -> HTML in "<p>\(name) is asked to moderate it.</p>" } ?? .empty
        return """
            <h2>Moderation</h2>\(now)
            <form method="post" action="\(Link("audits", record.auditId, "moderator"))">
            <input type="hidden" name="csrf" value="\(csrf)">
            <div class="field"><label for="f-moderator">Ask for a second, independent audit by</label>\
            <select id="f-moderator" name="moderator">\(options)</select></div>
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

    func render() -> HTML {
        let firstRatings = Dictionary(
            first.record.judgements.map { ($0.criterion, $0.rating) }, uniquingKeysWith: { a, _ in a })
        let differs: HTML = "<strong class=\"differs\">differs</strong>"
        var agreed = 0
        var compared = 0
        let rows = framework.sections.flatMap(\.criteria).map { criterion -> [HTML] in
            let one = firstRatings[criterion.id]
            let two = second.record.judgements.first { $0.criterion == criterion.id }?.rating
            compared += 1
            if one == two { agreed += 1 }
            return [
                "\(criterion.id)", "\(criterion.text)", "\(label(one))", "\(label(two))", one == two ? "same" : differs,
            ]
        }
        let grades: [HTML] = [
            "Grade", .empty, "\(first.result.grade.label), \(Formatting.fixed2(first.result.percent))%",
            "\(second.result.grade.label), \(Formatting.fixed2(second.result.percent))%",
            first.result.grade == second.result.grade ? "same" : differs,
        ]
        return """
            <h2>Beside the audit it moderates</h2>
            <p>This moderation and audit \(first.record.auditId) (by \(first.record.auditor)) agree on \(agreed) of \
            \(compared) criteria.</p>
            \(Page.table(
                "The two audits side by side", ["Criterion", "Text", first.record.auditId, "This moderation", "Agreement"],
                [grades] + rows))
            """
    }

    private func label(_ rating: String?) -> String {
        guard let rating else { return "not judged" }
        if rating == "na" { return "N/A" }
        return framework.rating(rating)?.label ?? rating
    }
}
