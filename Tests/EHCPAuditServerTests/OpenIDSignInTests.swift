import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import Testing

/// Signing in through an OpenID Connect provider (docs/deploying.md, "Single sign-on"),
/// against a provider served on loopback (``TestIdentityProvider``): the flow, every token
/// that must be refused, roles from groups, key rotation, and passwords turned off.
struct OpenIDSignInTests: WorkspaceTesting {
    let store: AuditStore
    let provider = TestIdentityProvider()

    init() throws { store = try Self.makeStore() }

    static func settings(issuer: String) -> OpenIDSettings {
        OpenIDSettings(
            issuer: issuer, clientId: TestIdentityProvider.clientId, clientSecret: TestIdentityProvider.clientSecret,
            redirectURL: "http://127.0.0.1:8080/login/callback", providerName: "Test Council", rolesClaim: "groups",
            roles: [
                .init(value: "ehcp-dco", role: "dco", agency: .health), .init(value: "ehcp-auditors", role: "auditor"),
            ])
    }

    /// The claims a right token has; a test changes one.
    static func claims(
        issuer: String, nonce: String, name: String = "aud-77", groups: [String] = ["staff", "ehcp-dco"]
    ) -> TestIdentityProvider.SignedClaims {
        .init(
            iss: issuer, sub: "subject-1", aud: TestIdentityProvider.clientId,
            exp: Int(Date().timeIntervalSince1970) + 300, nonce: nonce, preferredUsername: name, groups: groups)
    }

    /// Runs `body` with the provider and a workspace signing in through it.
    func withProvider(
        passwords: Bool = true,
        _ body: @Sendable (_ issuer: String, _ client: any TestClientProtocol) async throws -> Void
    ) async throws {
        let store = store
        try await provider.run { issuer in
            let workspace = Workspace(store: store, openID: Self.settings(issuer: issuer), passwords: passwords)
            try await test(workspace) { client in try await body(issuer, client) }
        }
    }

    /// One sign-in: start, the provider's part (a code for the attempt's challenge, the token
    /// `token` makes from the nonce), and the callback. Returns the callback's answer.
    func signInThroughProvider(
        _ client: any TestClientProtocol, next: String? = nil, state: String? = nil, sendCookie: Bool = true,
        token: @escaping @Sendable (_ nonce: String) async throws -> String
    ) async throws -> TestResponse {
        let start = try await client.execute(uri: "/login/start" + (next.map { "?next=\($0)" } ?? ""), method: .get)
        #expect(start.status == .seeOther)
        let location = try #require(start.headers[.location])
        let query = try #require(URLComponents(string: location)?.queryItems)
        func item(_ name: String) -> String? { query.first { $0.name == name }?.value }
        #expect(item("response_type") == "code" && item("code_challenge_method") == "S256")
        #expect(item("client_id") == TestIdentityProvider.clientId)
        #expect(item("redirect_uri") == "http://127.0.0.1:8080/login/callback")
        #expect(item("scope") == "openid profile email")
        let setCookie = try #require(start.headers[values: .setCookie].first { $0.hasPrefix("ehcp_oidc=") })
        #expect(setCookie.contains("SameSite=Lax") && setCookie.contains("HttpOnly"))
        let code = "code-\(UUID().uuidString)"
        await provider.state.hand(
            code: code, challenge: try #require(item("code_challenge")), nonce: try #require(item("nonce")))
        await provider.state.setMaker(token)
        var headers: HTTPFields = [:]
        if sendCookie { headers[.cookie] = String(setCookie.split(separator: ";")[0]) }
        return try await client.execute(
            uri: "/login/callback?code=\(code)&state=\(state ?? item("state")!)", method: .get, headers: headers)
    }

    @Test func signsInThroughTheProviderWithTheRoleItsGroupsGive() async throws {
        try await withProvider { issuer, client in
            let provider = provider
            let answer = try await signInThroughProvider(client, next: "/reports/monthly") { nonce in
                try await provider.state.sign(Self.claims(issuer: issuer, nonce: nonce))
            }
            #expect(answer.status == .ok)
            #expect(answer.headers[HTTPField.Name("Refresh")!] == "0; url=/reports/monthly")
            let session = try #require(answer.headers[values: .setCookie].first { $0.hasPrefix("ehcp_session=") })
            #expect(session.contains("SameSite=Strict"))
            let page = try await client.execute(
                uri: "/", method: .get, headers: [.cookie: String(session.split(separator: ";")[0])])
            #expect(page.status == .ok && String(buffer: page.body).contains("aud-77"))
            let user = try #require(try store.user(named: "aud-77"))
            #expect(user.role == .dco && user.agency == .health && user.passwordHash.isEmpty)
            #expect(try store.trail().contains { $0.action == "sign-in" && $0.user == "aud-77" })
        }
    }

    @Test func refusesEveryTokenThatIsNotRight() async throws {
        try await withProvider { issuer, client in
            let provider = provider
            let stranger = try TestIdentityProvider.newKey()
            let cases: [(String, @Sendable (String) async throws -> String)] = [
                (
                    "has expired",
                    { nonce in
                        var claims = Self.claims(issuer: issuer, nonce: nonce)
                        claims.exp = Int(Date().timeIntervalSince1970) - 60
                        return try await provider.state.sign(claims)
                    }
                ),
                (
                    "issued for another application",
                    { nonce in
                        var claims = Self.claims(issuer: issuer, nonce: nonce)
                        claims.aud = "another-client"
                        return try await provider.state.sign(claims)
                    }
                ),
                (
                    "issued by",
                    { nonce in
                        var claims = Self.claims(issuer: issuer, nonce: nonce)
                        claims.iss = "https://elsewhere.example"
                        return try await provider.state.sign(claims)
                    }
                ),
                ("nonce differs", { _ in try await provider.state.sign(Self.claims(issuer: issuer, nonce: "old")) }),
                (
                    "signature is not the provider's",
                    { nonce in
                        // Signed, then a claim changed: lead for a DCO.
                        let token = try await provider.state.sign(Self.claims(issuer: issuer, nonce: nonce))
                        let parts = token.split(separator: ".")
                        var claims = Self.claims(issuer: issuer, nonce: nonce, groups: ["ehcp-auditors"])
                        claims.sub = "subject-2"
                        let forged = Data(try JSONEncoder().encode(claims)).base64EncodedString()
                            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                            .replacingOccurrences(of: "=", with: "")
                        return "\(parts[0]).\(forged).\(parts[2])"
                    }
                ),
                (
                    "key the provider does not publish",
                    { nonce in
                        try await provider.state.sign(
                            Self.claims(issuer: issuer, nonce: nonce), key: stranger, kid: "x")
                    }
                ),
                (
                    "which is not accepted",
                    { nonce in
                        let header = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64EncodedString()
                        let token = try await provider.state.sign(Self.claims(issuer: issuer, nonce: nonce))
                        return header.replacingOccurrences(of: "=", with: "") + "." + token.split(separator: ".")[1]
                            + "."
                    }
                ),
            ]
            for (reason, token) in cases {
                let answer = try await signInThroughProvider(client, token: token)
                let page = String(buffer: answer.body)
                #expect(answer.status == .unauthorized, "\(reason)")
                #expect(page.contains(reason), "\(reason): \(page)")
                #expect(!answer.headers[values: .setCookie].contains { $0.hasPrefix("ehcp_session=") })
            }
            #expect(try store.user(named: "aud-77") == nil, "no refused token makes a user")
            #expect(try store.trail().filter { $0.action == "sign-in.refused" }.count == cases.count)
        }
    }

    @Test func refusesAnAnswerForAnotherAttemptOrBrowser() async throws {
        try await withProvider { issuer, client in
            let provider = provider
            let token: @Sendable (String) async throws -> String = { nonce in
                try await provider.state.sign(Self.claims(issuer: issuer, nonce: nonce))
            }
            let wrongState = try await signInThroughProvider(client, state: "forged", token: token)
            #expect(wrongState.status == .unauthorized && String(buffer: wrongState.body).contains("does not belong"))
            let noCookie = try await signInThroughProvider(client, sendCookie: false, token: token)
            #expect(noCookie.status == .unauthorized && String(buffer: noCookie.body).contains("another browser"))
            let denied = try await client.execute(uri: "/login/callback?error=access_denied&state=x", method: .get)
            #expect(denied.status == .unauthorized)
        }
    }

    @Test func refusesAPersonWithNoRoleAndADisabledUser() async throws {
        try await withProvider { issuer, client in
            let provider = provider
            let noRole = try await signInThroughProvider(client) { nonce in
                try await provider.state.sign(Self.claims(issuer: issuer, nonce: nonce, groups: ["staff"]))
            }
            #expect(noRole.status == .forbidden && String(buffer: noRole.body).contains("has no role"))
            try store.disableUser(named: "auditor-03", at: "t")
            let disabled = try await signInThroughProvider(client) { nonce in
                try await provider.state.sign(Self.claims(issuer: issuer, nonce: nonce, name: "auditor-03"))
            }
            #expect(disabled.status == .forbidden && String(buffer: disabled.body).contains("disabled"))
            #expect(try store.user(named: "auditor-03")?.role == .auditor, "a disabled user's role is left alone")
            let named = try await signInThroughProvider(client) { nonce in
                try await provider.state.sign(Self.claims(issuer: issuer, nonce: nonce, name: "Jack Smith"))
            }
            #expect(named.status == .unauthorized && String(buffer: named.body).contains("auditor reference"))
        }
    }

    @Test func followsTheProvidersGroupsAndRotatedKeys() async throws {
        try await withProvider { issuer, client in
            let provider = provider
            _ = try await signInThroughProvider(client) { nonce in
                try await provider.state.sign(Self.claims(issuer: issuer, nonce: nonce))
            }
            try await provider.state.rotate(kid: "second")
            let again = try await signInThroughProvider(client) { nonce in
                try await provider.state.sign(Self.claims(issuer: issuer, nonce: nonce, groups: ["ehcp-auditors"]))
            }
            #expect(again.status == .ok, "a token signed with a new key is checked once the keys are fetched again")
            #expect(try store.user(named: "aud-77")?.role == .auditor, "the provider's groups decide the role")
            #expect(try store.trail().contains { $0.action == "user.role" })
        }
    }

    @Test func withoutPasswordsOnlyTheProviderSignsIn() async throws {
        try await withProvider(passwords: false) { _, client in
            let page = String(buffer: try await client.execute(uri: "/login", method: .get).body)
            #expect(page.contains("Sign in with Test Council") && !page.contains("type=\"password\""))
            let attempt = try await client.execute(
                uri: "/login", method: .post, headers: Self.formType,
                body: Self.form([("username", "auditor-03"), ("password", Self.password)]))
            #expect(attempt.status == .notFound || attempt.status == .methodNotAllowed)
            #expect(!attempt.headers[values: .setCookie].contains { $0.hasPrefix("ehcp_session=") })
        }
        try await test(Workspace(store: store)) { client in
            let page = String(buffer: try await client.execute(uri: "/login", method: .get).body)
            #expect(!page.contains("Sign in with") && page.contains("type=\"password\""))
        }
    }

    @Test func aProviderThatCannotBeReachedIsSaidInWords() async throws {
        let workspace = Workspace(store: store, openID: Self.settings(issuer: "http://127.0.0.1:9"))
        try await test(workspace) { client in
            let start = try await client.execute(uri: "/login/start", method: .get)
            #expect(start.status == .badGateway && String(buffer: start.body).contains("could not be reached"))
        }
    }
}
