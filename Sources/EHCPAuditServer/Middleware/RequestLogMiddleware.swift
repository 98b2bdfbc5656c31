import EHCPAuditKit
import Hummingbird
import Logging

/// One line per request through the request's logger: method, path without its query,
/// status, duration and who was signed in (`-` for nobody); never a form value.
///
/// ```text
/// POST /audits 303 41ms auditor-03
/// ```
///
/// With `fields`, the same facts are also the line's metadata (`method`, `route` — the
/// route's pattern, `status`, `duration_ms`, `user`), for a structured log (``JSONLogHandler``).
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext
    var fields = false

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let user = context.signedIn.current?.user.name
        var logger = context.logger
        if let user { logger[metadataKey: "user"] = .string(user) }
        if fields {
            logger[metadataKey: "method"] = .string(request.method.rawValue)
            logger[metadataKey: "route"] = .string(context.endpointPath ?? "NotFound")
            logger[metadataKey: "status"] = .stringConvertible(response.status.code)
            logger[metadataKey: "duration_ms"] = .stringConvertible(milliseconds)
        }
        logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(milliseconds)ms \(user ?? "-")")
        return response
    }
}
