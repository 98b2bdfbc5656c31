import Hummingbird

/// Counts every request by its route pattern, method and status, and times it
/// (``WorkspaceMetrics``). It sits outside the error page, so a refusal is counted with the
/// status the browser got.
///
/// Hummingbird's own `MetricsMiddleware` records only through the process-wide
/// `MetricsSystem`, which a test cannot give a registry of its own; this one takes the
/// workspace's.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext
    let metrics: WorkspaceMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        // A path no route matches is counted under one name, never under the path asked for.
        func record(_ status: HTTPResponse.Status) {
            metrics.request(
                route: context.endpointPath ?? "NotFound", method: request.method, status: status,
                duration: ContinuousClock.now - start)
        }
        do {
            let response = try await next(request, context)
            record(response.status)
            return response
        } catch {
            record((error as? any HTTPResponseError)?.status ?? .internalServerError)
            throw error
        }
    }
}
