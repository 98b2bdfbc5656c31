import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// The worklist and audits: reading, making, changing and previewing them.
extension Workspace {
    /// `GET /[?month=M]`: the worklist, and the latest audits the user may read.
    @Sendable func worklist(_ request: Request, context: SignedInContext) async throws -> Response {
        let asked = request.uri.queryParameters["month"].flatMap { YearMonth($0) }
        let today = YearMonth(Security.day(now()))
        let user = context.user, csrf = context.session.csrf
        let body = try await withStore { store in
            let month = try asked ?? store.latestSampleMonth() ?? today
            return try WorklistView(store: store, user: user, csrf: csrf, month: month).render()
                + Self.auditList(store, AccessPolicy(user))
        }
        return context.page("Worklist", body)
    }

    /// `GET /audits/{id}`: the audit and its score, as much of it as the reader may see.
    @Sendable func auditPage(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.pathValue("id")
        let access = context.access, csrf = context.session.csrf
        let body = try await withStore { store -> HTML in
            let record = try Self.record(store, id)
            guard access.mayOpen(record) else { throw PageError.notAllowed }
            let catalog = try store.frameworkCatalog()
            guard let result = try? catalog.score(record), let framework = catalog.framework(record.framework) else {
                throw PageError(.internalServerError, "The stored audit no longer scores against its framework")
            }
            var body: HTML =
                access.mayEdit(record) ? "<p>\(Page.link(Link("audits", id, "edit"), "Edit this audit"))</p>" : .empty
            body += ResultView(record: record, result: result, framework: framework, access: access).render()
            // What changed since the plan's previous audit, only for a reader of both.
            if access.mayRead(record), record.kind != .moderation, let previous = try store.previousAudit(of: record),
                let earlier = try Self.storedRecord(store, previous.auditId), access.mayRead(earlier)
            {
                let reaudit = Reaudit(previous: previous, latest: Reaudit.Audit(record, result), framework: framework)
                body += ReauditView(reaudit: reaudit, framework: framework).render()
            }
            body += try Self.moderationPart(store, record, catalog: catalog, access: access, csrf: csrf)
            return body
        }
        return context.page("Audit \(id)", body)
    }

    /// `GET /audits/new[?plan=P&kind=K&moderates=ID&framework=F]`: a blank form.
    @Sendable func newAuditForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let query = request.uri.queryParameters
        let asked = query["framework"].map(String.init)
        var pairs: [(name: String, value: String)] = [("auditDate", Security.day(now()).description)]
        for (name, key) in [("planId", "plan"), ("kind", "kind"), ("moderates", "moderates")] {
            if let value = query[Substring(key)] { pairs.append((name, String(value))) }
        }
        let plan = query["plan"].map(String.init)
        let csrf = context.session.csrf, fields = FormFields(pairs)
        let body = try await withStore { store -> HTML in
            guard let framework = try Self.currentFramework(store, id: asked) else {
                throw asked == nil
                    ? PageError(.serviceUnavailable, "No framework is stored yet: the lead stores one with import")
                    : PageError(.notFound, "There is no framework \(asked ?? "")")
            }
            let page = AuditFormPage(
                framework: framework, fields: fields, problems: [], csrf: csrf, action: Link("audits"),
                previewAction: Link("preview"))
            let others = Set(try store.storedFrameworks().map(\.id).filter { $0 != framework.id }).sorted()
            let choice = others.map { id in
                Page.link(Link("audits", "new", query: ["framework": id, "plan": plan]), id)
            }
            let alternatives: HTML = choice.isEmpty ? .empty : "; or audit against \(choice.joined(separator: ", "))"
            return """
                <p>Audited against \(framework.title) (\(framework.id), version \(framework.version))\(alternatives).</p>
                \(page.render())
                """
        }
        return context.page("New audit", body)
    }

    /// `GET /audits/{id}/edit`: the stored audit in the form, for its auditor while a draft, or the lead.
    @Sendable func editAuditForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.pathValue("id")
        let access = context.access, csrf = context.session.csrf
        let body = try await withStore { store -> HTML in
            let record = try Self.record(store, id)
            guard access.mayEdit(record) else { throw PageError.notAllowed }
            guard let framework = try store.frameworkCatalog().framework(record.framework) else {
                throw PageError(.serviceUnavailable, "The audit's framework is not stored")
            }
            var page = AuditFormPage(
                framework: framework, fields: AuditForm.fields(for: record), problems: [], csrf: csrf,
                action: .audit(id), previewAction: Link("audits", id, "preview"))
            page.advices = record.advices.count + 1
            return page.render()
        }
        return context.page("Edit \(id)", body)
    }

    /// `POST /audits`: a new audit from the form.
    @Sendable func createAudit(_ request: Request, context: SignedInContext) async throws -> Response {
        try await submit(request, context, preview: false, editing: nil)
    }

    /// `POST /preview`: what a new audit would score; nothing is stored.
    @Sendable func previewNewAudit(_ request: Request, context: SignedInContext) async throws -> Response {
        try await submit(request, context, preview: true, editing: nil)
    }

    /// `POST /audits/{id}`: a change, stored as a new version (the earlier kept).
    @Sendable func changeAudit(_ request: Request, context: SignedInContext) async throws -> Response {
        try await submit(request, context, preview: false, editing: try context.pathValue("id"))
    }

    /// `POST /audits/{id}/preview`: what the changed audit would score.
    @Sendable func previewChange(_ request: Request, context: SignedInContext) async throws -> Response {
        try await submit(request, context, preview: true, editing: try context.pathValue("id"))
    }

    /// Creates, changes or previews an audit from the form: the same reader and checks as
    /// `import`; stored as `import` stores it (replacing the audit being edited). The auditor
    /// is the signed-in user, or the edited audit's own.
    private func submit(
        _ request: Request, _ context: SignedInContext, preview: Bool, editing id: String?
    ) async throws -> Response {
        let fragment = request.headers[HTTPField.Name("X-Preview")!] != nil
        let user = context.user, access = context.access, csrf = context.session.csrf
        let now = now()
        let submitted = context.form
        return try await withStore { store -> Response in
            var fields = submitted
            let editing = try id.map { try Self.record(store, $0) }
            if let editing, !access.mayEdit(editing) { throw PageError.notAllowed }
            let catalog = try store.frameworkCatalog()
            let chosen =
                try editing.flatMap { catalog.framework($0.framework) }
                ?? Self.currentFramework(store, id: fields["framework.id"])
            guard let framework = chosen else { throw PageError(.serviceUnavailable, "No framework is stored yet") }
            let month = CalendarDate(fields["auditDate"] ?? "").map(YearMonth.init) ?? YearMonth(Security.day(now))
            if let editing {
                // The audit keeps its id and its auditor, whoever edits it.
                fields = FormFields(fields.pairs.filter { $0.name != "auditId" } + [("auditId", editing.auditId)])
            }
            var form = AuditForm(
                fields: fields, framework: framework, auditor: editing?.auditor ?? user.name,
                assignedId: try store.nextAuditId(month: month), status: preview ? .final : nil)
            let outcome = form.evaluate(with: catalog)
            let title = editing.map { "Edit \($0.auditId)" } ?? "New audit"
            // The form again as submitted, with `problems` beside their fields.
            func formPage(_ problems: [AuditForm.Problem]) -> HTML {
                var page = AuditFormPage(
                    framework: framework, fields: fields, problems: problems, csrf: csrf,
                    action: editing.map { .audit($0.auditId) } ?? Link("audits"),
                    previewAction: editing.map { Link("audits", $0.auditId, "preview") } ?? Link("preview"))
                page.advices = form.adviceNumbers.count + 1
                return page.render()
            }
            if preview {
                let panel = PreviewPanel(outcome: outcome, framework: framework).render()
                if fragment { return .html(panel) }
                return context.page(title, panel + formPage(outcome.problems))
            }
            var problems = outcome.problems
            // An id the server assigns may be taken by a form submitted at the same moment:
            // then the next free one is tried.
            let assigning = editing == nil && fields.text("auditId") == nil
            for attempt in 1...5 where problems.isEmpty || (assigning && problems.first?.field == "auditId") {
                if attempt > 1 { form.assignedId = try store.nextAuditId(month: month) }
                problems = try Self.save(form, catalog, replacing: editing != nil, store: store, at: now)
                if problems.isEmpty {
                    let stored = fields.text("auditId") ?? form.assignedId
                    let action = editing == nil ? "audit.create" : "audit.change"
                    try store.log(user: user.name, action: action, subject: stored, at: Security.timestamp(now))
                    return .redirect(to: .audit(stored))
                }
            }
            return context.page(title, formPage(problems), status: .unprocessableContent)
        }
    }

    /// Stores a checked form as `import` would; the problems when it is not stored (an
    /// audit id already taken, on `auditId`).
    private static func save(
        _ form: AuditForm, _ catalog: FrameworkCatalog, replacing: Bool, store: AuditStore, at now: Date
    ) throws -> [AuditForm.Problem] {
        var conflicts: [AuditForm.Problem] = []
        let summary = try store.importRecords(
            from: JSONRecordSource(bytes: Array(form.json.utf8), name: "form"), scoringWith: catalog,
            at: Security.timestamp(now), replace: replacing
        ) { event in
            if case .conflict(_, let error) = event {
                conflicts.append(AuditForm.Problem(field: "auditId", message: "\(error)"))
            }
        }
        if summary.committed { return [] }
        return conflicts.isEmpty ? [AuditForm.Problem(field: nil, message: "The audit was not stored")] : conflicts
    }

    /// The latest audits: the user's own, or everyone's for the lead; nothing for others.
    private static func auditList(_ store: AuditStore, _ access: AccessPolicy) throws -> HTML {
        guard access.mayAudit else { return .empty }
        let audits = try store.audits(by: access.mayLead ? nil : access.user.name, limit: 100)
        let start: HTML = "<h2>Audits</h2><p><a href=\"/audits/new\" class=\"button\">Start an audit</a></p>"
        guard !audits.isEmpty else { return start + "<p>No audits yet.</p>" }
        let rows = audits.map { audit -> [HTML] in
            [
                Page.link(.audit(audit.auditId), audit.auditId), "\(audit.planId)", "\(audit.auditor)",
                "\(audit.auditDate)", "\(audit.kind)", "\(audit.status)", "\(audit.grade)",
            ]
        }
        let header = ["Audit", "Plan", "Auditor", "Date", "Kind", "Status", "Grade"]
        return start + Page.table(access.mayLead ? "Latest audits" : "Your audits", header, rows)
    }

    /// A stored audit, or the "no such audit" page.
    static func record(_ store: AuditStore, _ id: String) throws -> AuditRecord {
        guard let record = try storedRecord(store, id) else { throw PageError(.notFound, "There is no audit \(id)") }
        return record
    }
}

extension SignedInContext {
    /// A page with the navigation for the signed-in user.
    func page(_ title: String, _ body: HTML, status: HTTPResponse.Status = .ok) -> Response {
        .html(Page.render(title: title, user: user, csrf: session.csrf, body: body), status: status)
    }
}

extension Result where Success == (AuditRecord, AuditResult), Failure == AuditForm.Refusal {
    var problems: [AuditForm.Problem] {
        if case .failure(let refusal) = self { return refusal.problems }
        return []
    }
}
