import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

extension Workspace {
    func addSignIn(_ router: Router<WorkspaceContext>) {
        router.get("/login") { _, context in
            if context.user != nil { return Response.redirect("/") }
            return .html(Page.render(title: "Sign in", user: nil, csrf: nil, body: Self.signInForm(error: nil)))
        }
        router.post("/login") { request, _ in
            guard let fields = try? await request.form() else { return Response.problem(.badRequest, "Bad request") }
            return try signIn(fields)
        }
        router.post("/logout") { request, context in
            guard let session = context.session else { return Response.redirect("/login") }
            guard let fields = try? await request.form(), Security.same(fields["csrf"] ?? "", session.csrf) else {
                return Response.problem(.forbidden, "This form has expired: go back, reload the page and try again")
            }
            try store.removeSession(session.key)
            return Response.redirect("/login", cookie: Security.clearCookie(secure: secureCookies))
        }
    }

    /// Checks a name and password; five failures in a row lock the name for 15 minutes.
    /// A refusal never says which of the two was wrong, nor that the name is locked.
    private func signIn(_ fields: FormFields) throws -> Response {
        let name = fields["username"] ?? "", password = fields["password"] ?? ""
        let now = Date()
        let refused = Response.html(
            Page.render(
                title: "Sign in", user: nil, csrf: nil,
                body: Self.signInForm(error: "The name or the password is not right, or the account is locked.")),
            status: .unauthorized)
        guard let user = try store.user(named: name), !user.disabled else { return refused }
        let locked = user.lockedUntil.flatMap { ISO8601DateFormatter().date(from: $0) }.map { $0 > now } ?? false
        guard !locked, Security.verify(password, hash: user.passwordHash) else {
            try store.recordFailedSignIn(
                name: name, limit: Security.failuresBeforeLock,
                lockUntil: Security.timestamp(now.addingTimeInterval(Security.lockout)), at: Security.timestamp(now))
            return refused
        }
        try store.recordSignIn(name: name, at: Security.timestamp(now))
        let session = WorkspaceContext.Session(key: Security.randomToken(), csrf: Security.randomToken())
        try store.saveSession(
            session.key, user: name, value: try JSONEncoder().encode(session),
            expires: Security.timestamp(now.addingTimeInterval(Security.idleSession)))
        return .redirect("/", cookie: Security.setCookie(session.key, secure: secureCookies))
    }

    static func signInForm(error: String?) -> String {
        """
        \(error.map { "<div class=\"error-summary\" role=\"alert\"><p>\(Page.escape($0))</p></div>" } ?? "")
        <form method="post" action="/login">
        <div class="field"><label for="f-username">Name</label>\
        <input type="text" id="f-username" name="username" autocomplete="username" required></div>
        <div class="field"><label for="f-password">Password</label>\
        <input type="password" id="f-password" name="password" autocomplete="current-password" required></div>
        <div class="buttons"><button type="submit">Sign in</button></div>
        </form>
        """
    }
}
