import Crypto
import Foundation

/// One attempt to sign in through the provider, from the workspace sending the person away
/// to the provider sending them back. It travels in a cookie of its own, sealed (encrypted
/// and authenticated) with the server's key, so it cannot be read or changed, and it lasts
/// ten minutes: `state` ties the answer to this browser, `nonce` the ID token to this
/// attempt, and the PKCE `verifier` the code to this workspace.
struct OpenIDFlow: Codable, Equatable {
    var state: String
    var nonce: String
    var verifier: String
    /// The page to open once signed in (a local path).
    var next: String?
    /// Seconds since 1970 after which the attempt is refused.
    var expires: Double

    static let cookie = "ehcp_oidc"
    static let lifetime: TimeInterval = 10 * 60

    init(next: String?, now: Date) {
        state = Security.randomToken()
        nonce = Security.randomToken()
        verifier = Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }).base64URL
        self.next = next
        expires = now.addingTimeInterval(Self.lifetime).timeIntervalSince1970
    }

    /// PKCE's S256 challenge: the verifier's SHA-256, base64url.
    var codeChallenge: String { Data(SHA256.hash(data: Data(verifier.utf8))).base64URL }

    func sealed(with key: SymmetricKey) -> String {
        // Encoding a struct of strings and a number cannot fail; sealing with a 256-bit key neither.
        let json = (try? JSONEncoder().encode(self)) ?? Data()
        return ((try? ChaChaPoly.seal(json, using: key).combined) ?? Data()).base64URL
    }

    /// The attempt in a cookie's value: nil when it was not sealed with `key`, was changed,
    /// or has expired.
    static func opened(_ value: String, with key: SymmetricKey, now: Date) -> OpenIDFlow? {
        guard let data = Data(base64URL: value), let box = try? ChaChaPoly.SealedBox(combined: data),
            let json = try? ChaChaPoly.open(box, using: key),
            let flow = try? JSONDecoder().decode(OpenIDFlow.self, from: json),
            flow.expires > now.timeIntervalSince1970
        else { return nil }
        return flow
    }
}
