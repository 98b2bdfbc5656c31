import Foundation
import HummingbirdBcrypt

/// Passwords: bcrypt at cost 12, on threads of their own (``BlockingWork``). Every sign-in
/// checks exactly one password, whether or not the name exists, is disabled or is locked
/// (against a decoy hash), so the time an answer takes says nothing about the name.
struct Passwords: Sendable {
    /// Checks a password against a hash: bcrypt unless a test counts the checks.
    var verify: @Sendable (_ password: String, _ hash: String) -> Bool = { Bcrypt.verify($0, hash: $1) }

    static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: Security.bcryptCost) }

    /// A hash no password is known for, made once, at the same cost as every user's.
    static let decoy = hash(Security.randomToken())
}
