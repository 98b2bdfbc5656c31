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
    }

    /// Adds a user; throws ``StoreError/userExists(name:)`` when the name is taken.
    public func addUser(name: String, role: Role, agency: Agency?, passwordHash: String, at time: String) throws {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM users WHERE name = ?", arguments: [name]) == nil else {
                throw StoreError.userExists(name: name)
            }
            try db.execute(
                sql: """
                    INSERT INTO users (name, role, agency, password_hash, disabled, failed_sign_ins, created_at)
                    VALUES (?, ?, ?, ?, 0, 0, ?)
                    """, arguments: [name, role.rawValue, agency?.rawValue, passwordHash, time])
            try log(db, user: nil, action: "user.add", subject: name, at: time)
        }
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

    /// Records a failed sign-in; the `limit`-th in a row locks the name until `lockUntil`.
    public func recordFailedSignIn(name: String, limit: Int, lockUntil: String, at time: String) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    UPDATE users SET failed_sign_ins = failed_sign_ins + 1,
                        locked_until = CASE WHEN failed_sign_ins + 1 >= ? THEN ? ELSE locked_until END
                    WHERE name = ?
                    """, arguments: [limit, lockUntil, name])
            try log(db, user: name, action: "sign-in.failed", subject: name, at: time)
        }
    }

    /// Records a sign-in, clearing the count of failures.
    public func recordSignIn(name: String, at time: String) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE name = ?", arguments: [name])
            try log(db, user: name, action: "sign-in", subject: name, at: time)
        }
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

    private static func user(_ row: Row) -> User? {
        guard let role = Role(rawValue: row["role"]) else { return nil }
        return User(
            name: row["name"], role: role, agency: (row["agency"] as String?).flatMap(Agency.init),
            passwordHash: row["password_hash"], disabled: row["disabled"], failedSignIns: row["failed_sign_ins"],
            lockedUntil: row["locked_until"])
    }
}

/// Server-side sessions: opaque values under a key, each with an expiry, for the
/// workspace's session middleware.
extension AuditStore {
    public func session(_ key: String, now: String) throws -> (user: String, value: Data)? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT user_name, value FROM sessions WHERE key = ? AND expires_at > ?",
                arguments: [key, now])
        }.map { (user: $0["user_name"], value: $0["value"]) }
    }

    public func saveSession(_ key: String, user: String, value: Data, expires: String) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO sessions (key, user_name, value, expires_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
                    """, arguments: [key, user, value, expires])
        }
    }

    public func removeSession(_ key: String) throws {
        try pool.write { db in try db.execute(sql: "DELETE FROM sessions WHERE key = ?", arguments: [key]) }
    }
}
