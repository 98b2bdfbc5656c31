import EHCPAuditKit
import Foundation
import Hummingbird
import Logging

/// Reads the session cookie for the routes of the session group: a live session of an
/// enabled user signs the request in (the user goes in the context and in the request's
/// logger). The session's idle expiry moves on with use, written at most once a minute and
/// never in the request's way. Also picks up the sign-in form's token cookie.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext
    let workspace: Workspace

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let token = request.cookies[Security.signInCookie]?.value,
            Security.isSignInToken(token, key: workspace.signInKey)
        {
            context.signInToken = token
        }
        if let id = request.cookies[Security.sessionCookie]?.value, !id.isEmpty {
            let store = workspace.store
            let now = workspace.now()
            let found = try await workspace.storeWork.run { () -> (AuditStore.User, String, Bool)? in
                guard let session = try store.session(id: id, now: Security.timestamp(now)),
                    let kept = try? JSONDecoder().decode(KeptSession.self, from: session.value),
                    let user = try store.user(named: session.user), !user.disabled
                else { return nil }
                let fresh = Security.timestamp(
                    now.addingTimeInterval(Security.idleSession - Security.renewSessionAfter))
                return (user, kept.csrf, session.expires < fresh)
            }
            if let (user, csrf, renew) = found {
                context.user = user
                context.session = .init(id: id, csrf: csrf)
                context.signedIn.current = (user, csrf)
                context.logger[metadataKey: "user"] = .string(user.name)
                if renew { workspace.renew(session: id, from: now) }
            }
        }
        return try await next(request, context)
    }
}

/// What a session keeps in the store besides its user: its CSRF token.
struct KeptSession: Codable {
    var csrf: String
}

extension Workspace {
    /// Moves a session's expiry on, in the background: a write that must wait for an import
    /// waits there, not in a person's request, and a failure only means it is tried again
    /// on a later request.
    func renew(session id: String, from now: Date) {
        let store = store, work = storeWork
        Task {
            _ = try? await work.run {
                try store.renewSession(
                    id: id, expires: Security.timestamp(now.addingTimeInterval(Security.idleSession)))
            }
        }
    }
}
