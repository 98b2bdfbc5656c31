import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit

/// An OpenID Connect provider for the sign-in tests, served on a loopback port: discovery,
/// keys (ES256, rotated on demand) and a token endpoint that checks the client's secret and
/// PKCE verifier and answers with the ID token the test makes for the attempt.
final class TestIdentityProvider: Sendable {
    let state = State()

    actor State {
        var keys: [(kid: String, key: ES256PrivateKey)] = []
        /// The code challenge of each code the provider handed out.
        var challenges: [String: String] = [:]
        /// Makes the ID token for a code, given the attempt's nonce.
        var makeToken: @Sendable (_ nonce: String) async throws -> String = { _ in "" }
        var nonces: [String: String] = [:]
        var issuer = ""

        func rotate(kid: String) throws {
            keys.append((kid, try TestIdentityProvider.newKey()))
        }

        func jwks() -> String {
            let keys = keys.map { kid, key in
                let point = key.parameters!
                return
                    #"{"kty":"EC","crv":"P-256","alg":"ES256","use":"sig","kid":"\#(kid)","x":"\#(point.x)","y":"\#(point.y)"}"#
            }
            return #"{"keys":[\#(keys.joined(separator: ","))]}"#
        }

        /// A token with these claims, signed by the newest key (or `key`).
        func sign(_ claims: SignedClaims, key: ES256PrivateKey? = nil, kid: String? = nil) async throws -> String {
            let signing = JWTKeyCollection()
            let (newestKid, newest) = keys.last!
            await signing.add(ecdsa: key ?? newest, kid: JWKIdentifier(string: kid ?? newestKid))
            return try await signing.sign(claims, kid: JWKIdentifier(string: kid ?? newestKid))
        }

        func hand(code: String, challenge: String, nonce: String) {
            challenges[code] = challenge
            nonces[code] = nonce
        }

        func setMaker(_ maker: @escaping @Sendable (String) async throws -> String) { makeToken = maker }
        func setIssuer(_ issuer: String) { self.issuer = issuer }
    }

    /// Claims as a provider signs them; any may be wrong on purpose.
    struct SignedClaims: JWTPayload {
        var iss: String
        var sub: String
        var aud: String
        var exp: Int
        var nonce: String
        var preferredUsername: String
        var groups: [String]

        enum CodingKeys: String, CodingKey {
            case iss, sub, aud, exp, nonce, groups
            case preferredUsername = "preferred_username"
        }

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static func newKey() throws -> ES256PrivateKey { try ES256PrivateKey(backing: P256.Signing.PrivateKey()) }

    static let clientId = "ehcp-audit-test"
    static let clientSecret = "a secret: with & odd characters"

    /// Runs the provider and `body` with its issuer address.
    func run(_ body: @Sendable (String) async throws -> Void) async throws {
        try await state.rotate(kid: "first")
        let router = Router()
        let state = state
        router.get("/.well-known/openid-configuration") { _, _ -> Response in
            let issuer = await state.issuer
            return Self.json(
                """
                {"issuer":"\(issuer)","authorization_endpoint":"\(issuer)/authorize",\
                "token_endpoint":"\(issuer)/token","jwks_uri":"\(issuer)/jwks",\
                "id_token_signing_alg_values_supported":["ES256","RS256"],\
                "token_endpoint_auth_methods_supported":["client_secret_basic"]}
                """)
        }
        router.get("/jwks") { _, _ in Self.json(await state.jwks()) }
        router.post("/token") { request, _ -> Response in
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: 1 << 16))
            let fields = Dictionary(
                body.split(separator: "&").map {
                    let pair = $0.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding! }
                    return (pair[0], pair.count > 1 ? pair[1] : "")
                }, uniquingKeysWith: { a, _ in a })
            let expectedAuth =
                "Basic "
                + Data(
                    "\(Self.clientId):\(Self.clientSecret.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
                        .utf8
                )
                .base64EncodedString()
            let code = fields["code"] ?? ""
            guard request.headers[.authorization] == expectedAuth, let challenge = await state.challenges[code],
                let verifier = fields["code_verifier"],
                Data(SHA256.hash(data: Data(verifier.utf8))).base64EncodedString()
                    .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                    .replacingOccurrences(of: "=", with: "") == challenge
            else {
                return Self.json(#"{"error":"invalid_grant","error_description":"the code was refused"}"#, .badRequest)
            }
            let token = try await state.makeToken(await state.nonces[code] ?? "")
            return Self.json(#"{"access_token":"a","token_type":"Bearer","id_token":"\#(token)"}"#)
        }
        let app = Application(router: router)
        try await app.test(.live) { client in
            await state.setIssuer("http://127.0.0.1:\(client.port!)")
            try await body(await state.issuer)
        }
    }

    static func json(_ text: String, _ status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
