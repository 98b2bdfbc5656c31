import Hummingbird

/// Gives every response the security headers (docs/workspace.md, "Security"), HSTS behind
/// TLS, and `Cache-Control: no-store` unless the route chose its own caching (the static
/// files), so that no signed-in page is kept by a browser or a proxy.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let secure: Bool

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        for (name, value) in Security.headers { response.headers[name] = value }
        if secure { response.headers[Security.strictTransport.0] = Security.strictTransport.1 }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
