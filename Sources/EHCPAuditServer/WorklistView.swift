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
    /// The lead's filter of the sample's plans.
    var filter = Filter()

    /// Which of the month's plans the lead sees: all or only those not yet assigned, of one
    /// stratum, of one auditor.
    struct Filter: Sendable {
        var unassigned = false
        var stratum: String?
        var auditor: String?

        func keeps(_ item: AuditStore.WorkItem) -> Bool {
            (!unassigned || item.auditor == nil) && (stratum.map { $0 == item.stratum } ?? true)
                && (auditor.map { $0 == item.auditor } ?? true)
        }
    }

    func render() throws -> HTML {
        switch user.role {
        case .lead: return try monthChooser() + search() + sample() + moderations(try store.moderationAssignments())
        case .auditor:
            return try monthChooser() + search() + sample()
                + moderations(try store.moderationAssignments(for: user.name))
        case .dco, .dsco: return try advices()
        case .admin: return "<p>Users are managed from the command line (ehcp-audit user).</p>"
        case .caseworker:
            return """
                <p>Check a plan before it is issued: the plan checks list vague or unquantified provision, \
                outcomes with no time frame, a school named in a draft and the like, each with what to do.</p>\
                <p><a href="\(Link.checkPlan)" class="button">Check a plan</a></p>
                """
        }
    }

    private func monthChooser() -> HTML {
        """
        <form method="get" action="/" class="inline"><label for="f-month">Month (YYYY-MM)</label>\
        <input id="f-month" name="month" value="\(month)" inputmode="numeric" pattern="[0-9]{4}-[0-9]{2}">\
        <button type="submit" class="secondary">Show the month</button></form>
        """
    }

    /// Find a plan or an audit by its reference.
    private func search() -> HTML {
        """
        <form method="get" action="/find" class="inline" role="search"><label for="f-find">Find a plan or an \
        audit</label><input id="f-find" name="q" aria-describedby="f-find-hint"><span class="hint" id="f-find-hint"> \
        its reference, for example P0001234 or AUD-2025-06-0001</span> \
        <button type="submit" class="secondary">Find</button></form>
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
        // The row's action second, so that it comes first after the plan on a phone.
        let rows = items.map { item -> [HTML] in
            [
                "\(item.planId)",
                item.auditId.map(auditLink)
                    ?? Page.link(Link("audits", "new", query: ["plan": item.planId]), "Start the audit"),
                "\(Words.stratum(item.stratum))", "\(item.progress.rawValue.capitalized)",
            ]
        }
        return Page.table("Plans assigned to you", ["Plan", "Audit", "Stratum", "Progress"], rows, stacked: true)
    }

    /// The month's plans to share out: each row a plan to select with its auditor so far, and
    /// below them (always in reach) the selected plans assigned to one auditor, or shared
    /// among several in turn. One list of auditors for the page, not one a row, keeps the
    /// page short at 650 plans.
    private func assignmentForm(_ all: [AuditStore.WorkItem]) throws -> HTML {
        let auditors = try store.users().filter { AccessPolicy($0).mayAudit }.map(\.name)
        let items = all.filter(filter.keeps)
        let rows = items.map { item -> [HTML] in
            let id = Page.fieldId("select.\(item.planId)")
            let pick: HTML = """
                <input type="checkbox" id="\(id)" name="select" value="\(item.planId)"> \
                <label for="\(id)"><span class="visually-hidden">Select plan </span>\(item.planId)</label>
                """
            return [
                pick, "\(Words.stratum(item.stratum))", "\(item.auditor ?? "Nobody yet")",
                "\(item.progress.rawValue.capitalized)", item.auditId.map(auditLink) ?? .empty,
            ]
        }
        let strata = Set(all.map(\.stratum)).sorted()
        func option(_ value: String, _ words: String, _ chosen: String?) -> HTML {
            "<option value=\"\(value)\"\(chosen == value ? " selected" : "")>\(words)</option>"
        }
        let shares = auditors.enumerated().map { i, name -> HTML in
            "<label for=\"f-share-\(i)\"><input type=\"checkbox\" id=\"f-share-\(i)\" name=\"share\" value=\"\(name)\"> \(name)</label>"
        }
        let show = filter.unassigned ? "unassigned" : "all"
        return """
            <form method="get" action="/" class="filters"><input type="hidden" name="month" value="\(month)">\
            <div class="field"><label for="f-show">Show</label><select id="f-show" name="show">\
            \(option("all", "Every plan", show))\(option("unassigned", "Plans nobody is assigned yet", show))</select></div>\
            <div class="field"><label for="f-stratum">Stratum</label><select id="f-stratum" name="stratum">\
            \(option("", "Every stratum", filter.stratum ?? ""))\(strata.map { option($0, Words.stratum($0), filter.stratum) })\
            </select></div>\
            <div class="field"><label for="f-auditor">Auditor</label><select id="f-auditor" name="auditor">\
            \(option("", "Every auditor", filter.auditor ?? ""))\(auditors.map { option($0, $0, filter.auditor) })\
            </select></div><div class="buttons"><button type="submit" class="secondary">Filter</button></div></form>
            <p>Showing \(items.count) of the \(all.count) plans sampled.</p>
            <form method="post" action="\(Link("sample", month.description, "assign"))">
            <input type="hidden" name="csrf" value="\(csrf)">
            \(Page.table("The month's sampled plans", ["Plan", "Stratum", "Auditor", "Progress", "Audit"], rows, stacked: true))
            <div class="sticky-actions">
            <div class="field"><label for="f-to">Assign the selected plans to</label><select id="f-to" name="to">\
            \(auditors.map { option($0, $0, nil) })\(option("", "Nobody (take them back)", nil))</select> \
            <button type="submit" name="action" value="assign">Assign the selected plans</button></div>
            <details><summary>Or share the selected plans among several auditors in turn</summary>\
            <fieldset class="share"><legend class="visually-hidden">Auditors to share among</legend>\
            <div class="checkboxes">\(shares)</div>\
            <button type="submit" name="action" value="share" class="secondary">Share the selected plans</button>\
            </fieldset></details>
            </div>
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
            + Page.table(caption, ["Plan", "Audit moderated", "Moderator", "Moderation"], rows, stacked: true)
    }

    /// A designated officer's agency's advice: awaiting review, then the latest reviewed.
    private func advices() throws -> HTML {
        guard let agency = user.agency else {
            return "<p>Your account has no agency, so there is no advice to review; ask the lead to set one.</p>"
        }
        let header = ["Plan", "Review", "Audit", "Advice", "Provider", "What came back", "Grade"]
        func rows(_ list: [AuditStore.AdviceListing]) -> [[HTML]] {
            list.map { advice in
                [
                    "\(advice.planId)",
                    Page.link(
                        Link("audits", advice.auditId, "advice", advice.adviceId),
                        advice.reviewer.map { "Reviewed by \($0)" } ?? "Review \(advice.adviceId)"),
                    auditLink(advice.auditId), "\(advice.adviceId)", "\(advice.provider ?? "Not given")",
                    "\(Words.value(advice.status))", "\(advice.grade.map(Words.grade) ?? "not scored")",
                ]
            }
        }
        let waiting = try store.advices(of: agency, reviewed: false)
        let done = try store.advices(of: agency, reviewed: true, limit: 20)
        var html: HTML = "<h2>\(agency.rawValue.capitalized) advice awaiting your review</h2>"
        html +=
            waiting.isEmpty
            ? "<p>None: every advice is reviewed.</p>"
            : Page.table("Awaiting review", header, rows(waiting), stacked: true)
        if !done.isEmpty {
            html += "<h2>Reviewed recently</h2>" + Page.table("Reviewed recently", header, rows(done), stacked: true)
        }
        return html
    }

    private func auditLink(_ id: String) -> HTML { Page.link(.audit(id), id) }
}
