import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

extension Workspace {
    func addAudits(_ router: Router<WorkspaceContext>) {
        router.get("/") { request, context in
            guard let user = context.user, let session = context.session else { return Response.redirect("/login") }
            let asked = request.uri.queryParameters["month"].flatMap { YearMonth($0) }
            let today = YearMonth(Security.today())
            let month = try asked ?? store.latestSampleMonth() ?? today
            let view = try WorklistView(store: store, user: user, csrf: session.csrf, month: month).render()
            return .html(
                Page.render(title: "Worklist", user: user, csrf: session.csrf, body: view + (try auditList(user))))
        }
        router.get("/audits/new") { request, context in
            guard let user = context.user, let session = context.session else { return Response.redirect("/login") }
            guard user.mayAudit else { return Response.problem(.forbidden, "Not allowed") }
            let asked = request.uri.queryParameters["framework"].map(String.init)
            guard let framework = try currentFramework(id: asked) else {
                return asked == nil
                    ? Response.problem(
                        .serviceUnavailable, "No framework is stored yet", user: user, csrf: session.csrf)
                    : Response.problem(.notFound, "No such framework", user: user, csrf: session.csrf)
            }
            let query = request.uri.queryParameters
            var pairs: [(name: String, value: String)] = [("auditDate", Security.today().description)]
            for (name, key) in [("planId", "plan"), ("kind", "kind"), ("moderates", "moderates")] {
                if let value = query[Substring(key)] { pairs.append((name, String(value))) }
            }
            let page = AuditFormPage(
                framework: framework, fields: FormFields(pairs), problems: [], csrf: session.csrf, action: "/audits")
            let plan = query["plan"].map { "&amp;plan=\(Page.escape(String($0)))" } ?? ""
            let others = try store.storedFrameworks().map(\.id).filter { $0 != framework.id }
            let choice =
                Set(others).sorted().map {
                    "<a href=\"/audits/new?framework=\(Page.escape($0))\(plan)\">\(Page.escape($0))</a>"
                }
            let intro = """
                <p>Audited against \(Page.escape(framework.title)) (\(Page.escape(framework.id)), version \
                \(Page.escape(framework.version)))\(choice.isEmpty ? "" : "; or audit against " + choice.joined(separator: ", ")).</p>
                """
            return .html(Page.render(title: "New audit", user: user, csrf: session.csrf, body: intro + page.render()))
        }
        router.post("/audits") { request, context in try await submit(request, context, preview: false) }
        router.get("/audits/:id/edit") { _, context in
            guard let user = context.user, let session = context.session else { return Response.redirect("/login") }
            let id = context.parameters.get("id") ?? ""
            guard let record = try storedRecord(id) else {
                return Response.problem(.notFound, "No such audit", user: user, csrf: session.csrf)
            }
            guard Self.mayEdit(record, user) else {
                return Response.problem(.forbidden, "Not allowed", user: user, csrf: session.csrf)
            }
            guard let framework = try store.frameworkCatalog().framework(record.framework) else {
                return Response.problem(.serviceUnavailable, "The audit's framework is not stored")
            }
            var page = AuditFormPage(
                framework: framework, fields: AuditForm.fields(for: record), problems: [], csrf: session.csrf,
                action: "/audits/\(record.auditId)")
            page.advices = record.advices.count + 1
            return .html(
                Page.render(title: "Edit \(record.auditId)", user: user, csrf: session.csrf, body: page.render()))
        }
        for preview in [false, true] {
            router.post(preview ? "/audits/:id/preview" : "/audits/:id") { request, context in
                guard let user = context.user, context.session != nil else { return Response.redirect("/login") }
                let id = context.parameters.get("id") ?? ""
                guard let record = try storedRecord(id) else { return Response.problem(.notFound, "No such audit") }
                guard Self.mayEdit(record, user) else { return Response.problem(.forbidden, "Not allowed") }
                return try await submit(request, context, preview: preview, editing: record)
            }
        }
        router.post("/preview") { request, context in try await submit(request, context, preview: true) }
        router.get("/audits/:id") { _, context in
            guard let user = context.user, let session = context.session else { return Response.redirect("/login") }
            guard let record = try storedRecord(context.parameters.get("id") ?? "") else {
                return Response.problem(.notFound, "No such audit", user: user, csrf: session.csrf)
            }
            let mayRead =
                user.role == .lead || (user.role == .auditor && record.auditor == user.name)
                || record.advices.contains { Self.mayReview($0, user) }
            guard mayRead else { return Response.problem(.forbidden, "Not allowed", user: user, csrf: session.csrf) }
            let catalog = try store.frameworkCatalog()
            guard let result = try? catalog.score(record), let framework = catalog.framework(record.framework) else {
                return Response.problem(.internalServerError, "The stored audit no longer scores")
            }
            var body =
                Self.mayEdit(record, user)
                ? "<p><a href=\"/audits/\(Page.escape(record.auditId))/edit\">Edit this audit</a></p>" : ""
            body += ResultView(record: record, result: result, framework: framework, viewer: user).render()
            if user.mayAudit, record.kind != .moderation, let previous = try store.previousAudit(of: record) {
                let reaudit = Reaudit(previous: previous, latest: Reaudit.Audit(record, result), framework: framework)
                body += ReauditView(reaudit: reaudit, framework: framework).render()
            }
            if user.mayAudit {
                body += try moderationPart(record, result: result, catalog: catalog, user: user, csrf: session.csrf)
            }
            return .html(Page.render(title: "Audit \(record.auditId)", user: user, csrf: session.csrf, body: body))
        }
    }

    /// A stored audit, read back from its canonical JSON.
    func storedRecord(_ id: String) throws -> AuditRecord? {
        guard let json = try store.recordJSON(auditId: id) else { return nil }
        return try JSONRecordSource(bytes: Array(json.utf8), name: id).next()?.record
    }

    /// Its auditor while it is a draft; the lead at any time.
    static func mayEdit(_ record: AuditRecord, _ user: AuditStore.User) -> Bool {
        user.role == .lead || (user.role == .auditor && record.auditor == user.name && record.status == .draft)
    }

    /// Create, change or preview an audit from the form: the same reader and checks as
    /// `import`; stored as `import` stores it (replacing the audit being edited).
    private func submit(
        _ request: Request, _ context: WorkspaceContext, preview: Bool, editing: AuditRecord? = nil
    ) async throws -> Response {
        guard let user = context.user, let session = context.session else { return .redirect("/login") }
        guard user.mayAudit else { return .problem(.forbidden, "Not allowed") }
        var fields: FormFields
        do {
            fields = try await request.form()
        } catch {
            return .problem(error.status, "The form could not be read")
        }
        guard Security.same(fields["csrf"] ?? "", session.csrf) else {
            return .problem(.forbidden, "This form has expired: go back, reload the page and try again")
        }
        let catalog = try store.frameworkCatalog()
        let chosen =
            try editing.flatMap { catalog.framework($0.framework) } ?? currentFramework(id: fields["framework.id"])
        guard let framework = chosen else {
            return .problem(.serviceUnavailable, "No framework")
        }
        let month =
            CalendarDate(fields["auditDate"] ?? "").map(YearMonth.init)
            ?? YearMonth(Security.today())
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
        func formPage(_ problems: [AuditForm.Problem]) -> String {
            var page = AuditFormPage(
                framework: framework, fields: fields, problems: problems, csrf: session.csrf,
                action: editing.map { "/audits/\($0.auditId)" } ?? "/audits")
            page.advices = form.adviceNumbers.count + 1
            return page.render()
        }
        let fragment = request.headers[HTTPField.Name("X-Preview")!] != nil
        if preview {
            let panel = PreviewPanel(outcome: outcome, framework: framework).render()
            if fragment { return .html(panel) }
            return .html(
                Page.render(title: title, user: user, csrf: session.csrf, body: panel + formPage(outcome.problems)))
        }
        var problems = outcome.problems
        // An id the server assigns may be taken by a form submitted at the same moment:
        // then the next free one is tried.
        let assigning = editing == nil && fields.text("auditId") == nil
        for attempt in 1...5 where problems.isEmpty || (assigning && problems.first?.field == "auditId") {
            if attempt > 1 { form.assignedId = try store.nextAuditId(month: month) }
            problems = try save(form, catalog, replacing: editing != nil)
            if problems.isEmpty {
                let id = fields.text("auditId") ?? form.assignedId
                let action = editing == nil ? "audit.create" : "audit.change"
                try store.log(user: user.name, action: action, subject: id, at: Security.timestamp())
                return .redirect("/audits/\(id)")
            }
        }
        return .html(
            Page.render(title: title, user: user, csrf: session.csrf, body: formPage(problems)),
            status: .unprocessableContent)
    }

    /// Stores a checked form as `import` would; the problems when it is not stored (an
    /// audit id already taken, on `auditId`).
    private func save(_ form: AuditForm, _ catalog: FrameworkCatalog, replacing: Bool) throws -> [AuditForm.Problem] {
        var conflicts: [AuditForm.Problem] = []
        let summary = try store.importRecords(
            from: JSONRecordSource(bytes: Array(form.json.utf8), name: "form"), scoringWith: catalog,
            at: Security.timestamp(), replace: replacing
        ) { event in
            if case .conflict(_, let error) = event {
                conflicts.append(AuditForm.Problem(field: "auditId", message: "\(error)"))
            }
        }
        if summary.committed { return [] }
        return conflicts.isEmpty ? [AuditForm.Problem(field: nil, message: "The audit was not stored")] : conflicts
    }

    /// The latest audits: the user's own, or everyone's for the lead; nothing for others.
    private func auditList(_ user: AuditStore.User) throws -> String {
        guard user.mayAudit else { return "" }
        let audits = try store.audits(by: user.role == .lead ? nil : user.name, limit: 100)
        let start = "<h2>Audits</h2><p><a href=\"/audits/new\" class=\"button\">Start an audit</a></p>"
        guard !audits.isEmpty else { return start + "<p>No audits yet.</p>" }
        let rows = audits.map { audit in
            [
                "<a href=\"/audits/\(Page.escape(audit.auditId))\">\(Page.escape(audit.auditId))</a>",
                Page.escape(audit.planId), Page.escape(audit.auditor), Page.escape(audit.auditDate),
                Page.escape(audit.kind), Page.escape(audit.status), Page.escape(audit.grade),
            ]
        }
        let header = ["Audit", "Plan", "Auditor", "Date", "Kind", "Status", "Grade"]
        return start + Page.table(user.role == .lead ? "Latest audits" : "Your audits", header, rows)
    }
}

extension Result where Success == (AuditRecord, AuditResult), Failure == AuditForm.Refusal {
    var problems: [AuditForm.Problem] {
        if case .failure(let refusal) = self { return refusal.problems }
        return []
    }
}
