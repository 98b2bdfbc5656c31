import EHCPAudit
import Foundation
internal import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// A copy of the store made with SQLite's online backup, safe while `serve` and imports
/// write: it holds exactly what was committed when the copy began.
extension AuditStore {
    /// Copies the store at `path` to `target`, whole or not at all, and returns the
    /// copy's verification.
    ///
    /// The copy is made into a new temporary file beside `target` (readable by its owner
    /// only), in one step of SQLite's backup, which reads one consistent snapshot while
    /// writers go on; it is made a single self-contained file (no `-wal` beside it),
    /// checked with ``verify(path:)``, and only then renamed over `target`. On any failure
    /// the temporary file is removed and `target` is left as it was. A store made by an
    /// older version is copied as it is (the backup to take before upgrading).
    ///
    /// Throws ``StoreError/missing(path:)`` or ``StoreError/notAStore(path:)`` for the
    /// source, ``StoreError/cannotBackUp(path:reason:)`` when `target` is the store itself,
    /// a store in use, not a regular file or in a folder that cannot be written, and
    /// ``StoreError/corrupt(path:detail:)`` when the copy is damaged.
    ///
    /// ```swift
    /// let copy = try AuditStore.backup(path: "ehcp-audit.sqlite", to: "backups/2025-07-01.sqlite")
    /// print(copy.counts.first { $0.name == "final audits" }?.value ?? 0)
    /// ```
    public static func backup(path: String, to target: String) throws -> StoreVerification {
        guard let source = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw StoreError.missing(path: path)
        }
        guard source[.type] as? FileAttributeType == .typeRegular else { throw StoreError.notAStore(path: path) }
        try checkIdentity(path)
        try checkBackupTarget(target, store: path)
        let temporary = try reserveTemporary(beside: target)
        do {
            try copy(path, to: temporary)
            let verification = try verify(path: temporary)
            guard verification.damage.isEmpty else {
                throw StoreError.corrupt(path: path, detail: verification.damage.joined(separator: "; "))
            }
            guard rename(temporary, target) == 0 else {
                throw StoreError.cannotBackUp(path: target, reason: String(cString: strerror(errno)))
            }
            var copied = verification
            copied.path = target
            return copied
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporary + suffix) }
            throw error
        }
    }

    /// SQLite's online backup of `path` into the empty file `temporary`, in one step (so
    /// from one snapshot of the source), left in rollback-journal mode: one file.
    private static func copy(_ path: String, to temporary: String) throws {
        do {
            let source = try DatabaseQueue(path: path, configuration: checkingConfiguration())
            let destination = try DatabaseQueue(path: temporary)
            try source.backup(to: destination)
            try destination.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try destination.close()
            try source.close()
        } catch let error as DatabaseError {
            throw StoreError.unreadable(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// Refuses a target that is the store itself (by any path), a store in use (a `-wal`
    /// file beside it, which SQLite would apply to the copy), or not a regular file.
    private static func checkBackupTarget(_ target: String, store path: String) throws {
        var targetFile = stat(), storeFile = stat()
        if stat(target, &targetFile) == 0, stat(path, &storeFile) == 0, targetFile.st_ino == storeFile.st_ino,
            targetFile.st_dev == storeFile.st_dev
        {
            throw StoreError.cannotBackUp(path: target, reason: "it is the store itself; give another file")
        }
        if lstat(target, &targetFile) == 0, targetFile.st_mode & S_IFMT != S_IFREG {
            throw StoreError.cannotBackUp(path: target, reason: "it is not a regular file, so it is left as it is")
        }
        if FileManager.default.fileExists(atPath: target + "-wal") {
            throw StoreError.cannotBackUp(
                path: target, reason: "a -wal file beside it shows a store in use there; choose another file")
        }
    }

    /// Makes a new, empty file beside `target` that no one else can have made, for the copy.
    private static func reserveTemporary(beside target: String) throws -> String {
        let folder = target.lastIndex(of: "/").map { String(target[...$0]) } ?? ""
        let base = target.split(separator: "/").last.map(String.init) ?? target
        for _ in 0..<16 {
            let candidate = folder + ".\(base).\(UInt64.random(in: 0...UInt64.max) & 0xFFFF_FFFF_FFFF).partial"
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 {
                close(descriptor)
                return candidate
            }
            guard errno == EEXIST else { break }
        }
        throw StoreError.cannotBackUp(path: target, reason: String(cString: strerror(errno)))
    }
}
