import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// What the workspace's route tests share: a store with the framework and one user of each
/// role that audits or reviews, a client, sign-in, and the worked example as form fields.
protocol WorkspaceTesting {
    var store: AuditStore { get }
}

extension WorkspaceTesting {
    static var password: String { "a long enough password" }

    /// A new store with the default framework, lead-1, auditor-03 and dco-1 (health).
    static func makeStore() throws -> AuditStore {
        let store = try temporaryStore()
        let text = try String(contentsOfFile: Project.path("criteria/ehcp-qa.yaml"), encoding: .utf8)
        try store.addFramework(text: text, file: "ehcp-qa.yaml", at: "t")
        for (name, role) in [("lead-1", AuditStore.Role.lead), ("auditor-03", .auditor), ("dco-1", .dco)] {
            try store.addUser(
                name: name, role: role, agency: role == .dco ? .health : nil,
                passwordHash: Accounts.hashPassword(Self.password), at: "t")
        }
        return store
    }

    /// Adds a user with the shared password.
    func addUser(_ name: String, _ role: AuditStore.Role, agency: Agency? = nil) throws {
        try store.addUser(
            name: name, role: role, agency: agency, passwordHash: Accounts.hashPassword(Self.password), at: "t")
    }

    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await test(Workspace(store: store), body)
    }

    /// Runs `body` against `workspace`'s routes, logging to `logger` when given.
    func test(
        _ workspace: Workspace, logger: Logger? = nil, _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let app = Application(router: workspace.router(), logger: logger)
        try await app.test(.router) { client in try await body(client) }
    }

    static func form(_ pairs: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed)! }
        let text = pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        return ByteBuffer(string: text)
    }

    /// Where a response sends the browser, without the query (the banner's `done`).
    static func path(_ response: TestResponse) -> String? {
        response.headers[.location].map { String($0.split(separator: "?", maxSplits: 1)[0]) }
    }

    static var formType: HTTPFields { [.contentType: "application/x-www-form-urlencoded"] }

    /// Signs in through the sign-in form (its CSRF token and cookie) and returns the session
    /// cookie header and the pages' CSRF token.
    func signIn(_ client: any TestClientProtocol, as name: String) async throws -> (cookie: HTTPFields, csrf: String) {
        let response = try await signInAttempt(client, name: name, password: Self.password)
        #expect(response.status == .seeOther)
        let setCookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("ehcp_session=") })
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"))
        let cookie: HTTPFields = [.cookie: String(setCookie.split(separator: ";")[0])]
        let page = try await client.execute(uri: "/", method: .get, headers: cookie)
        let html = String(buffer: page.body)
        let csrf = try #require(html.firstMatch(of: /name="csrf" value="([0-9a-f]+)"/)).1
        return (cookie, String(csrf))
    }

    /// The sign-in form's cookie header and token, as a browser gets them from `GET /login`.
    func signInForm(_ client: any TestClientProtocol) async throws -> (cookie: HTTPFields, csrf: String) {
        let page = try await client.execute(uri: "/login", method: .get)
        let setCookie = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("ehcp_sign_in=") })
        let csrf = try #require(String(buffer: page.body).firstMatch(of: /name="csrf" value="([0-9a-f.]+)"/)).1
        return ([.cookie: String(setCookie.split(separator: ";")[0])], String(csrf))
    }

    /// One sign-in through the form, as a browser makes it.
    func signInAttempt(
        _ client: any TestClientProtocol, name: String, password: String, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        let form = try await signInForm(client)
        var headers = form.cookie
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers.append(contentsOf: extra)
        return try await client.execute(
            uri: "/login", method: .post, headers: headers,
            body: Self.form([("csrf", form.csrf), ("username", name), ("password", password)]))
    }

    /// The worked example's form fields.
    static func workedExample(
        csrf: String, status: String = "final", change: [String: String] = [:]
    ) throws
        -> [(String, String)]
    {
        let record = try #require(try scoredSamples().map(\.0).first { $0.auditId == "AUD-2025-06-0005" })
        var pairs = [("csrf", csrf), ("planId", record.planId), ("auditDate", "2025-06-12"), ("kind", "routine")]
        pairs += record.judgements.map { ("judgement.\($0.criterion)", change[$0.criterion] ?? $0.rating) }
        pairs.append(("status", status))
        // A final audit is stored once its answers are confirmed.
        if status == "final" { pairs.append(("confirmed", "yes")) }
        return pairs
    }
}

extension WorkspaceTesting {
    /// Posts form fields as a signed-in user, with their CSRF token.
    func post(
        _ client: any TestClientProtocol, _ uri: String, as session: (cookie: HTTPFields, csrf: String),
        _ pairs: [(String, String)]
    ) async throws -> TestResponse {
        var headers = session.cookie
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(
            uri: uri, method: .post, headers: headers, body: Self.form([("csrf", session.csrf)] + pairs))
    }

    /// The page at `uri` as a signed-in user: its status and its HTML.
    func page(
        _ client: any TestClientProtocol, _ uri: String, as session: (cookie: HTTPFields, csrf: String)
    )
        async throws -> (status: HTTPResponse.Status, html: String)
    {
        let response = try await client.execute(uri: uri, method: .get, headers: session.cookie)
        return (response.status, String(buffer: response.body))
    }

    /// Stores the bundled sample audits.
    func importSamples() throws {
        let records = try scoredSamples().map(\.0)
        let json = "[" + records.map(RecordJSONWriter.record).joined(separator: ",") + "]"
        let source = JSONRecordSource(bytes: Array(json.utf8), name: "samples.json")
        _ = try AuditImport(into: store, at: "t").run(source, scoringWith: try store.frameworkCatalog())
    }
}
