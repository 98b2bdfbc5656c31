import AsyncHTTPClient
import Crypto
import EHCPAuditKit
import Foundation
import JWTKit
import NIOCore
import NIOHTTP1

/// The council's identity provider, as the workspace uses it (OpenID Connect, authorization
/// code flow with PKCE): where to send a person to sign in, the code exchanged for an ID
/// token, and that token checked by jwt-kit against the provider's published keys.
///
/// The discovery document and the keys are fetched on first use and kept; a token signed
/// with a key the workspace has not seen makes it fetch the keys again (the provider has
/// rotated them), once for each new key id.
actor OpenIDProvider {
    let settings: OpenIDSettings
    private let http: HTTPClient
    private var discovery: Discovery?
    private var keys = JWTKeyCollection()
    private var keyIds: Set<String> = []
    /// Key ids of tokens that made the workspace fetch the keys again.
    private var soughtKeyIds: Set<String> = []
    /// The most bytes the provider's answers may have.
    static let mostAnswerBytes = 1 << 20

    init(settings: OpenIDSettings, http: HTTPClient = .shared) {
        self.settings = settings
        self.http = http
    }

    /// What the workspace reads of the provider's discovery document.
    struct Discovery: Decodable, Sendable {
        var issuer: String
        var authorizationEndpoint: String
        var tokenEndpoint: String
        var jwksURI: String
        var tokenEndpointAuthMethodsSupported: [String]?
        var idTokenSigningAlgValuesSupported: [String]?

        enum CodingKeys: String, CodingKey {
            case issuer
            case authorizationEndpoint = "authorization_endpoint"
            case tokenEndpoint = "token_endpoint"
            case jwksURI = "jwks_uri"
            case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
            case idTokenSigningAlgValuesSupported = "id_token_signing_alg_values_supported"
        }
    }

    /// The address of the provider's sign-in page for one attempt.
    func signInAddress(for flow: OpenIDFlow) async throws(OpenIDError) -> String {
        let endpoint = try await discovered().authorizationEndpoint
        let parameters = [
            ("response_type", "code"), ("client_id", settings.clientId), ("redirect_uri", settings.redirectURL),
            ("scope", settings.scopes.joined(separator: " ")), ("state", flow.state), ("nonce", flow.nonce),
            ("code_challenge", flow.codeChallenge), ("code_challenge_method", "S256"),
        ]
        return endpoint + (endpoint.contains("?") ? "&" : "?") + FormEncoding.encode(parameters)
    }

    /// Exchanges the code the provider sent back for an ID token and checks it: signature,
    /// `iss`, `aud`, `exp` and the attempt's `nonce`.
    func identity(code: String, flow: OpenIDFlow) async throws(OpenIDError) -> OpenIDToken {
        let token = try await exchange(code: code, verifier: flow.verifier)
        return try await verify(token, nonce: flow.nonce)
    }

    /// Checks an ID token: the signature by the provider's keys (fetched again once for a key
    /// not seen before), the audience and expiry by jwt-kit, then the issuer and the nonce.
    func verify(_ token: String, nonce: String) async throws(OpenIDError) -> OpenIDToken {
        let discovery = try await discovered()
        guard let header = JWTHeaderFields(token) else { throw .refused("the token is not a signed JWT") }
        let allowed = discovery.idTokenSigningAlgValuesSupported ?? ["RS256"]
        guard let algorithm = header.alg, allowed.contains(algorithm), !algorithm.hasPrefix("HS"), algorithm != "none"
        else { throw .refused("the token is signed with \(header.alg ?? "nothing"), which is not accepted") }
        if let kid = header.kid, !keyIds.contains(kid) {
            // A key not seen before: the provider may have rotated its keys. Its tokens come
            // from its own token endpoint, never from the browser, so fetching again once for
            // each new key id costs little.
            if soughtKeyIds.count > 100 { soughtKeyIds.removeAll() }
            if soughtKeyIds.insert(kid).inserted { try await fetchKeys() }
            guard keyIds.contains(kid) else {
                throw .refused("the token is signed with a key the provider does not publish")
            }
        }
        let claims: OpenIDToken
        do {
            claims = try await keys.verify(token, as: OpenIDToken.self, expectedAudience: settings.clientId)
        } catch {
            throw .refused(Self.reason(error))
        }
        guard claims.issuer.value == settings.issuer else {
            throw .refused("the token was issued by \(claims.issuer.value), not \(settings.issuer)")
        }
        guard let said = claims.nonce, Security.same(said, nonce) else {
            throw .refused("the token does not answer this sign-in (its nonce differs)")
        }
        return claims
    }

    private static func reason(_ error: any Error) -> String {
        guard let error = error as? JWTError else { return "the token could not be read" }
        switch error.errorType {
        case .claimVerificationFailure:
            if error.failedClaim is ExpirationClaim { return "the token has expired" }
            if error.failedClaim is AudienceClaim { return "the token was issued for another application" }
            return "a claim of the token is not right"
        case .signatureVerificationFailed: return "the token's signature is not the provider's"
        case .unknownKID, .noKeyProvided: return "the token is signed with a key the provider does not publish"
        default: return "the token could not be checked"
        }
    }

    private func discovered() async throws(OpenIDError) -> Discovery {
        if let discovery { return discovery }
        let base = settings.issuer.hasSuffix("/") ? String(settings.issuer.dropLast()) : settings.issuer
        let found: Discovery = try await fetchJSON(base + "/.well-known/openid-configuration")
        guard found.issuer == settings.issuer else {
            throw .provider("the provider says its issuer is \(found.issuer), not \(settings.issuer)")
        }
        discovery = found
        try await fetchKeys()
        return found
    }

    private func fetchKeys() async throws(OpenIDError) {
        guard let address = discovery?.jwksURI else { return }
        let set: JWKS = try await fetchJSON(address)
        let fresh = JWTKeyCollection()
        var ids: Set<String> = []
        for key in set.keys {
            // A key jwt-kit cannot use (a curve it does not know, say) is left out, not fatal.
            guard (try? await fresh.add(jwk: key)) != nil else { continue }
            if let kid = key.keyIdentifier?.string { ids.insert(kid) }
        }
        keys = fresh
        keyIds = ids
    }

    private func exchange(code: String, verifier: String) async throws(OpenIDError) -> String {
        let discovery = try await discovered()
        var fields = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", settings.redirectURL),
            ("code_verifier", verifier), ("client_id", settings.clientId),
        ]
        var request = HTTPClientRequest(url: discovery.tokenEndpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        let methods = discovery.tokenEndpointAuthMethodsSupported ?? ["client_secret_basic"]
        if methods.contains("client_secret_basic") || !methods.contains("client_secret_post") {
            let pair = FormEncoding.component(settings.clientId) + ":" + FormEncoding.component(settings.clientSecret)
            request.headers.add(name: "Authorization", value: "Basic " + Data(pair.utf8).base64EncodedString())
        } else {
            fields.append(("client_secret", settings.clientSecret))
        }
        request.body = .bytes(ByteBuffer(string: FormEncoding.encode(fields)))
        let answer: TokenAnswer = try await send(request, what: "the token endpoint")
        guard let token = answer.idToken else {
            throw .refused(answer.errorDescription ?? answer.error ?? "the provider sent no ID token")
        }
        return token
    }

    private struct TokenAnswer: Decodable {
        var idToken: String?
        var error: String?
        var errorDescription: String?

        enum CodingKeys: String, CodingKey {
            case idToken = "id_token"
            case error
            case errorDescription = "error_description"
        }
    }

    private func fetchJSON<T: Decodable>(_ address: String) async throws(OpenIDError) -> T {
        var request = HTTPClientRequest(url: address)
        request.headers.add(name: "Accept", value: "application/json")
        return try await send(request, what: address)
    }

    /// Sends `request` and reads its JSON answer (an error answer too, for its message).
    private func send<T: Decodable>(_ request: HTTPClientRequest, what: String) async throws(OpenIDError) -> T {
        do {
            let response = try await http.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: Self.mostAnswerBytes)
            do {
                return try JSONDecoder().decode(T.self, from: Data(body.readableBytesView))
            } catch {
                throw OpenIDError.provider(
                    "\(what) answered \(response.status.code) with something that is not what was asked")
            }
        } catch let error as OpenIDError {
            throw error
        } catch {
            throw .provider("\(what) could not be reached (\(error))")
        }
    }
}

/// Why a sign-in through the provider failed: the provider could not be used, or its
/// answer was refused. Both are said in words on the page and in the log.
enum OpenIDError: Error {
    case provider(String)
    case refused(String)
}

/// The two header fields read before a token is checked: which key and which algorithm.
struct JWTHeaderFields: Decodable {
    var alg: String?
    var kid: String?

    init?(_ token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = Data(base64URL: parts[0]),
            let fields = try? JSONDecoder().decode(Self.self, from: data)
        else { return nil }
        self = fields
    }
}

extension Data {
    /// Base64url without padding (RFC 4648 §5), as JWTs and PKCE use.
    init?(base64URL text: some StringProtocol) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }

    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
