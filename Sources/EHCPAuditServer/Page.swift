import EHCPAuditKit
import Foundation

/// The workspace's HTML: one layout, built from ``HTML`` so that every text is escaped, no
/// inline script or style (the Content-Security-Policy allows only the server's own files).
enum Page {
    /// A whole page. `user` and `csrf` give the navigation and the sign-out form; every page's
    /// footer links to the accessibility statement and the privacy notice.
    static func render(title: String, user: AuditStore.User?, csrf: String?, body: HTML) -> HTML {
        var navigation = HTML.empty
        if let user, let csrf {
            let access = AccessPolicy(user)
            var links = [(Link.home, "Worklist")]
            if access.mayAudit { links.append((Link("audits", "new"), "New audit")) }
            if access.mayCheckPlans { links.append((Link.checkPlan, "Check a plan")) }
            links.append((Link("reports", "monthly"), "Reports"))
            navigation = """
                <nav aria-label="Workspace"><ul>\
                \(links.map { link, text -> HTML in "<li><a href=\"\(link)\">\(text)</a></li>" })\
                </ul><form method="post" action="/logout"><input type="hidden" name="csrf" value="\(csrf)">\
                <button type="submit">Sign out \(user.name)</button></form></nav>
                """
        }
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) – ehcp-audit</title>
            <link rel="stylesheet" href="/static/app.css">
            <script src="/static/preview.js" defer></script>
            </head>
            <body>
            <a href="#main" class="skip-link">Skip to main content</a>
            <header><p class="brand">ehcp-audit</p>\(navigation)</header>
            <main id="main">
            <h1>\(title)</h1>
            \(body)
            </main>
            <footer><ul><li><a href="/accessibility">Accessibility statement</a></li>\
            <li><a href="/privacy">Privacy notice</a></li></ul></footer>
            </body>
            </html>

            """
    }

    /// An error summary linking to each field, as GOV.UK forms do.
    static func errorSummary(_ problems: [AuditForm.Problem]) -> HTML {
        guard !problems.isEmpty else { return .empty }
        let items = problems.map { problem -> HTML in
            guard let field = problem.field else { return "<li>\(problem.message)</li>" }
            return "<li><a href=\"#\(fieldId(field))\">\(problem.message)</a></li>"
        }
        return """
            <div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>There is a problem</h2>\
            <ul>\(items)</ul></div>
            """
    }

    /// A table in a scrollable region: the first cell of each row is its header. A `stacked`
    /// table shows each row as a card on a phone, every cell under its column's name, so a
    /// row's action is never off the screen.
    static func table(_ caption: String, _ header: [String], _ rows: [[HTML]], stacked: Bool = false) -> HTML {
        let head = header.map { text -> HTML in "<th scope=\"col\">\(text)</th>" }
        let body = rows.map { cells -> HTML in
            let row = cells.enumerated().map { i, cell -> HTML in
                // A stacked cell's content is one grid item beside its column's name.
                let label: HTML = stacked && i < header.count ? " data-label=\"\(header[i])\"" : ""
                let content: HTML = stacked ? "<span>\(cell)</span>" : cell
                return i == 0 ? "<th scope=\"row\"\(label)>\(content)</th>" : "<td\(label)>\(content)</td>"
            }
            return "<tr>\(row)</tr>"
        }
        let kind: HTML = stacked ? " class=\"stacked\"" : ""
        return """
            <div class="table" role="region" aria-label="\(caption)" tabindex="0"><table\(kind)>\
            <caption>\(caption)</caption><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table></div>
            """
    }

    /// A link with its text.
    static func link(_ link: Link, _ text: String) -> HTML { "<a href=\"\(link)\">\(text)</a>" }

    /// The HTML id of a form field: its name with every character but letters, digits and
    /// hyphens turned to a hyphen.
    static func fieldId(_ name: String) -> String {
        "f-" + name.map { $0.isLetter || $0.isNumber || $0 == "-" ? String($0) : "-" }.joined()
    }
}
