import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// What every request knows: who is signed in, once `SessionMiddleware` has read the
/// session cookie (nil before, and on routes outside the session group).
public struct WorkspaceContext: RequestContext, FormContext {
    public var coreContext: CoreRequestContextStorage
    public internal(set) var user: AuditStore.User?
    var session: Session?
    /// The sign-in form's CSRF token, from its cookie, before there is a session.
    var signInToken: String?
    var form = FormFields()
    /// Shared by every copy of this context, so that the middleware outside the session group
    /// (the request log, the error page) learn who the session signed in.
    let signedIn = SignedInRecord()

    /// A session as the workspace keeps it: its id (the cookie, kept in the store only as a
    /// hash) and its CSRF token.
    struct Session: Sendable {
        var id: String
        var csrf: String
    }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    var csrfToken: String? { session?.csrf ?? signInToken }
}

/// The context of every route that needs a signed-in user: the user and their session are
/// not optional, and ``access`` answers what they may do. Made from ``WorkspaceContext`` on
/// entering the signed-in group; with nobody signed in it throws ``SignInNeeded`` (a page
/// answers with the sign-in page).
struct SignedInContext: ChildRequestContext, FormContext {
    var coreContext: CoreRequestContextStorage
    let user: AuditStore.User
    let session: WorkspaceContext.Session
    /// The submitted form, read by ``CSRFMiddleware`` once its token is checked.
    var form: FormFields

    init(context: WorkspaceContext) throws {
        guard let user = context.user, let session = context.session else { throw SignInNeeded() }
        coreContext = context.coreContext
        self.user = user
        self.session = session
        form = context.form
    }

    var access: AccessPolicy { AccessPolicy(user) }
    var csrfToken: String? { session.csrf }

    /// A path parameter, percent-decoded (``Link`` encodes every segment it writes).
    func pathValue(_ name: String) throws -> String {
        guard let raw = parameters.get(name), let value = raw.removingPercentEncoding else {
            throw PageError(.notFound, "There is no such page")
        }
        return value
    }
}

/// Raised on entering the signed-in group with nobody signed in.
struct SignInNeeded: Error {}

/// Who a request's session signed in, for the middleware outside the session group.
final class SignedInRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (user: AuditStore.User, csrf: String)?

    var current: (user: AuditStore.User, csrf: String)? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// A request refused for a reason a person can act on: its status and message make the
/// error page (or the API's JSON error).
struct PageError: Error {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    static let notAllowed = PageError(.forbidden, "You do not have access to this page")
    static let expired = PageError(.forbidden, "This form has expired: go back, reload the page and try again")
    /// A write that waited too long for another's (an import's): worth trying again.
    static let storeBusy = PageError(
        .serviceUnavailable, "The store is busy with another task, such as an import: try again in a moment")
}
