import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// The reports in the browser, each as the command of the same name writes it, to whom the
/// access policy lets read it.
extension Workspace {
    /// `GET /reports/advice`: every agency's advice for the lead, the officer's own agency's for a DCO or DSCO.
    @Sendable func adviceReport(_ request: Request, context: SignedInContext) async throws -> Response {
        let agency = context.access.adviceAgency
        let body = try await report(request) { store, period, framework in
            ReportBody.html(
                AdviceLayout.blocks(try store.adviceReport(for: period, agency: agency, framework: framework)))
        }
        return context.page("Advice report", body)
    }

    /// `GET /reports/learning[?by=auditor|team|…]`.
    @Sendable func learningReport(_ request: Request, context: SignedInContext) async throws -> Response {
        let by = request.uri.queryParameters["by"].flatMap { LearningReport.Grouping(rawValue: String($0)) }
        let body = try await report(request) { store, period, framework in
            ReportBody.html(
                LearningLayout.blocks(try store.learningReport(by: by ?? .auditor, for: period, framework: framework)))
        }
        return context.page("Learning packs", body)
    }

    /// `GET /reports/moderation[?format=json]`.
    @Sendable func moderationReport(_ request: Request, context: SignedInContext) async throws -> Response {
        let json = request.uri.queryParameters["format"] == "json"
        let report = try await report(request) { store, period, _ in try store.moderationReport(for: period) }
        if json { return .json(ModerationReportJSON.render(report)) }
        return context.page("Moderation", ReportBody.html(ModerationLayout.blocks(report)))
    }

    /// `GET /reports/monthly?month=M[&format=html|json|csv][&public=1]`: the lead sees the
    /// full report, everyone else the public version only.
    @Sendable func monthlyReport(_ request: Request, context: SignedInContext) async throws -> Response {
        let query = request.uri.queryParameters
        let access = context.access
        let isPublic = query["public"] == "1" || !access.mayRead(.monthly)
        let (month, framework, report) = try await report(request) { store, period, framework in
            (
                period.last, framework,
                try store.monthlyReport(for: period.last, isPublic: isPublic, framework: framework)
            )
        }
        switch query["format"].map(String.init) ?? "html" {
        case "json": return .json(MonthlyReportJSON.render(report))
        case "csv":
            return .download(MonthlyReportCSV.render(report), type: "text/csv; charset=utf-8", name: "monthly.csv")
        default:
            func version(_ format: String?, isPublic: Bool) -> Link {
                Link(
                    "reports", "monthly",
                    query: [
                        "month": month.description, "framework": framework, "format": format,
                        "public": isPublic ? "1" : nil,
                    ])
            }
            let other: HTML =
                access.mayRead(.monthly) && !isPublic
                ? ", or see \(Page.link(version(nil, isPublic: true), "the public version"))" : .empty
            var others: [HTML] = []
            if access.mayRead(.advice) {
                others.append(Page.link(Link("reports", "advice", query: ["month": month.description]), "Advice"))
            }
            if access.mayRead(.learning) {
                others.append(
                    Page.link(Link("reports", "learning", query: ["month": month.description]), "Learning packs"))
            }
            if access.mayRead(.moderation) {
                others.append(
                    Page.link(Link("reports", "moderation", query: ["month": month.description]), "Moderation"))
            }
            let more: HTML = others.isEmpty ? .empty : "<p>Other reports: \(others.joined(separator: ", ")).</p>"
            let body: HTML = """
                <p>Download: \(Page.link(version("json", isPublic: isPublic), "JSON")), \
                \(Page.link(version("csv", isPublic: isPublic), "CSV"))\(other).</p>
                \(more)
                \(ReportBody.html(MonthlyLayout.blocks(report)))
                """
            return context.page("Monthly report", body)
        }
    }

    /// A report's common steps, on a store thread: the period asked for (`month=M`, or
    /// `from=M1&to=M2`; else the latest month with audits) and the framework (`framework=ID`,
    /// or nil for the most used); then `make` builds it.
    private func report<T: Sendable>(
        _ request: Request, _ make: @escaping @Sendable (AuditStore, ReportPeriod, String?) throws -> T
    ) async throws -> T {
        let query = request.uri.queryParameters
        let from = query["from"].flatMap { YearMonth($0) }, to = query["to"].flatMap { YearMonth($0) }
        let month = query["month"].flatMap { YearMonth($0) }
        let framework = query["framework"].map(String.init)
        return try await withStore { store in
            if let framework, try !store.storedFrameworks().contains(where: { $0.id == framework }) {
                throw PageError(.notFound, "There is no framework \(framework)")
            }
            let period: ReportPeriod
            if let from, let to {
                guard let asked = ReportPeriod(from: from, to: to) else {
                    throw PageError(.notFound, "The period ends before it begins: \(from) to \(to)")
                }
                period = asked
            } else if let month = try month ?? store.status().latestMonth.flatMap({ YearMonth($0) }) {
                period = ReportPeriod(month: month)
            } else {
                throw PageError(.notFound, "There are no audits yet, so there is no report")
            }
            return try make(store, period, framework)
        }
    }
}

/// A report's blocks as part of a workspace page: the report's own HTML body (its renderer
/// escapes every text), with its title demoted under the page's heading.
enum ReportBody {
    static func html(_ blocks: [Block]) -> HTML {
        let document = HTMLRenderer.render(
            blocks.map { block in
                if case .title(let text) = block { return .heading(text) }
                return block
            })
        guard let start = document.range(of: "<main>"), let end = document.range(of: "</main>") else { return .empty }
        return HTML(rendered: String(document[start.upperBound..<end.lowerBound]))
    }
}
