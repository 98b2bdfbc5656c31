import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// A context whose state-changing requests carry a form with a CSRF token.
protocol FormContext: RequestContext {
    /// The token the form must carry: the session's, or the sign-in form's before there is one.
    var csrfToken: String? { get }
    /// The form, once read and checked.
    var form: FormFields { get set }
}

/// Guards every state-changing request of its group (sign-in included) against forgery:
/// a request from another site (`Sec-Fetch-Site`, `Origin`) is refused, and so is a form
/// without the token the page was given. The form is read once, within `limits`, before
/// anything else looks at it, and handed on in the context.
struct CSRFMiddleware<Context: FormContext>: RouterMiddleware {
    let limits: FormLimits
    /// Served over TLS (`--secure-cookies`): an `Origin` must then be `https`.
    let secure: Bool

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        guard Self.isSameOrigin(request, secure: secure) else {
            throw PageError(.forbidden, "This form was sent from another site, so it was refused")
        }
        var request = request
        var context = context
        context.form = try await request.readForm(limits)
        guard let expected = context.csrfToken, Security.same(context.form["csrf"] ?? "", expected) else {
            throw PageError.expired
        }
        return try await next(request, context)
    }

    /// A browser says where a request comes from: `Sec-Fetch-Site` (only `same-origin`, or
    /// `none` for a person's own action, is ours) and `Origin` (our own scheme and host). A
    /// client that sends neither is not a browser page, and the token alone decides.
    static func isSameOrigin(_ request: Request, secure: Bool) -> Bool {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], !["same-origin", "none"].contains(site) {
            return false
        }
        guard let origin = request.headers[HTTPField.Name("Origin")!] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == (secure ? "https://" : "http://") + host
    }
}

/// How much of a form the workspace reads: bytes and fields, checked before the form is
/// parsed, so that a large or many-fielded body costs no more than its bytes.
struct FormLimits: Sendable {
    var bytes: Int
    var fields: Int

    /// The sign-in form: a name, a password and a token.
    static let signIn = FormLimits(bytes: 8 << 10, fields: 8)
    /// Every other form; the audit form with many advices has a few thousand fields.
    static let page = FormLimits(bytes: 1 << 20, fields: 10_000)
    /// A form with a plan document (docs/plan-checks.md: at most 20 MiB) and the audit form's fields.
    static let upload = FormLimits(bytes: (20 << 20) + (1 << 20), fields: 10_000)
}

extension Request {
    /// The body as form fields: `413` over the limits, `400` when it is not a form, `408`
    /// when it takes longer than ``Security/bodyDeadline`` to arrive.
    mutating func readForm(_ limits: FormLimits) async throws -> FormFields {
        if let length = headers[.contentLength].flatMap({ Int($0) }), length > limits.bytes {
            throw PageError.tooLarge(limits)
        }
        let body = try await collectBody(limits)
        if let type = headers[.contentType], let boundary = MultipartForm.boundary(type) {
            guard let fields = MultipartForm.parse(body, boundary: boundary, fields: limits.fields) else {
                throw PageError(.badRequest, "The form could not be read: go back and try again")
            }
            return fields
        }
        let bytes = Array(body.readableBytesView)
        guard bytes.lazy.filter({ $0 == UInt8(ascii: "&") }).count < limits.fields else {
            throw PageError.tooLarge(limits)
        }
        guard let fields = FormFields(body: bytes) else {
            throw PageError(.badRequest, "The form could not be read: go back and try again")
        }
        return fields
    }

    /// The whole body, up to `limits.bytes`, within the deadline.
    private mutating func collectBody(_ limits: FormLimits) async throws -> ByteBuffer {
        let body = self.body
        let buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: limits.bytes) }
            group.addTask {
                try await Task.sleep(for: Security.bodyDeadline)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else {
                throw PageError(.requestTimeout, "The form took too long to arrive: try again")
            }
            return buffer
        }
        self.body = .init(buffer: buffer)
        return buffer
    }
}

extension PageError {
    static func tooLarge(_ limits: FormLimits) -> PageError {
        PageError(
            .contentTooLarge,
            "The form is too large (more than \(limits.bytes >> 10) KB or \(limits.fields) fields), so nothing was saved"
        )
    }
}
