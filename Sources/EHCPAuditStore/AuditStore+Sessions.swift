import EHCPAudit
import Foundation
internal import GRDB

/// Server-side sessions for the workspace: an opaque value under a session id, with an
/// expiry. Only the SHA-256 of each id is stored, so a copy of the store (a backup, a
/// leaked file) holds no id that would sign anyone in.
extension AuditStore {
    /// A live session: whose it is, what the workspace keeps in it, and when it ends.
    public struct Session: Sendable, Equatable {
        public var user: String
        public var value: Data
        /// ISO 8601, UTC.
        public var expires: String
    }

    /// Stores a new session under `id` (kept only as its hash).
    public func createSession(id: String, user: String, value: Data, expires: String) throws {
        try pool.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO sessions (key, user_name, value, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [Self.sessionKey(id), user, value, expires])
        }
    }

    /// The session with id `id`, if it has not expired by `now`.
    public func session(id: String, now: String) throws -> Session? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT user_name, value, expires_at FROM sessions WHERE key = ? AND expires_at > ?",
                arguments: [Self.sessionKey(id), now])
        }.map { Session(user: $0["user_name"], value: $0["value"], expires: $0["expires_at"]) }
    }

    /// Moves a session's expiry to `expires`.
    public func renewSession(id: String, expires: String) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE sessions SET expires_at = ? WHERE key = ?", arguments: [expires, Self.sessionKey(id)])
        }
    }

    /// Ends a session.
    public func removeSession(id: String) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE key = ?", arguments: [Self.sessionKey(id)])
        }
    }

    /// How a session id is kept: its SHA-256 in hex.
    static func sessionKey(_ id: String) -> String { digest(id) }
}
