import EHCPAudit
import Foundation
internal import GRDB

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
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: checkingConfiguration())
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

    /// What the store holds; a table an older store lacks is left out.
    private static func counts(_ db: Database) throws -> [StoreVerification.Count] {
        let queries: [(name: String, table: String, sql: String)] = [
            ("final audits", "audits", "SELECT COUNT(*) FROM audits a WHERE \(countedAudits)"),
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
