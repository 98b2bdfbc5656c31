import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

extension Workspace {
    /// The monthly report in the browser, with its downloads: the lead sees the full
    /// report, everyone else the public version only (docs/workspace.md).
    func addReports(_ router: Router<WorkspaceContext>) {
        router.get("/reports/monthly") { request, context in
            guard let user = context.user, let session = context.session else { return Response.redirect("/login") }
            let query = request.uri.queryParameters
            let latest = try store.status().latestMonth.flatMap { YearMonth($0) }
            guard let month = query["month"].flatMap({ YearMonth($0) }) ?? latest else {
                return Response.problem(.notFound, "No audits yet", user: user, csrf: session.csrf)
            }
            let isPublic = query["public"] == "1" || user.role != .lead
            let report = try store.monthlyReport(for: month, isPublic: isPublic)
            switch query["format"].map(String.init) ?? "html" {
            case "json": return Response.json(MonthlyReportJSON.render(report))
            case "csv":
                return Response(
                    status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: MonthlyReportCSV.render(report))))
            default:
                let suffix = isPublic ? "&public=1" : ""
                let publicLink = "/reports/monthly?month=\(month)&public=1"
                let other =
                    user.role == .lead && !isPublic ? ", or see <a href=\"\(publicLink)\">the public version</a>" : ""
                let links = """
                    <p>Download: <a href="/reports/monthly?month=\(month)&format=json\(suffix)">JSON</a>, \
                    <a href="/reports/monthly?month=\(month)&format=csv\(suffix)">CSV</a>\(other).</p>
                    """
                return .html(
                    Page.render(
                        title: "Monthly report", user: user, csrf: session.csrf,
                        body: links + ReportBody.html(MonthlyLayout.blocks(report))))
            }
        }
    }
}

/// A report's blocks as part of a workspace page: the report's own HTML body, with its
/// title demoted under the page's heading.
enum ReportBody {
    static func html(_ blocks: [Block]) -> String {
        let document = HTMLRenderer.render(
            blocks.map { block in
                if case .title(let text) = block { return .heading(text) }
                return block
            })
        guard let start = document.range(of: "<main>"), let end = document.range(of: "</main>") else { return "" }
        return String(document[start.upperBound..<end.lowerBound])
    }
}
