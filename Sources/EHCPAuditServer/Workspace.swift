import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// The auditors' workspace (docs/workspace.md): a web application over the same store and the
/// same library as the command line. It keeps no state of its own: users, sessions and
/// the trail of changes live in the store.
///
/// ```swift
/// let workspace = Workspace(store: try AuditStore(path: "ehcp-audit.sqlite"))
/// try await workspace.application(host: "127.0.0.1", port: 8080).runService()
/// ```
public struct Workspace: Sendable {
    public let store: AuditStore
    /// Mark the session cookie `Secure` (behind TLS).
    public var secureCookies: Bool
    /// Where the one-line request log goes.
    public var log: @Sendable (String) -> Void

    public init(store: AuditStore, secureCookies: Bool = false, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.store = store
        self.secureCookies = secureCookies
        self.log = log
    }

    /// The routes and middleware, for a server or a test.
    public func router() -> Router<WorkspaceContext> {
        let router = Router(context: WorkspaceContext.self)
        router.add(middleware: SecurityHeadersMiddleware(log: log))
        router.add(middleware: SessionMiddleware(store: store))
        router.get("/healthz") { _, _ in "ok" }
        router.get("/static/app.css") { _, _ in Response.asset(StaticAssets.css, type: "text/css; charset=utf-8") }
        router.get("/static/preview.js") { _, _ in
            Response.asset(StaticAssets.previewScript, type: "text/javascript; charset=utf-8")
        }
        addSignIn(router)
        addAudits(router)
        addSample(router)
        addAdviceReviews(router)
        addModeration(router)
        addAPI(router)
        addReports(router)
        return router
    }

    /// The application serving the workspace on `host:port`.
    public func application(host: String, port: Int) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port)))
    }

    /// The framework a new audit is made against: the latest stored version of `id`, or,
    /// with no id, of the framework most stored audits use (else the latest stored).
    func currentFramework(id: String? = nil) throws -> Framework? {
        let stored = try store.storedFrameworks()
        let chosen = try id ?? store.mostUsedFrameworkId() ?? stored.last?.id
        guard let framework = stored.last(where: { $0.id == chosen }) else { return nil }
        return try FrameworkLoader.load(text: framework.content, file: framework.file)
    }
}

extension Response {
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func json(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    static func redirect(_ location: String, cookie: String? = nil) -> Response {
        var headers: HTTPFields = [.location: location]
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: .seeOther, headers: headers)
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func problem(
        _ status: HTTPResponse.Status, _ message: String, user: AuditStore.User? = nil, csrf: String? = nil
    )
        -> Response
    {
        .html(Page.render(title: message, user: user, csrf: csrf, body: ""), status: status)
    }
}

/// A form body that could not be read: too large, or not a form.
struct FormReadError: Error {
    var status: HTTPResponse.Status
}

extension Request {
    /// The form fields of the body, read up to `limit` bytes.
    func form(limit: Int = Security.formLimit) async throws(FormReadError) -> FormFields {
        guard let buffer = try? await body.collect(upTo: limit) else { throw FormReadError(status: .contentTooLarge) }
        guard let fields = FormFields(body: Array(buffer.readableBytesView)) else {
            throw FormReadError(status: .badRequest)
        }
        return fields
    }
}
