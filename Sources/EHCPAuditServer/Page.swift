import EHCPAuditKit
import Foundation

/// The workspace's HTML: one layout, every text escaped where it is written, no inline
/// script or style (the Content-Security-Policy allows only the server's own files).
enum Page {
    /// Escapes text for HTML element content and attribute values.
    static func escape(_ text: String) -> String { HTMLRenderer.escape(text) }

    /// A whole page. `user` and `csrf` give the navigation and the sign-out form.
    static func render(title: String, user: AuditStore.User?, csrf: String?, body: String) -> String {
        var navigation = ""
        if let user, let csrf {
            var links = [("/", "Worklist")]
            if user.role == .auditor || user.role == .lead { links.append(("/audits/new", "New audit")) }
            links.append(("/reports/monthly", "Reports"))
            navigation = """
                <nav aria-label="Workspace"><ul>\
                \(links.map { "<li><a href=\"\($0.0)\">\(escape($0.1))</a></li>" }.joined())\
                </ul><form method="post" action="/logout"><input type="hidden" name="csrf" value="\(escape(csrf))">\
                <button type="submit">Sign out \(escape(user.name))</button></form></nav>
                """
        }
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) – ehcp-audit</title>
            <link rel="stylesheet" href="/static/app.css">
            <script src="/static/preview.js" defer></script>
            </head>
            <body>
            <header><p class="brand">ehcp-audit</p>\(navigation)</header>
            <main id="main">
            <h1>\(escape(title))</h1>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// An error summary linking to each field, as GOV.UK forms do.
    static func errorSummary(_ problems: [AuditForm.Problem]) -> String {
        guard !problems.isEmpty else { return "" }
        let items = problems.map { problem in
            let text = escape(problem.message)
            return problem.field.map { "<li><a href=\"#\(fieldId($0))\">\(text)</a></li>" } ?? "<li>\(text)</li>"
        }
        return """
            <div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>There is a problem</h2>\
            <ul>\(items.joined())</ul></div>
            """
    }

    /// A table in a scrollable region: `rows` are cells of HTML (already escaped), the
    /// first of each a row header.
    static func table(_ caption: String, _ header: [String], _ rows: [[String]]) -> String {
        let head = header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined()
        let body = rows.map { cells in
            "<tr>" + cells.enumerated().map { $0 == 0 ? "<th scope=\"row\">\($1)</th>" : "<td>\($1)</td>" }.joined()
                + "</tr>"
        }.joined()
        return """
            <div class="table" role="region" aria-label="\(escape(caption))" tabindex="0"><table>\
            <caption>\(escape(caption))</caption><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table></div>
            """
    }

    /// The HTML id of a form field: its name with dots turned to hyphens.
    static func fieldId(_ name: String) -> String {
        "f-" + name.map { $0.isLetter || $0.isNumber || $0 == "-" ? String($0) : "-" }.joined()
    }
}
