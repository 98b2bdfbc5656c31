import Crypto
import EHCPAudit
import EHCPAuditFormats
import EHCPAuditSampling
import Foundation
internal import GRDB

extension AuditStore {
    /// A framework as stored: enough to load it again.
    public struct StoredFramework: Sendable, Equatable {
        public var id: String
        public var version: String
        public var content: String
        /// The file it came from; its extension says YAML or JSON.
        public var file: String
    }

    public enum FrameworkOutcome: Sendable, Equatable { case stored, unchanged }

    /// Keeps a framework's text so records made against it can be scored later, even
    /// after a newer version is loaded. The same id and version with other content is
    /// refused: a changed framework needs a new version.
    @discardableResult
    public func saveFramework(
        _ framework: Framework, content: String, file: String, at time: String
    ) throws -> FrameworkOutcome {
        let digest = Self.digest(content)
        return try pool.write { db in
            if let stored = try String.fetchOne(
                db, sql: "SELECT digest FROM frameworks WHERE id = ? AND version = ?",
                arguments: [framework.id, framework.version])
            {
                guard stored == digest else {
                    throw StoreError.frameworkConflict(id: framework.id, version: framework.version)
                }
                return .unchanged
            }
            try db.execute(
                sql: "INSERT INTO frameworks (id, version, digest, content, file, stored_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [framework.id, framework.version, digest, content, file, time])
            return .stored
        }
    }

    /// Loads a framework from its text (YAML or JSON, by `file`'s extension) and keeps it.
    /// Throws `FrameworkLoadError` with every problem, or
    /// ``StoreError/frameworkConflict(id:version:)``.
    ///
    /// ```swift
    /// let text = try String(contentsOfFile: "criteria/ehcp-qa.yaml", encoding: .utf8)
    /// try store.addFramework(text: text, file: "ehcp-qa.yaml", at: "2025-07-01T09:00:00Z")
    /// ```
    @discardableResult
    public func addFramework(text: String, file: String, at time: String) throws -> Framework {
        let framework = try FrameworkLoader.load(text: text, file: file)
        try saveFramework(framework, content: text, file: file, at: time)
        return framework
    }

    /// Every stored framework, ready to score records with.
    public func frameworkCatalog() throws -> FrameworkCatalog {
        var catalog = FrameworkCatalog()
        for stored in try storedFrameworks() {
            try catalog.add(try FrameworkLoader.load(text: stored.content, file: stored.file))
        }
        return catalog
    }

    public func storedFrameworks() throws -> [StoredFramework] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, version, content, file FROM frameworks ORDER BY id, version").map {
                StoredFramework(id: $0["id"], version: $0["version"], content: $0["content"], file: $0["file"])
            }
        }
    }

    /// The framework id most stored audits were made against, if any.
    public func mostUsedFrameworkId() throws -> String? {
        try pool.read { db in
            try String.fetchOne(
                db,
                sql:
                    "SELECT framework_id FROM audits GROUP BY framework_id ORDER BY COUNT(*) DESC, framework_id LIMIT 1"
            )
        }
    }

    /// Lowercase hex SHA-256 of a text's UTF-8 bytes.
    public static func digest(_ text: String) -> String {
        digest(bytes: Array(text.utf8))
    }

    /// Lowercase hex SHA-256 of bytes.
    public static func digest(bytes: [UInt8]) -> String {
        Hex.lowercase(SHA256.hash(data: bytes))
    }
}

extension AuditStore {
    /// Lowercase hex SHA-256 of a file, read a chunk at a time.
    public static func fileDigest(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.cannotRead(path: path) }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return Hex.lowercase(hasher.finalize())
    }
}
