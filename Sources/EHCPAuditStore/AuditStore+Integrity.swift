internal import EHCPAuditConcurrency
import Foundation
internal import GRDB

/// SQLite's quick check, which reads every page: a damaged store is reported by every
/// command, not only by those that happen to touch the damaged pages.
///
/// It reads the whole file (a national year: 1.2 GB, about half a second), as long as a
/// report's own queries. A reading command therefore runs it alongside its reads, on a
/// thread and connection of its own, and uses what it read only once the check has passed.
extension AuditStore {
    /// Opens the store read-only and runs `read` while the integrity check runs alongside;
    /// returns what `read` returned only if the store is intact. Throws
    /// ``StoreError/corrupt(path:detail:)`` for a damaged store, whatever `read` did.
    ///
    /// ```swift
    /// let report = try AuditStore.reading(path: "ehcp-audit.sqlite") { store in
    ///     try store.monthlyReport(for: YearMonth("2025-06")!, isPublic: true)
    /// }
    /// ```
    public static func reading<T>(path: String, _ read: (AuditStore) throws -> T) throws -> T {
        let store = try AuditStore(path: path, access: .readOnly, checkingAlongside: true)
        let result = Result { try read(store) }
        try store.finishIntegrityCheck()
        return try result.get()
    }

    /// Waits for the check begun when the store was opened, if any; throws
    /// ``StoreError/corrupt(path:detail:)`` when it found damage.
    func finishIntegrityCheck() throws {
        try integrityCheck?.value
    }

    static func checkIntegrity(_ reader: some DatabaseReader, path: String) throws {
        do {
            let result = try reader.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
            guard result == ["ok"] else {
                throw StoreError.corrupt(
                    path: path,
                    detail: result.joined(separator: "; ").split(whereSeparator: \.isNewline).joined(separator: "; "))
            }
        } catch let error as DatabaseError {
            throw StoreError.corrupt(path: path, detail: error.message ?? "\(error)")
        }
    }
}

extension Future<Void> {
    /// The quick check, on a read-only connection of its own with SQLite's default page
    /// cache (it reads every page once).
    static func integrityCheck(path: String, busyTimeout: TimeInterval) -> Future<Void> {
        Future {
            let connection: DatabaseQueue
            do {
                connection = try DatabaseQueue(
                    path: path, configuration: AuditStore.checkingConfiguration(busyTimeout: busyTimeout))
            } catch let error as DatabaseError {
                throw StoreError.corrupt(path: path, detail: error.message ?? "\(error)")
            }
            try AuditStore.checkIntegrity(connection, path: path)
            try connection.close()
        }
    }
}
