import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

extension Workspace {
    /// The monthly report in the browser, with its downloads: the lead sees the full
    /// report, everyone else the public version only (docs/workspace.md).
    func addReports(_ router: Router<WorkspaceContext>) {
        router.get("/reports/advice") { request, context in
            try reportPage(request, context, roles: [.lead, .dco, .dsco]) { user, session, period, framework in
                // Designated officers see their own agency's advice only.
                let agency = user.role == .lead ? nil : user.agency
                if user.role != .lead && agency == nil {
                    return Response.problem(.forbidden, "No agency is set for you")
                }
                let report = try store.adviceReport(for: period, agency: agency, framework: framework.id)
                return .html(
                    Page.render(
                        title: "Advice report", user: user, csrf: session.csrf,
                        body: ReportBody.html(AdviceLayout.blocks(report))))
            }
        }
        router.get("/reports/learning") { request, context in
            try reportPage(request, context, roles: [.lead]) { user, session, period, framework in
                let by = request.uri.queryParameters["by"].flatMap { LearningReport.Grouping(rawValue: String($0)) }
                let report = try store.learningReport(by: by ?? .auditor, for: period, framework: framework.id)
                return .html(
                    Page.render(
                        title: "Learning packs", user: user, csrf: session.csrf,
                        body: ReportBody.html(LearningLayout.blocks(report))))
            }
        }
        router.get("/reports/moderation") { request, context in
            guard let user = context.user, let session = context.session else { return Response.redirect("/login") }
            guard user.role == .lead else { return Response.problem(.forbidden, "Not allowed") }
            guard let period = try period(request) else {
                return Response.problem(.notFound, "No audits yet", user: user, csrf: session.csrf)
            }
            let report = try store.moderationReport(for: period)
            if request.uri.queryParameters["format"] == "json" {
                return Response.json(ModerationReportJSON.render(report))
            }
            return .html(
                Page.render(
                    title: "Moderation", user: user, csrf: session.csrf,
                    body: ReportBody.html(ModerationLayout.blocks(report))))
        }
        router.get("/reports/monthly") { request, context in
            try reportPage(request, context, roles: nil) { user, session, period, framework in
                let query = request.uri.queryParameters
                let month = period.last
                let isPublic = query["public"] == "1" || user.role != .lead
                let report = try store.monthlyReport(for: month, isPublic: isPublic, framework: framework.id)
                switch query["format"].map(String.init) ?? "html" {
                case "json": return Response.json(MonthlyReportJSON.render(report))
                case "csv":
                    return Response(
                        status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: MonthlyReportCSV.render(report))))
                default:
                    let chosen = framework.id.map { "&framework=\(Page.escape($0))" } ?? ""
                    let suffix = chosen + (isPublic ? "&public=1" : "")
                    let publicLink = "/reports/monthly?month=\(month)\(chosen)&public=1"
                    let other =
                        user.role == .lead && !isPublic
                        ? ", or see <a href=\"\(publicLink)\">the public version</a>" : ""
                    let links = """
                        <p>Download: <a href="/reports/monthly?month=\(month)&format=json\(suffix)">JSON</a>, \
                        <a href="/reports/monthly?month=\(month)&format=csv\(suffix)">CSV</a>\(other).</p>
                        """
                    var others: [(String, String)] = []
                    if [.lead, .dco, .dsco].contains(user.role) {
                        others.append(("/reports/advice?month=\(month)", "Advice"))
                    }
                    if user.role == .lead {
                        others += [
                            ("/reports/learning?month=\(month)", "Learning packs"),
                            ("/reports/moderation?month=\(month)", "Moderation"),
                        ]
                    }
                    let more =
                        others.isEmpty
                        ? ""
                        : "<p>Other reports: "
                            + others.map { "<a href=\"\($0.0)\">\($0.1)</a>" }.joined(separator: ", ")
                            + ".</p>"
                    return .html(
                        Page.render(
                            title: "Monthly report", user: user, csrf: session.csrf,
                            body: links + more + ReportBody.html(MonthlyLayout.blocks(report))))
                }
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

extension Workspace {
    /// A report page's common steps: signed in, one of `roles` (nil: anyone signed in), a
    /// period with audits and a framework the store holds; then `make` answers.
    func reportPage(
        _ request: Request, _ context: WorkspaceContext, roles: [AuditStore.Role]?,
        _ make: (AuditStore.User, WorkspaceContext.Session, ReportPeriod, ReportFramework) throws -> Response
    ) throws -> Response {
        guard let user = context.user, let session = context.session else { return .redirect("/login") }
        guard roles?.contains(user.role) ?? true else { return .problem(.forbidden, "Not allowed") }
        guard let period = try period(request) else {
            return .problem(.notFound, "No audits yet", user: user, csrf: session.csrf)
        }
        guard let framework = try framework(request) else {
            return .problem(.notFound, "No such framework", user: user, csrf: session.csrf)
        }
        return try make(user, session, period, framework)
    }

    /// The framework a report page is about: `framework=ID`, or the most used when none
    /// is asked for (`id` nil).
    struct ReportFramework { var id: String? }

    /// The framework a report page asks for; nil when the store holds no framework of that id.
    func framework(_ request: Request) throws -> ReportFramework? {
        guard let id = request.uri.queryParameters["framework"].map(String.init) else { return ReportFramework() }
        return try store.storedFrameworks().contains { $0.id == id } ? ReportFramework(id: id) : nil
    }

    /// The period a report page asks for: `month=M`, or `from=M1&to=M2`; else the latest
    /// month with audits.
    func period(_ request: Request) throws -> ReportPeriod? {
        let query = request.uri.queryParameters
        if let from = query["from"].flatMap({ YearMonth($0) }), let to = query["to"].flatMap({ YearMonth($0) }) {
            return ReportPeriod(from: from, to: to)
        }
        let month = try query["month"].flatMap { YearMonth($0) } ?? store.status().latestMonth.flatMap { YearMonth($0) }
        return month.map(ReportPeriod.init(month:))
    }
}
