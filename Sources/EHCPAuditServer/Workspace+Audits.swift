import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// The worklist and audits: reading, making, changing and previewing them.
extension Workspace {
    /// `GET /[?month=M]`: the worklist, and the latest audits the user may read.
    @Sendable func worklist(_ request: Request, context: SignedInContext) async throws -> Response {
        let query = request.uri.queryParameters
        let asked = try request.month()
        let filter = WorklistView.Filter(
            unassigned: query["show"] == "unassigned",
            stratum: query["stratum"].flatMap { $0.isEmpty ? nil : String($0) },
            auditor: query["auditor"].flatMap { $0.isEmpty ? nil : String($0) })
        let banner = Banner.html(query["done"], count: query["count"])
        let today = YearMonth(Security.day(now()))
        let user = context.user, csrf = context.session.csrf, access = context.access
        let body = try await withStore { store in
            let month = try asked ?? store.latestSampleMonth() ?? today
            var view = WorklistView(store: store, user: user, csrf: csrf, month: month)
            view.filter = filter
            return try banner + view.render() + Self.auditList(store, access)
        }
        return context.page("Worklist", body)
    }

    /// `GET /find?q=REF`: the audit of that reference, or the audits of that plan, that the
    /// user may open.
    @Sendable func find(_ request: Request, context: SignedInContext) async throws -> Response {
        let reference = (request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
        let access = context.access
        return try await withStore { store in
            if let record = try Self.storedRecord(store, reference), access.mayOpen(record) {
                return .redirect(to: .audit(record.auditId))
            }
            let audits = try store.audits(ofPlan: reference).compactMap { listing -> (AuditStore.AuditListing, Bool)? in
                guard let record = try Self.storedRecord(store, listing.auditId), access.mayOpen(record) else {
                    return nil
                }
                return (listing, access.mayRead(record))
            }
            let rows = audits.map { audit, whole -> [HTML] in
                [
                    Page.link(.audit(audit.auditId), audit.auditId), "\(audit.auditDate)", "\(audit.auditor)",
                    "\(Words.value(audit.kind))", "\(Words.value(audit.status))",
                    whole ? "\(Words.grade(audit.grade))" : "Not shown to you",
                ]
            }
            let body: HTML =
                rows.isEmpty
                ? "<p>No audit or plan you may open has the reference \(reference).</p>"
                : Page.table(
                    "Audits of plan \(reference)", ["Audit", "Date", "Auditor", "Kind", "Status", "Grade"], rows)
            return context.page("Find \(reference)", body + "<p>\(Page.link(.home, "Back to the worklist"))</p>")
        }
    }

    /// `GET /audits/{id}`: the audit and its score, as much of it as the reader may see.
    @Sendable func auditPage(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.pathValue("id")
        let banner = Banner.html(request.uri.queryParameters["done"])
        let access = context.access, csrf = context.session.csrf
        let body = try await withStore { store -> HTML in
            let record = try Self.record(store, id)
            guard access.mayOpen(record) else { throw PageError.notAllowed }
            let catalog = try frameworks.catalog(store)
            guard let result = try? catalog.score(record), let framework = catalog.framework(record.framework) else {
                throw PageError(.internalServerError, "The stored audit no longer scores against its framework")
            }
            var body = banner
            if access.mayEdit(record) {
                body += "<p class=\"no-print\">\(Page.link(Link("audits", id, "edit"), "Edit this audit"))</p>"
            }
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

    /// `GET /audits/{id}/record/json` and `…/record/xml`: the audit as a record file, for a
    /// reader of the whole audit.
    @Sendable func auditRecord(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.pathValue("id"), format = try context.pathValue("format")
        let access = context.access
        return try await withStore { store in
            let record = try Self.record(store, id)
            guard access.mayRead(record) else { throw PageError.notAllowed }
            switch format {
            case "json":
                return .download(
                    RecordJSONWriter.record(record), type: "application/json; charset=utf-8", name: "\(id).json")
            case "xml":
                do {
                    return .download(
                        try RecordXMLWriter.record(record), type: "application/xml; charset=utf-8", name: "\(id).xml")
                } catch {
                    throw PageError(
                        .unprocessableContent, "This audit holds text that XML cannot carry: download it as JSON")
                }
            default: throw PageError(.notFound, "There is no such download: JSON or XML")
            }
        }
    }

    /// `GET /audits/new[?plan=P&kind=K&moderates=ID&framework=F]`: a blank form, with the plan's
    /// details from the latest population that holds it, and for a moderation the advices'
    /// details (never their ratings) from the audit it moderates.
    @Sendable func newAuditForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let query = request.uri.queryParameters
        let asked = query["framework"].map(String.init)
        let now = now()
        var pairs: [(name: String, value: String)] = [("auditDate", Security.day(now).description)]
        for (name, key) in [("planId", "plan"), ("kind", "kind"), ("moderates", "moderates")] {
            if let value = query[Substring(key)] { pairs.append((name, String(value))) }
        }
        let plan = query["plan"].map(String.init), moderates = query["moderates"].map(String.init)
        let csrf = context.session.csrf, user = context.user, access = context.access, given = pairs
        let body = try await withStore { store -> HTML in
            guard let framework = try frameworks.current(store, id: asked, now: now) else {
                throw asked == nil
                    ? PageError(.serviceUnavailable, "No framework is stored yet: the lead stores one with import")
                    : PageError(.notFound, "There is no framework \(asked ?? "")")
            }
            var fields = given
            if let plan, let known = try store.populationPlan(plan) {
                let details = [
                    ("plan.locality", known.locality), ("plan.phase", known.phase),
                    ("plan.primaryNeed", known.primaryNeed), ("plan.team", known.team),
                    ("plan.caseworker", known.caseworker),
                ]
                fields += details.compactMap { name, value in value.map { (name, $0) } }
            }
            if let moderates, let first = try Self.storedRecord(store, moderates), first.planId == plan,
                try access.mayLead || store.moderator(of: moderates) == user.name
            {
                fields += Self.adviceDetails(of: first)
            }
            let form = FormFields(fields)
            var page = AuditFormPage(
                framework: framework, fields: form, problems: [], csrf: csrf, action: Link("audits"),
                previewAction: Link("preview"))
            page.advices = AuditForm.adviceBlocks(in: form)
            let others = Set(try store.storedFrameworks().map(\.id).filter { $0 != framework.id }).sorted()
            let choice = others.map { id in
                Page.link(Link("audits", "new", query: ["framework": id, "plan": plan]), id)
            }
            let alternatives: HTML = choice.isEmpty ? .empty : "; or audit against \(choice.joined(separator: ", "))"
            return """
                <p>Audited against \(framework.title) (version \(framework.version))\(alternatives).</p>
                \(page.render())
                """
        }
        return context.page("New audit", body)
    }

    /// The form fields of an audit's advices without their ratings or comments: what a
    /// moderator needs to know of the advice without seeing how it was judged.
    static func adviceDetails(of record: AuditRecord) -> [(name: String, value: String)] {
        AuditForm.fields(for: record).pairs.filter { pair in
            guard let n = AuditForm.adviceNumber(pair.name) else { return false }
            let field = pair.name.dropFirst("advice.\(n).".count)
            return !field.hasPrefix("judgement.") && !field.hasPrefix("comment.")
        }
    }

    /// `GET /audits/{id}/edit`: the stored audit in the form, for its auditor while a draft, or the lead.
    @Sendable func editAuditForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.pathValue("id")
        let access = context.access, csrf = context.session.csrf
        let body = try await withStore { store -> HTML in
            let record = try Self.record(store, id)
            guard access.mayEdit(record) else { throw PageError.notAllowed }
            guard let framework = try frameworks.catalog(store).framework(record.framework) else {
                throw PageError(.serviceUnavailable, "The audit's framework is not stored")
            }
            let fields = FormFields(AuditForm.fields(for: record).pairs + [("version", Self.version(of: record))])
            var page = AuditFormPage(
                framework: framework, fields: fields, problems: [], csrf: csrf, action: .audit(id),
                previewAction: Link("audits", id, "preview"))
            page.advices = AuditForm.adviceBlocks(in: fields)
            return page.render()
        }
        return context.page("Edit \(id)", body)
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
                "\(audit.auditDate)", "\(Words.value(audit.kind))", "\(Words.value(audit.status))",
                "\(Words.grade(audit.grade))",
            ]
        }
        let header = ["Audit", "Plan", "Auditor", "Date", "Kind", "Status", "Grade"]
        return start + Page.table(access.mayLead ? "Latest audits" : "Your audits", header, rows)
    }

    /// A stored audit's version, which its edit form carries: a change made from a form opened
    /// before someone else's change is refused rather than undo theirs.
    static func version(of record: AuditRecord) -> String {
        AuditStore.digest(RecordJSONWriter.record(record))
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
