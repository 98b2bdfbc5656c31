import EHCPAudit
import Foundation
internal import GRDB

/// Signing in through the council's identity provider (OpenID Connect): the provider says
/// who the person is and which role its groups give them; the store keeps the user.
extension AuditStore {
    /// What a sign-in through the provider found.
    public enum ProviderSignIn: Sendable, Equatable {
        /// Signed in as this user (made on the first sign-in, its role kept up to date).
        case signedIn(User)
        /// The user is disabled in the workspace: the provider's word does not enable them.
        case disabled
    }

    /// Signs `name` in with the `role` (and `agency`) the provider's claims give, in one
    /// transaction: a new name becomes a user with no password; a known user takes the
    /// provider's role when it has changed (the trail says so), since the council's groups
    /// decide who may do what; a disabled user stays disabled. The sign-in is recorded.
    ///
    /// ```swift
    /// let outcome = try store.signInFromProvider(name: "aud-7", role: .auditor, agency: nil, at: now)
    /// ```
    public func signInFromProvider(name: String, role: Role, agency: Agency?, at time: String) throws -> ProviderSignIn
    {
        try pool.write { db in
            let known = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [name])
                .flatMap(Self.user)
            switch known {
            case .some(let user) where user.disabled:
                try log(db, user: name, action: "sign-in.refused", subject: "disabled", at: time)
                return .disabled
            case .some(let user) where user.role != role || user.agency != agency:
                try db.execute(
                    sql: "UPDATE users SET role = ?, agency = ? WHERE name = ?",
                    arguments: [role.rawValue, agency?.rawValue, name])
                try log(db, user: nil, action: "user.role", subject: "\(name) \(role.rawValue)", at: time)
            case .some: break
            case .none:
                try insertUser(db, name: name, role: role, agency: agency, passwordHash: "", at: time)
                try log(db, user: nil, action: "user.add", subject: "\(name) (first sign-in)", at: time)
            }
            try recordSignIn(db, name: name, at: time)
            return .signedIn(
                User(name: name, role: role, agency: agency, passwordHash: known?.passwordHash ?? ""))
        }
    }
}
