import EHCPAuditKit
import Foundation

/// The worklist (docs/workspace.md): for the lead, the month's sample to draw and share out,
/// with progress against the 5% target, and the moderations asked for; for an auditor, the
/// plans and moderations given to them; for a designated officer, their agency's advice
/// awaiting review.
struct WorklistView {
    let store: AuditStore
    let user: AuditStore.User
    let csrf: String
    let month: YearMonth

    func render() throws -> HTML {
        switch user.role {
        case .lead: return try monthChooser() + sample() + moderations(try store.moderationAssignments())
        case .auditor:
            return try monthChooser() + sample() + moderations(try store.moderationAssignments(for: user.name))
        case .dco, .dsco: return try advices()
        case .admin: return "<p>Users are managed from the command line (ehcp-audit user).</p>"
        }
    }

    private func monthChooser() -> HTML {
        """
        <form method="get" action="/" class="inline"><label for="f-month">Month (YYYY-MM)</label>\
        <input id="f-month" name="month" value="\(month)" inputmode="numeric" pattern="[0-9]{4}-[0-9]{2}">\
        <button type="submit" class="secondary">Show the month</button></form>
        """
    }

    private func sample() throws -> HTML {
        let items = try store.worklist(for: month)
        let progress = try store.progress(for: ReportPeriod(month: month)).months.first
        var html: HTML = "<h2>The sample for \(month)</h2>"
        guard let progress, let target = progress.target else {
            guard user.role == .lead else { return html + "<p>No sample has been drawn for this month yet.</p>" }
            return html + drawForm()
        }
        let percent = progress.percentOfTarget.map { " (\(Formatting.fixed2($0))% of the target)" } ?? ""
        html += "<p>\(progress.completed) of \(target) audits completed\(percent); \(items.count) plans sampled.</p>"
        if user.role == .lead { return html + (try assignmentForm(items)) }
        return html + mine(items.filter { $0.auditor == user.name })
    }

    private func drawForm() -> HTML {
        """
        <p>No sample has been drawn for this month yet. Draw it from the latest stored population with a \
        seed you publish: anyone with the seed and the population can draw the same plans again.</p>
        <form method="post" action="\(Link("sample", month.description, "draw"))">
        <input type="hidden" name="csrf" value="\(csrf)">
        <div class="field"><label for="f-seed">Seed</label><p class="hint" id="f-seed-hint">Any words, for \
        example the month and the board's meeting date</p><input id="f-seed" name="seed" \
        aria-describedby="f-seed-hint"></div>
        <div class="buttons"><button type="submit">Draw the sample</button></div>
        </form>
        """
    }

    private func mine(_ items: [AuditStore.WorkItem]) -> HTML {
        guard !items.isEmpty else { return "<p>No plans of this sample are assigned to you.</p>" }
        let rows = items.map { item -> [HTML] in
            [
                "\(item.planId)", "\(item.stratum)", "\(item.progress.rawValue)",
                item.auditId.map(auditLink)
                    ?? Page.link(Link("audits", "new", query: ["plan": item.planId]), "Start the audit"),
            ]
        }
        return Page.table("Plans assigned to you", ["Plan", "Stratum", "Progress", "Audit"], rows)
    }

    private func assignmentForm(_ items: [AuditStore.WorkItem]) throws -> HTML {
        let auditors = try store.users().filter { AccessPolicy($0).mayAudit }.map(\.name)
        let rows = items.map { item -> [HTML] in
            let id = Page.fieldId("plan.\(item.planId)")
            let options = ([""] + auditors).map { name -> HTML in
                "<option value=\"\(name)\"\(item.auditor == name ? " selected" : "")>\(name.isEmpty ? "–" : name)</option>"
            }
            let select: HTML = """
                <label class="visually-hidden" for="\(id)">Auditor for \(item.planId)</label>\
                <select id="\(id)" name="plan.\(item.planId)">\(options)</select>
                """
            return [
                "\(item.planId)", "\(item.stratum)", select, "\(item.progress.rawValue)",
                item.auditId.map(auditLink) ?? .empty,
            ]
        }
        return """
            <form method="post" action="\(Link("sample", month.description, "assign"))">
            <input type="hidden" name="csrf" value="\(csrf)">
            \(Page.table("The month's sampled plans", ["Plan", "Stratum", "Auditor", "Progress", "Audit"], rows))
            <div class="buttons"><button type="submit">Save the assignments</button></div>
            </form>
            """
    }

    /// Second audits asked for: the lead sees all, an auditor theirs, each with a link to
    /// start or open the moderation (never to the audit moderated, which stays hidden).
    private func moderations(_ assignments: [AuditStore.ModerationAssignment]) -> HTML {
        guard !assignments.isEmpty else { return .empty }
        let rows = assignments.map { item -> [HTML] in
            let start = Link(
                "audits", "new", query: ["plan": item.planId, "kind": "moderation", "moderates": item.auditId])
            let moderation =
                item.moderationId.map { auditLink($0) + " (\(item.moderationStatus ?? ""))" }
                ?? (item.moderator == user.name ? Page.link(start, "Start the moderation") : "not begun")
            let moderated = user.role == .lead ? auditLink(item.auditId) : "\(item.auditId)"
            return ["\(item.planId)", moderated, "\(item.moderator)", moderation]
        }
        let caption = user.role == .lead ? "Moderations asked for" : "Moderations asked of you"
        return "<h2>Moderation</h2>"
            + Page.table(caption, ["Plan", "Audit moderated", "Moderator", "Moderation"], rows)
    }

    /// A designated officer's agency's advice: awaiting review, then the latest reviewed.
    private func advices() throws -> HTML {
        guard let agency = user.agency else {
            return "<p>Your account has no agency, so there is no advice to review; ask the lead to set one.</p>"
        }
        let header = ["Plan", "Audit", "Advice", "Provider", "What came back", "Grade", "Review"]
        func rows(_ list: [AuditStore.AdviceListing]) -> [[HTML]] {
            list.map { advice in
                [
                    "\(advice.planId)", auditLink(advice.auditId), "\(advice.adviceId)", "\(advice.provider ?? "–")",
                    "\(advice.status)", "\(advice.grade ?? "not scored")",
                    Page.link(
                        Link("audits", advice.auditId, "advice", advice.adviceId),
                        advice.reviewer.map { "Reviewed by \($0)" } ?? "Review"),
                ]
            }
        }
        let waiting = try store.advices(of: agency, reviewed: false)
        let done = try store.advices(of: agency, reviewed: true, limit: 20)
        var html: HTML = "<h2>\(agency.rawValue.capitalized) advice awaiting your review</h2>"
        html +=
            waiting.isEmpty
            ? "<p>None: every advice is reviewed.</p>" : Page.table("Awaiting review", header, rows(waiting))
        if !done.isEmpty { html += "<h2>Reviewed recently</h2>" + Page.table("Reviewed recently", header, rows(done)) }
        return html
    }

    private func auditLink(_ id: String) -> HTML { Page.link(.audit(id), id) }
}
