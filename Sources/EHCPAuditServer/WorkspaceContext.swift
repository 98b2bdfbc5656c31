import EHCPAuditKit
import Foundation
import HTTPTypes
import Hummingbird

/// What a request knows once the session is read: who is signed in, and the session's
/// key and CSRF token.
public struct WorkspaceContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var user: AuditStore.User?
    public var session: Session?

    public struct Session: Sendable, Codable, Equatable {
        var key: String
        var csrf: String
    }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
