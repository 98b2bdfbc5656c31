import EHCPAuditConcurrency
import EHCPAuditTestSupport
import Foundation
import GRDB
import Testing

@testable import EHCPAuditStore

/// Backups made with SQLite's online backup while others write, whole or not at all.
struct AuditStoreBackupTests {
    /// The audits whose import has returned, and whether the backup is done, shared by the
    /// writers and the test.
    final class CommitLog: @unchecked Sendable {
        private let condition = NSCondition()
        private var committed: [String] = []
        private var backedUp = false

        func commit(_ ids: [String]) {
            condition.lock()
            committed += ids
            condition.broadcast()
            condition.unlock()
        }

        /// Waits until at least `count` audits are committed, then returns those committed.
        func committed(atLeast count: Int) -> Set<String> {
            condition.lock()
            defer { condition.unlock() }
            while committed.count < count { condition.wait() }
            return Set(committed)
        }

        var isBackedUp: Bool {
            get { condition.withLock { backedUp } }
            set { condition.withLock { backedUp = newValue } }
        }

        var all: Set<String> { condition.withLock { Set(committed) } }
    }

    @Test func aBackupWhileTwentyWritersCommitHoldsEveryAuditCommittedBeforeIt() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("live.sqlite").path
        let text = try String(contentsOfFile: Project.path("criteria/ehcp-qa.yaml"), encoding: .utf8)
        try AuditStore(path: path).addFramework(text: text, file: "ehcp-qa.yaml", at: "2025-07-01T00:00:00Z")
        let samples = try scoredSamples()
        let log = CommitLog()
        // Each writer, on its own connection, commits one small file after another: at
        // least five, and on until the backup is done, so that writes go on around it.
        let writers = (0..<20).map { writer in
            Future<Int> {
                let store = try AuditStore(path: path)
                var files = 0
                while files < 5 || !log.isBackedUp {
                    let ids = try (0..<2).map { n in
                        let (record, result) = samples[(files * 2 + n) % samples.count]
                        var copy = record
                        copy.auditId = "W\(writer)-\(files)-\(n)"
                        _ = try AuditImport(into: store, at: "t").transaction(for: "w\(writer)-\(files).json") {
                            session in
                            _ = try session.add(.init(copy, result))
                        }
                        return copy.auditId
                    }
                    log.commit(ids)
                    files += 1
                }
                return files
            }
        }
        let before = log.committed(atLeast: 60)
        let backup = folder.appendingPathComponent("backup.sqlite").path
        let copy = try AuditStore.backup(path: path, to: backup)
        log.isBackedUp = true
        let written = try writers.map { try $0.value }.reduce(0, +)
        #expect(written >= 100 && log.all.count == written * 2)

        #expect(copy.isSound && copy.path == backup)
        let audits = try #require(copy.counts.first { $0.name == "final audits" }).value
        #expect(audits >= before.count && audits <= log.all.count)
        #expect(try AuditStore.verify(path: backup) == copy)
        // Restored: copied into place and opened as a store.
        let restored = folder.appendingPathComponent("restored.sqlite").path
        try FileManager.default.copyItem(atPath: backup, toPath: restored)
        let store = try AuditStore(path: restored)
        let stored = Set(try store.audits(limit: 10_000).map(\.auditId))
        #expect(before.isSubset(of: stored))
        #expect(stored.count == audits && stored.isSubset(of: log.all))
        #expect(try store.status().frameworks == 1)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasSuffix(".partial") })
    }

    @Test func aBackupReplacesAnEarlierOneAndIsOneFile() throws {
        let live = try store(with: try scoredSamples().map(\.0))
        let folder = try temporaryFolder()
        let backup = folder.appendingPathComponent("backup.sqlite").path
        try "yesterday's".write(toFile: backup, atomically: true, encoding: .utf8)
        let copy = try AuditStore.backup(path: live.path, to: backup)
        #expect(copy.counts.first { $0.name == "final audits" }?.value == 7)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["backup.sqlite"])
        let mode = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aMissingStoreIsNotBackedUp() throws {
        let folder = try temporaryFolder()
        let missing = folder.appendingPathComponent("none.sqlite").path
        #expect(throws: StoreError.missing(path: missing)) {
            try AuditStore.backup(path: missing, to: folder.appendingPathComponent("b.sqlite").path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func theStoreItselfIsNeverTheTarget() throws {
        let live = try store(with: try scoredSamples().map(\.0))
        let folder = (live.path as NSString).deletingLastPathComponent
        let before = try Data(contentsOf: URL(fileURLWithPath: live.path))
        for target in [live.path, folder + "/./" + (live.path as NSString).lastPathComponent] {
            do {
                _ = try AuditStore.backup(path: live.path, to: target)
                Issue.record("the store was backed up over itself")
            } catch let error as StoreError {
                #expect(error.description.contains("it is the store itself"), "\(error)")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: live.path)) == before)
        #expect(try live.status().audits == 7)
    }

    @Test func aStoreInUseOrAFolderAtTheTargetIsLeftAsItIs() throws {
        let live = try store(with: try scoredSamples().map(\.0))
        let other = try store(with: [])
        _ = try other.status()
        let folder = try temporaryFolder()
        for (target, words) in [(other.path, "store in use"), (folder.path, "not a regular file")] {
            do {
                _ = try AuditStore.backup(path: live.path, to: target)
                Issue.record("\(target) was written")
            } catch let error as StoreError {
                #expect(error.description.contains(words), "\(error)")
            }
        }
        #expect(try other.status().audits == 0)
    }

    @Test func aFolderThatCannotBeWrittenLeavesNothingBehind() throws {
        let live = try store(with: try scoredSamples().map(\.0))
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("a-file").path
        try "not a folder".write(toFile: file, atomically: true, encoding: .utf8)
        for target in [folder.path + "/missing/backup.sqlite", file + "/backup.sqlite"] {
            #expect(throws: StoreError.self) { try AuditStore.backup(path: live.path, to: target) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a-file"])
    }

    @Test func aDamagedStoreIsNotBackedUpAndNothingIsLeftBehind() throws {
        let damaged = try StoreVerificationTests.damagedStore()
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("backup.sqlite").path
        do {
            _ = try AuditStore.backup(path: damaged, to: target)
            Issue.record("a damaged store was backed up")
        } catch let error as StoreError {
            guard case .corrupt(let path, _) = error else { throw error }
            #expect(path == damaged)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
