import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// The audit form sent: a new audit or a change, previewed, shown again with advice added or
/// removed, checked before final, or stored.
extension Workspace {
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
    /// is the signed-in user, or the edited audit's own. "Add another advice", "Remove" and
    /// "Change your answers" only show the form again; "Submit as final" first shows the
    /// answers to check, and stores them once confirmed.
    private func submit(
        _ request: Request, _ context: SignedInContext, preview: Bool, editing id: String?
    ) async throws -> Response {
        let fragment = request.headers[HTTPField.Name("X-Preview")!] != nil
        let user = context.user, access = context.access, csrf = context.session.csrf
        let now = now()
        let submitted = context.form
        let deadline = Date(timeIntervalSinceNow: Security.busyTimeout)  // the real clock, not the workspace's
        // Only a draft, or final answers confirmed, are stored; everything else shows a page.
        let saving =
            !preview && submitted["action"] == nil
            && (submitted["status"] != AuditStatus.final.rawValue || submitted["confirmed"] == "yes")
        return try await withStore(writing: saving) { store -> Response in
            var fields = submitted
            let editing = try id.map { try Self.record(store, $0) }
            if let editing, !access.mayEdit(editing) { throw PageError.notAllowed }
            let catalog = try frameworks.catalog(store)
            let chosen =
                try editing.flatMap { catalog.framework($0.framework) }
                ?? frameworks.current(store, id: fields["framework.id"], now: now)
            guard let framework = chosen else { throw PageError(.serviceUnavailable, "No framework is stored yet") }
            fields = AuditForm.withNotApplicableFilledIn(fields, framework: framework)
            let month = CalendarDate(fields["auditDate"] ?? "").map(YearMonth.init) ?? YearMonth(Security.day(now))
            if let editing {
                // The audit keeps its id and its auditor, whoever edits it.
                fields = FormFields(fields.pairs.filter { $0.name != "auditId" } + [("auditId", editing.auditId)])
            }
            let title = editing.map { "Edit \($0.auditId)" } ?? "New audit"
            var blocks = AuditForm.adviceBlocks(in: fields)
            // The form again as submitted, with `problems` beside their fields.
            func formPage(_ problems: [AuditForm.Problem], preview: HTML = .empty) -> HTML {
                var page = AuditFormPage(
                    framework: framework, fields: fields, problems: problems, csrf: csrf,
                    action: editing.map { .audit($0.auditId) } ?? Link("audits"),
                    previewAction: editing.map { Link("audits", $0.auditId, "preview") } ?? Link("preview"))
                page.advices = blocks
                page.preview = preview
                return page.render()
            }
            switch fields["action"] {
            case "add-advice":
                let last = blocks.max()
                blocks.append((last ?? -1) + 1)
                fields = AuditForm.addingAdvice(blocks[blocks.count - 1], to: fields, after: last)
                return context.page(title, formPage([]))
            case let action? where action.hasPrefix("remove-advice-"):
                let n = String(action.dropFirst("remove-advice-".count))
                fields = FormFields(fields.pairs.filter { !$0.name.hasPrefix("advice.\(n).") })
                blocks = AuditForm.adviceBlocks(in: fields)
                return context.page(title, formPage([]))
            case "change":
                return context.page(title, formPage([]))
            case "check-plan":
                guard let document = submitted.files["planDocument"] else {
                    let problem = AuditForm.Problem(field: "planDocument", message: "Choose the plan document to check")
                    return context.page(title, formPage([problem]), status: .unprocessableContent)
                }
                do {
                    let checked = try planCheckers.checker(for: framework).check(
                        bytes: document.bytes, fileName: document.fileName)
                    fields = AuditForm.fields(fields, checked: checked)
                    return context.page(title, formPage([]))
                } catch let error as PlanDocumentError {
                    let problem = AuditForm.Problem(field: "planDocument", message: error.message)
                    return context.page(title, formPage([problem]), status: .unprocessableContent)
                }
            case "take-all":
                fields = AuditForm.taking(nil, in: fields)
                return context.page(title, formPage([]))
            case let action? where action.hasPrefix("take-"):
                fields = AuditForm.taking(String(action.dropFirst("take-".count)), in: fields)
                return context.page(title, formPage([]))
            default: break
            }
            var form = AuditForm(
                fields: fields, framework: framework, auditor: editing?.auditor ?? user.name,
                assignedId: try store.nextAuditId(month: month), status: preview ? .draft : nil)
            let outcome = form.evaluate(with: catalog)
            if preview {
                let panel = PreviewPanel(outcome: outcome, framework: framework).render()
                if fragment { return .html(panel) }
                return context.page(title, formPage(outcome.problems, preview: panel))
            }
            var problems = outcome.problems
            if case .success(let (record, _)) = outcome,
                let problem = try Self.moderationProblem(store, record, by: access)
            {
                problems.append(AuditForm.Problem(field: "moderates", message: problem))
            }
            if let editing, let version = fields["version"], version != Self.version(of: editing) {
                problems.append(
                    AuditForm.Problem(
                        field: nil,
                        message: """
                            Someone else changed this audit after you opened it, so your changes were not saved: \
                            open it again to see theirs
                            """))
            }
            if problems.isEmpty, fields["status"] == AuditStatus.final.rawValue, fields["confirmed"] != "yes",
                case .success(let (record, result)) = outcome
            {
                var check = CheckAnswersPage(
                    record: record, result: result, framework: framework, fields: fields, csrf: csrf,
                    action: editing.map { .audit($0.auditId) } ?? Link("audits"))
                // A plan the stored population does not hold is more likely a mistyped reference.
                check.unknownPlan = try store.populationPlan(record.planId) == nil && store.status().populations > 0
                return context.page("Check your answers before submitting", check.render())
            }
            // An id the server assigns is read and used under one lock (``AuditIdAssignment``);
            // should an import take it meanwhile, the next free one is tried.
            let assigning = editing == nil && fields.text("auditId") == nil
            for _ in 1...5 where problems.isEmpty || (assigning && problems.first?.field == "auditId") {
                if assigning {
                    problems = try auditIds.assigning(until: deadline) {
                        form.assignedId = try store.nextAuditId(month: month)
                        return try Self.save(form, catalog, replacing: false, newAudit: true, store: store, at: now)
                    }
                } else {
                    problems = try Self.save(
                        form, catalog, replacing: editing != nil, newAudit: false, store: store, at: now)
                }
                if problems.isEmpty {
                    let stored = fields.text("auditId") ?? form.assignedId
                    let action = editing == nil ? "audit.create" : "audit.change"
                    try store.log(user: user.name, action: action, subject: stored, at: Security.timestamp(now))
                    let done = fields["status"] == AuditStatus.final.rawValue ? Banner.submitted : Banner.saved
                    return .redirect(to: Link("audits", stored, query: ["done": done.rawValue]))
                }
            }
            return context.page(title, formPage(problems), status: .unprocessableContent)
        }
    }

    /// Stores a checked form as `import` would; the problems when it is not stored (an
    /// audit id already taken, on `auditId`). A `newAudit` must be stored as new: an audit
    /// already stored under its id, even with the same content, is not this one.
    private static func save(
        _ form: AuditForm, _ catalog: FrameworkCatalog, replacing: Bool, newAudit: Bool, store: AuditStore,
        at now: Date
    ) throws -> [AuditForm.Problem] {
        var conflicts: [AuditForm.Problem] = []
        let summary = try AuditImport(into: store, at: Security.timestamp(now), replace: replacing).run(
            JSONRecordSource(bytes: Array(form.json.utf8), name: "form"), scoringWith: catalog
        ) { event in
            if case .conflict(_, let error) = event {
                conflicts.append(AuditForm.Problem(field: "auditId", message: "\(error)"))
            }
        }
        if newAudit, summary.committed, summary.imported == 0 {
            return [AuditForm.Problem(field: "auditId", message: "The audit reference \(form.assignedId) is taken")]
        }
        if summary.committed { return [] }
        return conflicts.isEmpty ? [AuditForm.Problem(field: nil, message: "The audit was not stored")] : conflicts
    }
}
