import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in and out (docs/workspace.md, "Security").
extension Workspace {
    /// `GET /login`: the form, with a CSRF token of its own (in a cookie, until there is a session).
    @Sendable func signInPage(_ request: Request, context: WorkspaceContext) async throws -> Response {
        let next = Self.localPath(request.uri.queryParameters["next"])
        if context.user != nil { return .redirect(to: next.map { Link(address: $0) } ?? .home) }
        return signInForm(error: nil, next: next, status: .ok)
    }

    /// `POST /login`: checks a name and password. Five failures in a row lock the name for 15
    /// minutes; a refusal never says which of the two was wrong, nor that the name is locked,
    /// and takes the same time whatever the name (one password check each, ``Passwords``).
    @Sendable func signIn(_ request: Request, context: WorkspaceContext) async throws -> Response {
        let name = context.form["username"] ?? "", password = context.form["password"] ?? ""
        let next = Self.localPath(context.form["next"].map { Substring($0) })
        let now = now()
        let attempt = try await withStore { store in
            try store.beginSignIn(
                name: name, limit: Security.failuresBeforeLock,
                lockUntil: Security.timestamp(now.addingTimeInterval(Security.lockout)), at: Security.timestamp(now))
        }
        let passwords = passwords
        // A user made by the identity provider has no password: no password is right.
        var hash = Passwords.decoy
        if case .check(let known) = attempt, !known.isEmpty { hash = known }
        let checked = hash
        let right = try await passwordWork.run { passwords.verify(password, checked) }
        guard case .check(let known) = attempt, !known.isEmpty, right else {
            metrics?.signInFailed()
            if case .check = attempt {
                try await withStore { try $0.recordFailedSignIn(name: name, at: Security.timestamp(now)) }
            }
            return signInForm(
                error: "The name or the password is not right, or the account is locked.", next: next,
                status: .unauthorized)
        }
        try await withStore { try $0.recordSignIn(name: name, at: Security.timestamp(now)) }
        return .redirect(
            to: next.map { Link(address: $0) } ?? .home,
            cookies: [
                try await startSession(for: name, at: now),
                Security.cookie(Security.signInCookie, "", secure: secureCookies, maxAge: 0),
            ])
    }

    /// A new session for a user who has just proved who they are: its cookie.
    func startSession(for name: String, at now: Date) async throws -> Cookie {
        let session = WorkspaceContext.Session(id: Security.randomToken(), csrf: Security.randomToken())
        let value = try JSONEncoder().encode(KeptSession(csrf: session.csrf))
        try await withStore { store in
            try store.createSession(
                id: session.id, user: name, value: value,
                expires: Security.timestamp(now.addingTimeInterval(Security.idleSession)))
        }
        return Security.cookie(Security.sessionCookie, session.id, secure: secureCookies)
    }

    /// `POST /logout`: ends the session.
    @Sendable func signOut(_ request: Request, context: SignedInContext) async throws -> Response {
        let id = context.session.id
        try await withStore { try $0.removeSession(id: id) }
        return .redirect(
            to: Link("login"), cookies: [Security.cookie(Security.sessionCookie, "", secure: secureCookies, maxAge: 0)])
    }

    /// A page of this site to go back to after signing in: a path that starts with one `/`
    /// (never another site's address, `//host` or `https://…`).
    static func localPath(_ next: Substring?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
            !next.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { return nil }
        return String(next)
    }

    private func signInForm(error: String?, next: String?, status: HTTPResponse.Status) -> Response {
        let token = Security.signInToken(key: signInKey)
        let message = error.map { text -> HTML in "<div class=\"error-summary\" role=\"alert\"><p>\(text)</p></div>" }
        var provider = HTML.empty
        if let openID {
            let start = Link("login", "start", query: ["next": next])
            provider = """
                <p><a class="button" href="\(start)">Sign in with \(openID.settings.providerName)</a></p>
                \(allowsPasswords ? "<h2>Or sign in with a name and password</h2>" : HTML.empty)
                """
        }
        let passwordForm: HTML =
            !allowsPasswords
            ? .empty
            : """
            <form method="post" action="/login">
            <input type="hidden" name="csrf" value="\(token)">\
            \(next.map { next -> HTML in "<input type=\"hidden\" name=\"next\" value=\"\(next)\">" } ?? .empty)
            <div class="field"><label for="f-username">Name</label>\
            <input type="text" id="f-username" name="username" autocomplete="username" required></div>
            <div class="field"><label for="f-password">Password</label>\
            <input type="password" id="f-password" name="password" autocomplete="current-password" required></div>
            <div class="buttons"><button type="submit">Sign in</button></div>
            </form>
            """
        let body: HTML = "\(message ?? .empty)\(provider)\(passwordForm)"
        var response = Response.html(Page.render(title: "Sign in", user: nil, csrf: nil, body: body), status: status)
        response.setCookie(Security.cookie(Security.signInCookie, token, secure: secureCookies, maxAge: 3600))
        return response
    }
}
