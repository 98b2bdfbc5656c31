import EHCPAudit
import Foundation
import GRDB

/// The tool's memory: one SQLite file holding frameworks, audits with their results,
/// population snapshots, drawn samples and an import log.
///
/// Opened in WAL mode with a busy timeout, so two commands at once wait for each other
/// rather than fail; every file import is one transaction, so it lands whole or not at all.
///
/// ```swift
/// let store = try AuditStore(path: "ehcp-audit.sqlite")
/// print(try store.status().audits)
/// ```
public final class AuditStore: Sendable {
    /// The default file, in the working folder.
    public static let defaultPath = "ehcp-audit.sqlite"

    let pool: DatabasePool
    public let path: String

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(120)
        configuration.foreignKeysEnabled = true
        // In WAL mode NORMAL keeps every commit atomic (a killed process loses nothing
        // committed); only a power cut can lose the very last transaction.
        // Larger pages suit rows of a few kilobytes (each audit keeps its JSON); this
        // takes effect when the file is created.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA page_size = 16384") }
        self.path = path
        pool = try DatabasePool(path: path, configuration: configuration)
        try StoreSchema.migrator.migrate(pool)
    }

    /// What the store holds.
    public struct Status: Sendable, Equatable {
        public var audits: Int
        public var frameworks: Int
        public var populations: Int
        public var samples: Int
        public var imports: Int
        /// The latest month that has audits, if any.
        public var latestMonth: String?
    }

    public func status() throws -> Status {
        try pool.read { db in
            func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
            return Status(
                audits: try count("audits"), frameworks: try count("frameworks"), populations: try count("populations"),
                samples: try count("samples"), imports: try count("imports"),
                latestMonth: try String.fetchOne(db, sql: "SELECT MAX(month) FROM audits")
            )
        }
    }

    /// The key behind SEN2 plan references, made on first use and never exported.
    public func planReferenceKey(generate: () -> [UInt8]) throws -> [UInt8] {
        try pool.write { db in
            if let key = try Data.fetchOne(db, sql: "SELECT value FROM secrets WHERE name = 'plan-reference-key'") { return Array(key) }
            let key = generate()
            try db.execute(sql: "INSERT INTO secrets (name, value) VALUES ('plan-reference-key', ?)", arguments: [Data(key)])
            return key
        }
    }
}

/// A store operation refused for a reason a person can act on.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
