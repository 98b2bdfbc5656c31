import Foundation
internal import GRDB

/// What `verify-store` finds in a store file or a backup: whether SQLite finds it whole,
/// whether this version knows its schema, and what it holds.
///
/// ```swift
/// let report = try AuditStore.verify(path: "backups/ehcp-audit-2025-07-01.sqlite")
/// if !report.isSound { report.problems.forEach { print($0) } }
/// print(report.counts.map { "\($0.name): \($0.value)" })
/// ```
public struct StoreVerification: Sendable, Equatable {
    /// One figure of what the store holds, in words: `final audits`, `plans audited`, …
    public struct Count: Sendable, Equatable {
        public var name: String
        public var value: Int
    }

    public var path: String
    /// Damage found by SQLite's `integrity_check` and `foreign_key_check`, in SQLite's words
    /// and ours; empty for a whole store.
    public var damage: [String]
    /// The schema changes (migrations) applied to the store, oldest first.
    public var appliedMigrations: [String]
    /// The schema changes this version knows, oldest first.
    public var knownMigrations: [String]
    public var counts: [Count]

    /// Migrations applied by a newer version of ehcp-audit that this version does not know.
    public var unknownMigrations: [String] { appliedMigrations.filter { !knownMigrations.contains($0) } }

    /// Migrations this version would apply when the store is next opened for writing.
    public var pendingMigrations: [String] { knownMigrations.filter { !appliedMigrations.contains($0) } }

    /// Whole, and of a schema this version can read; an older schema is sound (it is
    /// brought up to date when opened for writing).
    public var isSound: Bool { damage.isEmpty && unknownMigrations.isEmpty }

    /// Every reason the store is not sound, in plain English.
    public var problems: [String] {
        var problems = damage.map { "the store is damaged: \($0); restore it from a backup" }
        if !unknownMigrations.isEmpty {
            problems.append(
                """
                the store was made by a newer version of ehcp-audit (schema changes \
                \(unknownMigrations.joined(separator: ", ")) are unknown to this one); read and back it up with that \
                version or a later one
                """)
        }
        return problems
    }

    /// What is worth knowing but is not a problem.
    public var notes: [String] {
        guard !pendingMigrations.isEmpty else { return [] }
        return [
            """
            the store was made by an older version: schema changes \(pendingMigrations.joined(separator: ", ")) \
            are applied when it is next opened for writing (an import, a user added, or serve)
            """
        ]
    }
}

extension AuditStore {
    /// Checks the store file at `path` without changing it: SQLite's full integrity check
    /// and foreign key check, the schema's migrations against those this version knows,
    /// and counts of what it holds. Throws ``StoreError`` when there is no file, or it is
    /// not an ehcp-audit store at all; damage is reported in the value, not thrown.
    public static func verify(path: String) throws -> StoreVerification {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw StoreError.missing(path: path)
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular, (attributes[.size] as? Int ?? 0) > 0 else {
            throw StoreError.notAStore(path: path)
        }
        try checkIdentity(path)
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw StoreError.unreadable(path: path, reason: error.message ?? "\(error)")
        }
        defer { try? queue.close() }
        // Outside a transaction: closing one on a damaged file fails, and would hide what was found.
        let damage = try queue.inDatabase(Self.damage)
        var report = StoreVerification(
            path: path, damage: damage, appliedMigrations: [], knownMigrations: StoreSchema.migrator.migrations,
            counts: [])
        // A damaged store's tables may not be readable: the damage is the finding.
        guard damage.isEmpty else { return report }
        do {
            (report.appliedMigrations, report.counts) = try queue.read { db in
                (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"), try Self.counts(db))
            }
        } catch let error as DatabaseError {
            report.damage.append(error.message ?? "\(error)")
        }
        return report
    }

    /// SQLite's integrity check (the first 20 faults) and the rows that name a missing row.
    private static func damage(_ db: Database) throws -> [String] {
        var damage: [String] = []
        do {
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
            if integrity != ["ok"] {
                damage += integrity.flatMap { $0.split(whereSeparator: \.isNewline) }.map(String.init)
            }
            // One line per table and missing parent: (table, rowid, parent, key) for each row.
            var orphans: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                orphans["\(row[0] as String) name a \(row[2] as String) row that is missing", default: 0] += 1
            }
            for (words, count) in orphans.sorted(by: { $0.key < $1.key }) {
                damage.append("\(count) \(count == 1 ? "row" : "rows") of \(words)")
            }
        } catch let error as DatabaseError {
            damage.append(error.message ?? "\(error)")
        }
        return damage
    }

    /// What the store holds; a table a older store lacks is left out.
    private static func counts(_ db: Database) throws -> [StoreVerification.Count] {
        let queries: [(name: String, table: String, sql: String)] = [
            ("final audits", "audits", "SELECT COUNT(*) FROM audits WHERE status = 'final' AND kind != 'moderation'"),
            ("draft audits", "audits", "SELECT COUNT(*) FROM audits WHERE status = 'draft' AND kind != 'moderation'"),
            ("moderation audits", "audits", "SELECT COUNT(*) FROM audits WHERE kind = 'moderation'"),
            ("plans audited", "audits", "SELECT COUNT(DISTINCT plan_id) FROM audits"),
            ("earlier audit versions", "audit_history", "SELECT COUNT(*) FROM audit_history"),
            ("advice reviews", "advice_reviews", "SELECT COUNT(*) FROM advice_reviews"),
            ("plan checks", "plan_checks", "SELECT COUNT(*) FROM plan_checks"),
            ("frameworks", "frameworks", "SELECT COUNT(*) FROM frameworks"),
            ("populations", "populations", "SELECT COUNT(*) FROM populations"),
            ("samples", "samples", "SELECT COUNT(*) FROM samples"),
            ("imports", "imports", "SELECT COUNT(*) FROM imports"),
            ("users", "users", "SELECT COUNT(*) FROM users"),
            ("trail entries", "audit_trail", "SELECT COUNT(*) FROM audit_trail"),
        ]
        return try queries.compactMap { query in
            guard try db.tableExists(query.table) else { return nil }
            return StoreVerification.Count(name: query.name, value: try Int.fetchOne(db, sql: query.sql) ?? 0)
        }
    }
}
