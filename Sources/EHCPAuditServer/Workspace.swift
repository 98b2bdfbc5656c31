import Crypto
import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The auditors' workspace (docs/workspace.md): a web application over the same store and the
/// same library as the command line. It keeps no state of its own: users, sessions and the
/// trail of changes live in the store.
///
/// ```swift
/// let store = try AuditStore(path: "ehcp-audit.sqlite", busyTimeout: 5)
/// try await Workspace(store: store).application(host: "127.0.0.1", port: 8080).runService()
/// ```
public struct Workspace: Sendable {
    public let store: AuditStore
    /// Mark the cookies `Secure` and send HSTS (behind TLS).
    public var secureCookies: Bool
    /// The time now; a test sets another.
    var now: @Sendable () -> Date = { Date() }
    var passwords = Passwords()
    /// A connection that sends nothing for this long is closed (slow or stalled clients).
    var idleTimeout = Security.idleConnection
    /// Store access waits (for another process's write); sixteen threads keep pages answering
    /// while a few wait. What stores an audit, a review, an assignment or a sample waits on
    /// threads of its own, so writers held up by an import never take every reader's thread.
    let storeWork = BlockingWork(threads: 16)
    let writeWork = BlockingWork(threads: 4)
    let passwordWork = BlockingWork(threads: max(2, ProcessInfo.processInfo.activeProcessorCount))
    let frameworks = FrameworkCache()
    /// Signs the sign-in form's tokens; made anew when the server starts (a form opened
    /// before then is simply shown again).
    let signInKey = SymmetricKey(size: .bits256)
    let reports = ReportCache()
    let auditIds = AuditIdAssignment()
    /// The plan-check rules (`serve --rules`), as checkers by framework.
    let planCheckers: PlanCheckers
    /// The council's identity provider (`serve --oidc`), when people sign in through it.
    let openID: OpenIDProvider?
    /// Whether a name and password may sign in (`serve --no-passwords` turns it off).
    let allowsPasswords: Bool
    /// What `/metrics` reports (`serve --metrics-port`); nil: nothing is measured.
    public var metrics: WorkspaceMetrics?
    /// The request log's facts (method, route, status, duration) also as the line's metadata,
    /// for a structured log (`serve --log-format json`); the line itself is the same.
    public var logFields = false
    /// The council's name, contact and texts for `/accessibility` and `/privacy`
    /// (`serve --site-info`); nil: the pages' own words, naming no council.
    public var siteInfo: SiteInfo?

    /// How long the workspace's store should let a write wait for another process's (an
    /// import's), in seconds, before the page says "try again" (503): open it with this.
    public static let busyTimeout = Security.busyTimeout

    /// `planCheckRules`: the plan-check rules file's name and text, for "Check a plan";
    /// `openID`: sign-in through the council's identity provider; `passwords`: whether a
    /// name and password may also sign in.
    public init(
        store: AuditStore, secureCookies: Bool = false, planCheckRules: (file: String, text: String)? = nil,
        openID: OpenIDSettings? = nil, passwords: Bool = true
    ) {
        self.store = store
        self.secureCookies = secureCookies
        planCheckers = PlanCheckers(rules: planCheckRules)
        self.openID = openID.map { OpenIDProvider(settings: $0) }
        allowsPasswords = passwords
    }

    /// The application serving the workspace on `host:port`, logging one line per request
    /// to `logger`; a connection idle for 30 seconds is closed. With ``metrics`` and a
    /// `metricsPort`, `/metrics` is served beside it on 127.0.0.1:`metricsPort`, started and
    /// stopped with it.
    public func application(
        host: String, port: Int, metricsPort: Int? = nil, logger: Logger? = nil
    ) -> some ApplicationProtocol {
        precondition(metricsPort == nil || metrics != nil, "a metrics port needs the workspace's metrics")
        var application = Application(
            router: router(), server: .http1(configuration: .init(idleTimeout: idleTimeout)),
            configuration: .init(address: .hostname(host, port: port), serverName: "ehcp-audit"), logger: logger)
        if let metrics, let metricsPort {
            application.addServices(metricsApplication(metrics, port: metricsPort, logger: logger))
        }
        return application
    }

    /// Every route, who may use it, and the middleware around it.
    public func router() -> Router<WorkspaceContext> {
        let router = Router(context: WorkspaceContext.self)
        if let metrics { router.add(middleware: RequestMetricsMiddleware(metrics: metrics)) }
        router.addMiddleware {
            SecurityHeadersMiddleware(secure: secureCookies)
            RequestLogMiddleware(fields: logFields)
            ErrorPageMiddleware(metrics: metrics)
        }
        // Outside the session group: these never read the store's sessions.
        router.get("/healthz") { _, _ in "ok" }
        router.get("/static/app.css") { _, _ in Response.asset(StaticAssets.css, type: "text/css; charset=utf-8") }
        router.get("/static/preview.js") { _, _ in
            Response.asset(StaticAssets.previewScript, type: "text/javascript; charset=utf-8")
        }
        router.post("/api/audits", use: importThroughAPI)  // a bearer token, no session

        let site = router.group().add(middleware: SessionMiddleware(workspace: self))
        let signIn = site.group("/login").add(
            middleware: CSRFMiddleware<WorkspaceContext>(limits: .signIn, secure: secureCookies)
        )
        .get(use: signInPage)
        // `serve --no-passwords`: there is no password sign-in to send a form to.
        if allowsPasswords { signIn.post(use: self.signIn) }
        site.get("/login/start", use: startProviderSignIn)
        site.get(RouterPath(OpenIDSettings.callbackPath), use: finishProviderSignIn)

        // Public: the statements a public body publishes, with the navigation when signed in.
        site.get("/accessibility", use: accessibilityStatement)
        site.get("/privacy", use: privacyNotice)

        let signedIn = site.group(context: SignedInContext.self)
        // A plan document is uploaded with the form: its own, larger, limit.
        let uploads = signedIn.group().add(
            middleware: CSRFMiddleware<SignedInContext>(limits: .upload, secure: secureCookies)
        )
        .add(middleware: RoleMiddleware { $0.mayCheckPlans })
        uploads.get("/check", use: checkPlanPage)
        uploads.post("/check", use: checkPlan)
        // The audit form may carry the plan document it checks.
        let auditing = signedIn.group().add(
            middleware: CSRFMiddleware<SignedInContext>(limits: .upload, secure: secureCookies)
        )
        .add(middleware: RoleMiddleware { $0.mayAudit })
        auditing.get("/audits/new", use: newAuditForm)
        auditing.post("/audits", use: createAudit)
        auditing.post("/preview", use: previewNewAudit)
        auditing.get("/audits/:id/edit", use: editAuditForm)
        auditing.post("/audits/:id", use: changeAudit)
        auditing.post("/audits/:id/preview", use: previewChange)

        let pages = signedIn.group().add(
            middleware: CSRFMiddleware<SignedInContext>(limits: .page, secure: secureCookies))
        pages.post("/logout", use: signOut)
        pages.get("/", use: worklist)
        pages.get("/find", use: find)
        pages.get("/audits/:id", use: auditPage)
        pages.get("/audits/:id/record/:format", use: auditRecord)
        pages.get("/reports/monthly", use: monthlyReport)

        let reviewing = pages.group().add(middleware: RoleMiddleware { $0.mayRead(.advice) })
        reviewing.get("/reports/advice", use: adviceReport)
        reviewing.get("/audits/:id/advice/:advice", use: adviceReviewPage)
        reviewing.post("/audits/:id/advice/:advice", use: reviewAdvice)

        let leading = pages.group().add(middleware: RoleMiddleware { $0.mayLead })
        leading.get("/reports/learning", use: learningReport)
        leading.get("/reports/moderation", use: moderationReport)
        leading.post("/sample/:month/draw", use: drawSample)
        leading.post("/sample/:month/assign", use: assignSample)
        leading.post("/audits/:id/moderator", use: askModerator)
        return router
    }

    /// Runs `body` with the store on a thread that may wait (``BlockingWork``): one of the
    /// writers' threads when it is `writing`.
    func withStore<T: Sendable>(
        writing: Bool = false, _ body: @escaping @Sendable (AuditStore) throws -> T
    ) async throws -> T {
        let store = store
        return try await (writing ? writeWork : storeWork).run { try body(store) }
    }

    /// A stored audit, read back from its canonical JSON.
    static func storedRecord(_ store: AuditStore, _ id: String) throws -> AuditRecord? {
        guard let json = try store.recordJSON(auditId: id) else { return nil }
        return try JSONRecordSource(bytes: Array(json.utf8), name: id).next()?.record
    }
}

extension Response {
    static func html(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html.text)))
    }

    static func json(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    /// A file to save, named `name` with every character but letters, digits, `-`, `_` and
    /// `.` made `_`, so that no id can add to the header.
    static func download(_ text: String, type: String, name: String) -> Response {
        let safe = String(
            name.unicodeScalars.map {
                $0.isASCII
                    && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                        || "-_.".unicodeScalars.contains($0))
                    ? Character($0) : "_"
            })
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(safe)\""],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(to link: Link, cookies: [Cookie] = []) -> Response {
        var response = Response(status: .seeOther, headers: [.location: link.address])
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

extension Request {
    /// The month a query names under `key` (`?month=2025-06`), nil when it names none; `400`
    /// for one that cannot be, never replaced by another.
    func month(_ key: String = "month") throws -> YearMonth? {
        guard let text = uri.queryParameters[Substring(key)], !text.isEmpty else { return nil }
        guard let month = YearMonth(text) else {
            throw PageError(.badRequest, "There is no month \(text): give a month as YYYY-MM, for example 2025-06")
        }
        return month
    }
}

/// JSON answers' shared shapes.
enum JSONOutput {
    static func error(_ message: String) -> String {
        var json = JSONWriter()
        json.object { $0.member("error", message) }
        return json.text
    }
}
