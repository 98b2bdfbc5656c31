import EHCPAuditKit
import Hummingbird

/// Lets into its group only the users the access policy allows (``AccessPolicy``); anyone
/// else gets the "no access" page.
struct RoleMiddleware: RouterMiddleware {
    typealias Context = SignedInContext
    let allows: @Sendable (AccessPolicy) -> Bool

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard allows(context.access) else { throw PageError.notAllowed }
        return try await next(request, context)
    }
}
