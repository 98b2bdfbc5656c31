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
        return Hex.lowercase((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// A sign-in form's token: random, and signed with the server's key, so that only a
    /// token this server made signs anyone in (a cookie planted by another site cannot).
    static func signInToken(key: SymmetricKey) -> String {
        let random = randomToken()
        return random + "." + signature(random, key: key)
    }

    /// Whether `token` is one ``signInToken(key:)`` made with `key`.
    static func isSignInToken(_ token: String, key: SymmetricKey) -> Bool {
        let parts = token.split(separator: ".")
        return parts.count == 2 && same(String(parts[1]), signature(String(parts[0]), key: key))
    }

    private static func signature(_ text: String, key: SymmetricKey) -> String {
        Hex.lowercase(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key))
    }

    /// How an API token is kept: its SHA-256, so that the store never holds the token.
    static func tokenHash(_ token: String) -> String { AuditStore.digest(token) }

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
