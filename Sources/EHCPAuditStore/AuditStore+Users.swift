import EHCPAudit
import Foundation
internal import GRDB

/// The people who use the workspace, what they may do, and the trail of what they did.
/// Passwords and API tokens are kept only as hashes made by the caller (bcrypt for
/// passwords, SHA-256 for tokens); the store never sees either in clear.
extension AuditStore {
    /// What a user may do (docs/workspace.md, "Who may do what").
    public enum Role: String, Sendable, CaseIterable {
        /// Audits plans: their own audits and the plans assigned to them.
        case auditor
        /// Designated clinical officer: the advice of their agency.
        case dco
        /// Designated social care officer: the advice of their agency.
        case dsco
        /// The QA lead: everything, for everyone.
        case lead
        /// Manages users, through the command line only.
        case admin
        /// Writes plans: checks a plan document before it is issued (the plan-check page) and
        /// reads the public report, nothing else.
        case caseworker
    }

    public struct User: Sendable, Equatable {
        /// Also the user's pseudonymous auditor reference in records.
        public var name: String
        public var role: Role
        public var agency: Agency?
        public var passwordHash: String
        public var disabled: Bool
        public var failedSignIns: Int
        /// Sign-in is refused until then (ISO 8601), after too many failures.
        public var lockedUntil: String?

        public init(
            name: String, role: Role, agency: Agency? = nil, passwordHash: String = "", disabled: Bool = false,
            failedSignIns: Int = 0, lockedUntil: String? = nil
        ) {
            self.name = name
            self.role = role
            self.agency = agency
            self.passwordHash = passwordHash
            self.disabled = disabled
            self.failedSignIns = failedSignIns
            self.lockedUntil = lockedUntil
        }
    }

    /// Adds a user; throws ``StoreError/userExists(name:)`` when the name is taken.
    public func addUser(name: String, role: Role, agency: Agency?, passwordHash: String, at time: String) throws {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM users WHERE name = ?", arguments: [name]) == nil else {
                throw StoreError.userExists(name: name)
            }
            try insertUser(db, name: name, role: role, agency: agency, passwordHash: passwordHash, at: time)
            try log(db, user: nil, action: "user.add", subject: name, at: time)
        }
    }

    /// A new, enabled user with no failed sign-ins (the caller has checked the name is free).
    func insertUser(
        _ db: Database, name: String, role: Role, agency: Agency?, passwordHash: String, at time: String
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO users (name, role, agency, password_hash, disabled, failed_sign_ins, created_at)
                VALUES (?, ?, ?, ?, 0, 0, ?)
                """, arguments: [name, role.rawValue, agency?.rawValue, passwordHash, time])
    }

    public func user(named name: String) throws -> User? {
        try pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [name]) }
            .flatMap(Self.user)
    }

    public func users() throws -> [User] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY name") }.compactMap(Self.user)
    }

    /// Disables a user: no sign-in, no API token, sessions ended.
    public func disableUser(named name: String, at time: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE users SET disabled = 1, token_hash = NULL WHERE name = ?", arguments: [name])
            guard db.changesCount > 0 else { throw StoreError.unknownUser(name: name) }
            try db.execute(sql: "DELETE FROM sessions WHERE user_name = ?", arguments: [name])
            try log(db, user: nil, action: "user.disable", subject: name, at: time)
        }
    }

    /// Replaces a user's API token (by its hash): the previous token stops working.
    public func setToken(hash: String, for name: String, at time: String) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE users SET token_hash = ? WHERE name = ? AND disabled = 0", arguments: [hash, name])
            guard db.changesCount > 0 else { throw StoreError.unknownUser(name: name) }
            try log(db, user: nil, action: "user.token", subject: name, at: time)
        }
    }

    /// The enabled user whose API token has this hash.
    public func user(tokenHash: String) throws -> User? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM users WHERE token_hash = ? AND disabled = 0", arguments: [tokenHash])
        }.flatMap(Self.user)
    }

    /// What a sign-in may do next, decided before the password is checked.
    public enum SignInAttempt: Sendable, Equatable {
        /// No enabled user of that name.
        case unknown
        /// The name is locked after too many failures.
        case locked
        /// Check the password against this hash; the attempt is already counted as a failure,
        /// which ``recordSignIn(name:at:)`` clears when the password is right.
        case check(passwordHash: String)
    }

    /// Counts a sign-in attempt for `name` before its password is checked, in one
    /// transaction, so that simultaneous guesses can never check more than `limit` passwords
    /// between locks. A lock that has expired is lifted and its failures forgotten first; the
    /// `limit`-th attempt in a row locks the name until `lockUntil` (unless its password
    /// proves right). Times are ISO 8601 in UTC.
    public func beginSignIn(name: String, limit: Int, lockUntil: String, at time: String) throws -> SignInAttempt {
        try pool.write { db in
            guard
                let user = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [name])
                    .flatMap(Self.user), !user.disabled
            else { return .unknown }
            var failures = user.failedSignIns
            if let until = user.lockedUntil {
                guard until <= time else {
                    try log(db, user: name, action: "sign-in.locked", subject: name, at: time)
                    return .locked
                }
                failures = 0
            }
            failures += 1
            try db.execute(
                sql: "UPDATE users SET failed_sign_ins = ?, locked_until = ? WHERE name = ?",
                arguments: [failures, failures >= limit ? lockUntil : nil, name])
            return .check(passwordHash: user.passwordHash)
        }
    }

    /// Records a password found wrong (already counted by ``beginSignIn(name:limit:lockUntil:at:)``).
    public func recordFailedSignIn(name: String, at time: String) throws {
        try log(user: name, action: "sign-in.failed", subject: name, at: time)
    }

    /// Records a sign-in, clearing the count of failures.
    public func recordSignIn(name: String, at time: String) throws {
        try pool.write { db in try recordSignIn(db, name: name, at: time) }
    }

    func recordSignIn(_ db: Database, name: String, at time: String) throws {
        try db.execute(
            sql: "UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE name = ?", arguments: [name])
        try log(db, user: name, action: "sign-in", subject: name, at: time)
    }

    /// Adds a line to the trail of who did what, when.
    public func log(user: String?, action: String, subject: String, at time: String) throws {
        try pool.write { db in try log(db, user: user, action: action, subject: subject, at: time) }
    }

    /// The trail, oldest first.
    public func trail() throws -> [(at: String, user: String?, action: String, subject: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT at, user_name, action, subject FROM audit_trail ORDER BY id").map {
                (at: $0["at"], user: $0["user_name"], action: $0["action"], subject: $0["subject"])
            }
        }
    }

    func log(_ db: Database, user: String?, action: String, subject: String, at time: String) throws {
        try db.execute(
            sql: "INSERT INTO audit_trail (at, user_name, action, subject) VALUES (?, ?, ?, ?)",
            arguments: [time, user, action, subject])
    }

    static func user(_ row: Row) -> User? {
        guard let role = Role(rawValue: row["role"]) else { return nil }
        return User(
            name: row["name"], role: role, agency: (row["agency"] as String?).flatMap(Agency.init),
            passwordHash: row["password_hash"], disabled: row["disabled"], failedSignIns: row["failed_sign_ins"],
            lockedUntil: row["locked_until"])
    }
}
