import Crypto
import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The workspace's security settings (docs/workspace.md, "Security") in one place.
enum Security {
    static let bcryptCost: UInt8 = 12
    static let idleSession: TimeInterval = 8 * 60 * 60
    /// A session's expiry is written again only when it is older than this, not on every request.
    static let renewSessionAfter: TimeInterval = 60
    static let failuresBeforeLock = 5
    static let lockout: TimeInterval = 15 * 60
    /// How long a write waits for another process's (an import's) before the answer is 503.
    static let busyTimeout: TimeInterval = 5
    /// How long a request's body may take to arrive; an idle connection is closed after
    /// ``idleConnection``.
    static let bodyDeadline: Duration = .seconds(20)
    static let idleConnection: TimeAmount = .seconds(30)
    static let sessionCookie = "ehcp_session"
    /// The sign-in form's CSRF token, kept in a cookie of its own until there is a session.
    static let signInCookie = "ehcp_sign_in"

    /// Headers on every response: only the server's own script and style, no framing, no
    /// sniffing, no referrer beyond the site.
    static let headers: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Referrer-Policy")!, "same-origin"),
    ]

    /// Behind TLS (`--secure-cookies`): browsers are told to use HTTPS only, for a year.
    static let strictTransport = (HTTPField.Name("Strict-Transport-Security")!, "max-age=31536000")

    /// A new random secret: 32 bytes as lowercase hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// A sign-in form's token: random, and signed with the server's key, so that only a
    /// token this server made signs anyone in (a cookie planted by another site cannot).
    static func signInToken(key: SymmetricKey) -> String {
        let random = randomToken()
        return random + "." + hex(HMAC<SHA256>.authenticationCode(for: Array(random.utf8), using: key))
    }

    /// Whether `token` is one ``signInToken(key:)`` made with `key`.
    static func isSignInToken(_ token: String, key: SymmetricKey) -> Bool {
        let parts = token.split(separator: ".")
        guard parts.count == 2, let code = bytes(hex: parts[1]) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: Array(parts[0].utf8), using: key)
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    private static func bytes(hex: Substring) -> [UInt8]? {
        guard hex.count == 64 else { return nil }
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            out.append(byte)
            index = next
        }
        return out
    }

    /// How an API token is kept: its SHA-256, so that the store never holds the token.
    static func tokenHash(_ token: String) -> String {
        hex(SHA256.hash(data: Array(token.utf8)))
    }

    /// ISO 8601 in UTC to the second: `2026-12-06T09:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// The date (UTC) of `date`, as audits are dated.
    static func day(_ date: Date) -> CalendarDate {
        CalendarDate(String(timestamp(date).prefix(10)))!
    }

    /// Constant-time comparison, for CSRF tokens.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A cookie only the workspace's own pages send back: never to script, never cross-site.
    static func cookie(_ name: String, _ value: String, secure: Bool, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
