import EHCPAuditTestSupport
import Foundation
import GRDB
import Testing

@testable import EHCPAuditStore

/// `verify-store`'s findings: integrity, schema version and counts.
struct StoreVerificationTests {
    /// A backup of a seeded store with a page in its middle overwritten: SQLite opens it,
    /// and its integrity check finds the damage.
    static func damagedStore() throws -> String {
        let live = try store(
            with: try scoredSamples().map(\.0) + (try scoredSamples("audits-2025-06-late.jsonl").map(\.0)))
        let path = try temporaryFolder().appendingPathComponent("damaged.sqlite").path
        _ = try AuditStore.backup(path: live.path, to: path)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 / 16_384 * 16_384)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 16_384))
        try handle.close()
        return path
    }

    @Test func aSoundStoreIsCountedKindByKind() throws {
        let store = try store(
            with: try scoredSamples().map(\.0) + (try scoredSamples("audits-2025-06-late.jsonl").map(\.0)))
        try store.addUser(name: "lead-1", role: .lead, agency: nil, passwordHash: "h", at: "t")
        let report = try AuditStore.verify(path: store.path)
        #expect(report.isSound && report.damage.isEmpty && report.problems.isEmpty && report.notes.isEmpty)
        #expect(report.appliedMigrations == StoreSchema.migrator.migrations && report.unknownMigrations.isEmpty)
        let counts = Dictionary(uniqueKeysWithValues: report.counts.map { ($0.name, $0.value) })
        #expect(counts["final audits"] == 9 && counts["draft audits"] == 1 && counts["moderation audits"] == 1)
        #expect(counts["plans audited"] == 10 && counts["users"] == 1 && counts["frameworks"] == 1)
        #expect(counts["plan checks"] == 0 && counts["populations"] == 0 && counts["trail entries"] == 1)
    }

    @Test func aDamagedStoreIsReportedWithSQLitesWords() throws {
        let report = try AuditStore.verify(path: try Self.damagedStore())
        #expect(!report.isSound && !report.damage.isEmpty)
        #expect(report.problems.allSatisfy { $0.hasPrefix("the store is damaged: ") && $0.hasSuffix("from a backup") })
    }

    @Test func aFileThatIsNotAStoreIsRefusedByName() throws {
        let text = try temporaryFile("notes.sqlite", "These are not the audits you are looking for.\n")
        #expect(throws: StoreError.notAStore(path: text)) { try AuditStore.verify(path: text) }
        let empty = try temporaryFile("empty.sqlite", "")
        #expect(throws: StoreError.notAStore(path: empty)) { try AuditStore.verify(path: empty) }
        let missing = try temporaryFolder().appendingPathComponent("none.sqlite").path
        #expect(throws: StoreError.missing(path: missing)) { try AuditStore.verify(path: missing) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func aStoreOfANewerVersionIsAProblemInPlainWords() throws {
        let store = try temporaryStore()
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')") }
        try queue.close()
        let report = try AuditStore.verify(path: store.path)
        #expect(!report.isSound && report.damage.isEmpty && report.unknownMigrations == ["v99"])
        #expect(
            report.problems == [
                """
                the store was made by a newer version of ehcp-audit (schema changes v99 are unknown to this one); read \
                and back it up with that version or a later one
                """
            ])
    }

    @Test func aStoreOfAnOlderVersionIsSoundWithANote() throws {
        let store = try temporaryStore()
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v8'") }
        try queue.close()
        let report = try AuditStore.verify(path: store.path)
        #expect(report.isSound && report.pendingMigrations == ["v8"])
        #expect(report.notes.count == 1 && report.notes[0].contains("older version: schema changes v8 are applied"))
    }
}
