import Foundation
import JWTKit

/// An ID token's claims: the standard ones jwt-kit checks (`aud` against the client id, `exp`
/// against the clock) and every other string or list of strings, for the claims the settings
/// name (the user's name, their roles or groups). Claims of other shapes are left out.
struct OpenIDToken: JWTIdentityToken {
    var issuer: IssuerClaim
    var subject: SubjectClaim
    var audience: AudienceClaim
    var expires: ExpirationClaim
    var nonce: String?
    /// Every other claim that is a string or a list of strings, a string as a list of one.
    var claims: [String: [String]]

    init(
        issuer: String, subject: String, audience: [String], expires: Date, nonce: String?,
        claims: [String: [String]] = [:]
    ) {
        self.issuer = IssuerClaim(value: issuer)
        self.subject = SubjectClaim(value: subject)
        self.audience = AudienceClaim(value: audience)
        self.expires = ExpirationClaim(value: expires)
        self.nonce = nonce
        self.claims = claims
    }

    /// jwt-kit calls this once the signature is right.
    func verify(using algorithm: some JWTAlgorithm) async throws {
        try expires.verifyNotExpired()
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private static let standard: Set<String> = ["iss", "sub", "aud", "exp", "nonce"]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        issuer = try container.decode(IssuerClaim.self, forKey: Key("iss"))
        subject = try container.decode(SubjectClaim.self, forKey: Key("sub"))
        audience = try container.decode(AudienceClaim.self, forKey: Key("aud"))
        expires = try container.decode(ExpirationClaim.self, forKey: Key("exp"))
        nonce = try container.decodeIfPresent(String.self, forKey: Key("nonce"))
        var claims: [String: [String]] = [:]
        for key in container.allKeys where !Self.standard.contains(key.stringValue) {
            if let text = try? container.decode(String.self, forKey: key) {
                claims[key.stringValue] = [text]
            } else if let list = try? container.decode([String].self, forKey: key) {
                claims[key.stringValue] = list
            }
        }
        self.claims = claims
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, values) in claims {
            if values.count == 1 {
                try container.encode(values[0], forKey: Key(name))
            } else {
                try container.encode(values, forKey: Key(name))
            }
        }
        try container.encode(issuer, forKey: Key("iss"))
        try container.encode(subject, forKey: Key("sub"))
        try container.encode(audience, forKey: Key("aud"))
        try container.encode(expires, forKey: Key("exp"))
        try container.encodeIfPresent(nonce, forKey: Key("nonce"))
    }
}
