import Crypto
import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt

/// The workspace's security rules (docs/workspace.md, "Security") in one place.
enum Security {
    static let bcryptCost: UInt8 = 12
    static let idleSession: TimeInterval = 8 * 60 * 60
    static let failuresBeforeLock = 5
    static let lockout: TimeInterval = 15 * 60
    static let formLimit = 1 << 20
    static let apiLimit = 64 << 20
    static let cookie = "ehcp_session"

    /// Headers on every response: only the server's own script and style, no framing, no
    /// sniffing, no referrer beyond the site.
    static let headers: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Referrer-Policy")!, "same-origin"),
    ]

    static func hashPassword(_ password: String) -> String {
        Bcrypt.hash(password, cost: bcryptCost)
    }

    static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A new random secret: 32 bytes as lowercase hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// How an API token is kept: its SHA-256, so that the store never holds the token.
    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func timestamp(_ date: Date = Date()) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// Today's date (UTC), as audits are dated.
    static func today(_ date: Date = Date()) -> CalendarDate {
        CalendarDate(String(timestamp(date).prefix(10)))!
    }

    /// Constant-time comparison, for CSRF tokens.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The session cookie's value from a request, if any.
    static func sessionKey(_ request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0] == cookie { return pair[1] }
            }
        }
        return nil
    }

    static func setCookie(_ key: String, secure: Bool) -> String {
        "\(cookie)=\(key); HttpOnly; SameSite=Strict; Path=/" + (secure ? "; Secure" : "")
    }

    static func clearCookie(secure: Bool) -> String {
        "\(cookie)=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0" + (secure ? "; Secure" : "")
    }
}

/// Adds the security headers to every response and logs one line per request (method,
/// path without query, status, duration, user; never a form value).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext
    let log: @Sendable (String) -> Void

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Response(status: error.status)
        }
        for (name, value) in Security.headers { response.headers[name] = value }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        log(
            """
            \(request.method) \(request.uri.path) \(response.status.code) \(Int(milliseconds))ms \
            \(context.user?.name ?? "-")
            """
        )
        return response
    }
}

/// Reads the session cookie: a live session in the store signs the request in and is
/// kept alive for another eight idle hours.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext
    let store: AuditStore

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let key = Security.sessionKey(request),
            let (name, value) = try store.session(key, now: Security.timestamp()),
            let session = try? JSONDecoder().decode(WorkspaceContext.Session.self, from: value),
            let user = try store.user(named: name), !user.disabled
        {
            context.user = user
            context.session = session
            try store.saveSession(
                key, user: name, value: value,
                expires: Security.timestamp(Date().addingTimeInterval(Security.idleSession)))
        }
        return try await next(request, context)
    }
}
