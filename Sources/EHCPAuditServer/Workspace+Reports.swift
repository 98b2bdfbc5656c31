import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// The reports in the browser, each as the command of the same name writes it, to whom the
/// access policy lets read it.
extension Workspace {
    /// `GET /reports/advice[?format=markdown|html]`: every agency's advice for the lead, the
    /// officer's own agency's for a DCO or DSCO.
    @Sendable func adviceReport(_ request: Request, context: SignedInContext) async throws -> Response {
        let agency = context.access.adviceAgency
        let format = try ReportFormat(request, allowed: [.html, .markdown, .document])
        let (period, blocks) = try await report(request, "advice \(agency?.rawValue ?? "all")") {
            store, period, framework in
            AdviceLayout.blocks(try store.adviceReport(for: period, agency: agency, framework: framework))
        }
        return try format.answer(blocks, named: "advice", period: period, request: request, context: context)
    }

    /// `GET /reports/learning[?by=auditor|team|caseworker|provider][&format=…]`.
    @Sendable func learningReport(_ request: Request, context: SignedInContext) async throws -> Response {
        let asked = request.uri.queryParameters["by"].map(String.init)
        guard let by = asked.map({ LearningReport.Grouping(rawValue: $0) }) ?? .auditor else {
            let choices = LearningReport.Grouping.allCases.map(\.rawValue).joined(separator: ", ")
            throw PageError(.badRequest, "Learning packs are by \(choices), not \(asked ?? "")")
        }
        let format = try ReportFormat(request, allowed: [.html, .markdown, .document])
        let (period, blocks) = try await report(request, "learning \(by.rawValue)") { store, period, framework in
            LearningLayout.blocks(try store.learningReport(by: by, for: period, framework: framework))
        }
        return try format.answer(
            blocks, named: "learning-\(by.rawValue)", period: period, request: request, context: context,
            contents: true)
    }

    /// `GET /reports/moderation[?format=json|markdown|html]`.
    @Sendable func moderationReport(_ request: Request, context: SignedInContext) async throws -> Response {
        let format = try ReportFormat(request, allowed: [.html, .json, .markdown, .document])
        let informs = try await storeWork.run { [store, frameworks, planCheckers, now] in
            try frameworks.current(store, now: now()).flatMap {
                try? planCheckers.checker(for: $0).rules.informedCriteria
            }
        }
        let (period, report) = try await report(request, "moderation") { store, period, _ in
            try store.moderationReport(for: period, informs: informs ?? [:])
        }
        if format == .json {
            return .download(
                ModerationReportJSON.render(report), type: "application/json; charset=utf-8",
                name: "moderation-\(ReportFormat.name(period)).json")
        }
        let pairs = report.pairList.map { pair -> [HTML] in
            [
                Page.link(.audit(pair.moderationAuditId), pair.moderationAuditId),
                Page.link(.audit(pair.rootAuditId), pair.rootAuditId),
                "\(Formatting.fixed2(pair.difference))",
            ]
        }
        let sideBySide: HTML =
            pairs.isEmpty
            ? .empty
            : "<h2>Each pair side by side</h2><p>A moderation's page shows it beside the audit it moderates.</p>"
                + Page.table("Pairs", ["Moderation", "Audit moderated", "Difference in percent"], pairs)
        return try format.answer(
            ModerationLayout.blocks(report), named: "moderation", period: period, request: request, context: context,
            after: sideBySide)
    }

    /// `GET /reports/monthly?month=M[&format=html|json|csv|markdown][&public=1]`: the lead sees
    /// the full report, everyone else the public version only.
    @Sendable func monthlyReport(_ request: Request, context: SignedInContext) async throws -> Response {
        let access = context.access
        let isPublic = request.uri.queryParameters["public"] == "1" || !access.mayRead(.monthly)
        let format = try ReportFormat(request, allowed: [.html, .json, .csv, .markdown, .document])
        let (period, report) = try await report(request, isPublic ? "monthly public" : "monthly") {
            store, period, framework in
            try store.monthlyReport(for: period.last, isPublic: isPublic, framework: framework)
        }
        let name = (isPublic ? "monthly-public-" : "monthly-") + ReportFormat.name(period)
        switch format {
        case .json:
            return .download(
                MonthlyReportJSON.render(report), type: "application/json; charset=utf-8", name: name + ".json")
        case .csv:
            return .download(MonthlyReportCSV.render(report), type: "text/csv; charset=utf-8", name: name + ".csv")
        default:
            var more: [HTML] = []
            if access.mayRead(.monthly) && !isPublic {
                more.append(
                    Page.link(ReportFormat.link(request, ["public": "1", "format": nil]), "the public version"))
            }
            return try format.answer(
                MonthlyLayout.blocks(report), named: isPublic ? "monthly-public" : "monthly", period: period,
                request: request, context: context,
                extra: [("json", "JSON"), ("csv", "CSV")], more: more)
        }
    }

    /// A report's common steps, on a store thread: the period asked for (`month=M`, or
    /// `from=M1&to=M2`; else the latest month with audits; a month that cannot be is refused,
    /// never replaced) and the framework (`framework=ID`, or nil for the most used); then
    /// `make` builds it.
    private func report<T: Sendable>(
        _ request: Request, _ key: String, _ make: @escaping @Sendable (AuditStore, ReportPeriod, String?) throws -> T
    ) async throws -> (ReportPeriod, T) {
        let from = try request.month("from"), to = try request.month("to"), asked = try request.month()
        let framework = request.uri.queryParameters["framework"].map(String.init)
        return try await withStore { store in
            if let framework, try !store.storedFrameworks().contains(where: { $0.id == framework }) {
                throw PageError(.notFound, "There is no framework \(framework)")
            }
            let period: ReportPeriod
            if let from, let to {
                guard let chosen = ReportPeriod(from: from, to: to) else {
                    throw PageError(.badRequest, "The period ends before it begins: \(from) to \(to)")
                }
                period = chosen
            } else if let month = try asked ?? store.status().latestMonth.flatMap({ YearMonth($0) }) {
                period = ReportPeriod(month: month)
            } else {
                throw PageError(.notFound, "There are no audits yet, so there is no report")
            }
            let name = "\(key) \(period.first) \(period.last) \(framework ?? "-")"
            let stamp = try store.changeStamp()
            return (period, try reports.report(name, stamp: stamp) { try make(store, period, framework) })
        }
    }
}

/// How a report page is given: in the page, or downloaded as a file named with its month.
enum ReportFormat: String, Sendable {
    /// The report inside a workspace page.
    case html
    case json, csv, markdown
    /// The report's own HTML document, to download.
    case document

    /// The `format` a request asks for; `400` for one the report does not have.
    init(_ request: Request, allowed: [ReportFormat]) throws {
        let asked = request.uri.queryParameters["format"].map(String.init) ?? "html"
        guard let format = ReportFormat(rawValue: asked), allowed.contains(format) else {
            let names = allowed.map { $0 == .document ? "document" : $0.rawValue }.joined(separator: ", ")
            throw PageError(.badRequest, "This report comes as \(names), not \(asked)")
        }
        self = format
    }

    /// A period as a file name part: `2025-06`, or `2025-04-to-2025-06`.
    static func name(_ period: ReportPeriod) -> String {
        period.first == period.last ? "\(period.last)" : "\(period.first)-to-\(period.last)"
    }

    /// The same report with some query values changed (nil removes one).
    static func link(_ request: Request, _ changes: [String: String?]) -> Link {
        var query: [(key: String, value: String?)] = []
        for (key, value) in request.uri.queryParameters where changes[String(key)] == nil {
            query.append((String(key), String(value)))
        }
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) { query.append((key, value)) }
        return Link(segments: request.uri.path.split(separator: "/").map(String.init), query: query)
    }

    /// The report as a page (with the month picker and its downloads) or as a download named
    /// `name` and the period (`advice-2025-06.md`).
    func answer(
        _ blocks: [Block], named name: String, period: ReportPeriod, request: Request, context: SignedInContext,
        extra: [(String, String)] = [], more: [HTML] = [], contents: Bool = false, after: HTML = .empty
    ) throws -> Response {
        let file = "\(name)-\(Self.name(period))"
        switch self {
        case .markdown:
            return .download(MarkdownRenderer.render(blocks), type: "text/markdown; charset=utf-8", name: file + ".md")
        case .document:
            return .download(HTMLRenderer.render(blocks), type: "text/html; charset=utf-8", name: file + ".html")
        case .json, .csv:
            throw PageError(.badRequest, "This report has no \(rawValue)")
        case .html:
            let downloads = (extra + [("markdown", "Markdown"), ("document", "a web page")]).map { format, words in
                Page.link(Self.link(request, ["format": format]), words)
            }
            let also: HTML = more.isEmpty ? .empty : ", or see \(more.joined(separator: ", "))"
            let title =
                blocks.compactMap { block -> String? in
                    if case .title(let text) = block { return text }
                    return nil
                }.first ?? "Report"
            let body: HTML = """
                \(MonthPicker(request: request, period: period).render())
                <p class="no-print">Download: \(downloads.joined(separator: ", "))\(also).</p>
                \(ReportBody.html(blocks, contents: contents))
                \(after)
                """
            return context.page(title, body)
        }
    }
}

/// Previous month, a month to choose, next month: on every report page.
struct MonthPicker {
    let request: Request
    let period: ReportPeriod

    func render() -> HTML {
        let month = period.last
        let keep = request.uri.queryParameters.filter { !["month", "from", "to", "format"].contains(String($0.key)) }
        let hidden = keep.map { key, value -> HTML in "<input type=\"hidden\" name=\"\(key)\" value=\"\(value)\">" }
        func step(_ by: Int, _ words: String) -> HTML {
            let other = month.adding(months: by)
            return Page.link(
                ReportFormat.link(request, ["month": "\(other)", "from": nil, "to": nil]), "\(words) (\(other))")
        }
        return """
            <nav class="month-picker no-print" aria-label="Month">\(step(-1, "Previous month"))\
            <form method="get" action="\(Link(segments: request.uri.path.split(separator: "/").map(String.init)))" \
            class="inline">\(hidden)<label for="f-report-month">Month</label>\
            <input type="month" id="f-report-month" name="month" value="\(month)">\
            <button type="submit" class="secondary">Show</button></form>\(step(1, "Next month"))</nav>
            """
    }
}

/// A report's blocks as part of a workspace page: the report's own HTML body (its renderer
/// escapes every text), with its title demoted under the page's heading; with `contents`, a
/// list of its parts first, each linking to its heading (the learning packs, one a person).
enum ReportBody {
    static func html(_ blocks: [Block], contents: Bool = false) -> HTML {
        let document = HTMLRenderer.render(
            blocks.map { block in
                if case .title(let text) = block { return .heading(text) }
                return block
            })
        guard let start = document.range(of: "<main>"), let end = document.range(of: "</main>") else { return .empty }
        var body = String(document[start.upperBound..<end.lowerBound])
        guard contents else { return HTML(rendered: body) }
        let headings = blocks.compactMap { block -> String? in
            if case .heading(let text) = block { return text }
            return nil
        }
        let pieces = body.components(separatedBy: "<h2>")
        body = pieces.enumerated().map { i, piece in i == 0 ? piece : "<h2 id=\"part-\(i)\">" + piece }.joined()
        // The first heading is the report's title, demoted: the parts are the rest.
        let items = headings.enumerated().map { i, text -> HTML in
            "<li><a href=\"#part-\(i + 2)\">\(text)</a></li>"
        }
        guard items.count > 1 else { return HTML(rendered: body) }
        return "<nav class=\"contents\" aria-label=\"Contents\"><h2>Contents</h2><ol>\(items)</ol></nav>"
            + HTML(rendered: body)
    }
}
