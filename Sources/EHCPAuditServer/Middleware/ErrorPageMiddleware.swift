import EHCPAuditKit
import HTTPTypes
import Hummingbird
import Logging

/// Catches every error a route or middleware throws and answers it: the sign-in page for a
/// page that needs one, a page with the navigation and a plain-English message (JSON under
/// `/api/`) for a refusal, `503` with `Retry-After` while the store is busy with another
/// process's write, and for anything unexpected a `500` whose cause goes to the log, never to
/// the page. The security headers are added outside it, so error pages have them too.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext
    /// Counts the answers "the store is busy" (``WorkspaceMetrics``), when measured.
    var metrics: WorkspaceMetrics?

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is SignInNeeded {
            // Back to the page asked for once signed in (a form's target is not a page).
            let next = request.method == .get ? request.uri.description : nil
            return .redirect(to: Link("login", query: ["next": next == "/" ? nil : next]))
        } catch {
            let refusal = Self.refusal(error)
            if refusal.status == .internalServerError {
                context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            }
            var response: Response
            if request.uri.path.hasPrefix("/api/") {
                response = .json(JSONOutput.error(refusal.message), status: refusal.status)
            } else {
                let signedIn = context.signedIn.current
                response = .html(
                    Page.render(title: refusal.message, user: signedIn?.user, csrf: signedIn?.csrf, body: .empty),
                    status: refusal.status)
            }
            if refusal.status == .serviceUnavailable { response.headers[.retryAfter] = "5" }
            if AuditStore.isBusy(error) { metrics?.storeWasBusy() }
            if refusal.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
            return response
        }
    }

    /// What a person is told of `error`.
    static func refusal(_ error: any Error) -> PageError {
        switch error {
        case let error as PageError: return error
        case let error as HTTPResponseError where error.status == .notFound:
            return PageError(.notFound, "There is no such page")
        case let error as HTTPResponseError where error.status == .contentTooLarge:
            return PageError(.contentTooLarge, "What was sent is too large, so nothing was saved")
        case let error as HTTPResponseError where error.status.code < 500:
            return PageError(error.status, "The request could not be understood (\(error.status.reasonPhrase))")
        case _ where AuditStore.isBusy(error):
            return .storeBusy
        default:
            return PageError(.internalServerError, "Something went wrong on the server; the details are in its log")
        }
    }
}
