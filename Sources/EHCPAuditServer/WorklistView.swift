import EHCPAuditKit
import Foundation

/// The month's sample on the worklist: for the lead, every sampled plan with its auditor
/// (to assign) and progress, against the 5% target; for an auditor, the plans assigned to
/// them, each with a link to start or open its audit.
struct WorklistView {
    let store: AuditStore
    let user: AuditStore.User
    let csrf: String
    let month: YearMonth

    func render() throws -> String {
        let items = try store.worklist(for: month)
        let progress = try store.progress(for: ReportPeriod(month: month)).months.first
        var html = "<h2>The sample for \(Page.escape(month.description))</h2>"
        if let progress, let target = progress.target {
            let percent = progress.percentOfTarget.map { " (\(Formatting.fixed2($0))% of the target)" } ?? ""
            html +=
                "<p>\(progress.completed) of \(target) audits completed\(percent); \(items.count) plans sampled.</p>"
        }
        switch user.role {
        case .lead: html += try assignmentForm(items)
        case .auditor: html += mine(items.filter { $0.auditor == user.name })
        default: break
        }
        return html
    }

    private func mine(_ items: [AuditStore.WorkItem]) -> String {
        guard !items.isEmpty else { return "<p>No plans of this sample are assigned to you.</p>" }
        let rows = items.map { item -> String in
            let link =
                item.auditId.map { "<a href=\"/audits/\(Page.escape($0))\">\(Page.escape($0))</a>" }
                ?? "<a href=\"/audits/new?plan=\(Page.escape(item.planId))\">Start the audit</a>"
            return """
                <tr><th scope="row">\(Page.escape(item.planId))</th><td>\(Page.escape(item.stratum))</td>\
                <td>\(item.progress.rawValue)</td><td>\(link)</td></tr>
                """
        }
        return table("Plans assigned to you", ["Plan", "Stratum", "Progress", "Audit"], rows)
    }

    private func assignmentForm(_ items: [AuditStore.WorkItem]) throws -> String {
        let auditors = try store.users().filter { !$0.disabled && [.auditor, .lead].contains($0.role) }.map(\.name)
        let rows = items.map { item -> String in
            let id = Page.fieldId("plan.\(item.planId)")
            let options = ([""] + auditors).map { name -> String in
                let selected = item.auditor == name ? " selected" : ""
                let text = name.isEmpty ? "–" : Page.escape(name)
                return "<option value=\"\(Page.escape(name))\"\(selected)>\(text)</option>"
            }
            let audit = item.auditId.map { "<a href=\"/audits/\(Page.escape($0))\">\(Page.escape($0))</a>" } ?? ""
            return """
                <tr><th scope="row">\(Page.escape(item.planId))</th><td>\(Page.escape(item.stratum))</td><td>\
                <label class="visually-hidden" for="\(id)">Auditor for \(Page.escape(item.planId))</label>\
                <select id="\(id)" name="plan.\(Page.escape(item.planId))">\(options.joined())</select></td>\
                <td>\(item.progress.rawValue)</td><td>\(audit)</td></tr>
                """
        }
        return """
            <form method="post" action="/sample/\(month)/assign">
            <input type="hidden" name="csrf" value="\(Page.escape(csrf))">
            \(table("The month's sampled plans", ["Plan", "Stratum", "Auditor", "Progress", "Audit"], rows))
            <div class="buttons"><button type="submit">Save the assignments</button></div>
            </form>
            """
    }

    private func table(_ caption: String, _ header: [String], _ rows: [String]) -> String {
        let head = header.map { "<th scope=\"col\">\(Page.escape($0))</th>" }.joined()
        return """
            <div class="table" role="region" aria-label="\(Page.escape(caption))" tabindex="0"><table>\
            <caption>\(Page.escape(caption))</caption><thead><tr>\(head)</tr></thead><tbody>\(rows.joined())</tbody>\
            </table></div>
            """
    }
}
