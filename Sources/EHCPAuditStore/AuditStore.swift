import EHCPAudit
internal import EHCPAuditConcurrency
import Foundation
internal import GRDB

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

    /// SQLite's application id for an ehcp-audit store ("EHCA"), set when the store is
    /// made, so that another application's database is never mistaken for one.
    static let applicationID: Int32 = 0x4548_4341

    /// What a command may do with the store.
    public enum Access: Sendable {
        /// Read only: the file must exist and is opened read-only, so reading never
        /// changes it (and a read-only file can be read).
        case readOnly
        /// Read and write, making the store if the file is missing or empty.
        case readWrite
    }

    let pool: DatabasePool
    public let path: String
    /// The integrity check running alongside the first reads, if the store was opened so.
    let integrityCheck: Future<Void>?

    /// Opens the store at `path`. Throws ``StoreError`` when the file is missing (for
    /// reading), is not an ehcp-audit store (checked before anything is written to it),
    /// or fails SQLite's integrity check.
    ///
    /// A write waits up to `busyTimeout` seconds for another process's write to finish
    /// before it fails (``isBusy(_:)`` tells that failure apart): long for a command, a few
    /// seconds for the workspace, which answers "try again" rather than keep a person waiting.
    public convenience init(path: String, access: Access = .readWrite, busyTimeout: TimeInterval = 120) throws {
        try self.init(path: path, access: access, checkingAlongside: false, busyTimeout: busyTimeout)
    }

    /// Opens the store; with `checkingAlongside` (read-only access only), the integrity
    /// check is begun on a connection of its own and ``finishIntegrityCheck()`` must be
    /// called before anything read is used (see ``reading(path:_:)``).
    init(path: String, access: Access, checkingAlongside: Bool, busyTimeout: TimeInterval = 120) throws {
        self.path = path
        var size = 0
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
            size = (attributes[.size] as? Int) ?? 0
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                throw StoreError.notAStore(path: path)
            }
        } else if access == .readOnly {
            throw StoreError.missing(path: path)
        }
        if size > 0 { try Self.checkIdentity(path, busyTimeout: busyTimeout) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.readonly = access == .readOnly
        if access == .readWrite {
            // In WAL mode NORMAL keeps every commit atomic (a killed process loses nothing
            // committed); only a power cut can lose the very last transaction.
            // Larger pages suit rows of a few kilobytes (each audit keeps its JSON); this
            // takes effect when the file is created.
            // The one writing connection may cache up to 64 MB of pages: with SQLite's
            // default 2 MB, a large import spills pages to the WAL part-way and can write
            // the same pages again at its commit (40,000 audits: 3.4 s to 2.9 s).
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA page_size = 16384")
                if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -65536") }
            }
        } else {
            // A report reads the same pages several times (a month's audits for its sections,
            // its timeliness and its re-audits): each reading connection (a report reads on
            // two) caches up to 48 MB of them rather than read them again from the file.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -49152") }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw StoreError.unreadable(path: path, reason: error.message ?? "\(error)")
        }
        integrityCheck =
            access == .readOnly && checkingAlongside ? .integrityCheck(path: path, busyTimeout: busyTimeout) : nil
        if integrityCheck == nil { try Self.checkIntegrity(pool, path: path) }
        switch access {
        case .readWrite:
            try StoreSchema.migrator.migrate(pool)
            try pool.write { db in try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)") }
        case .readOnly:
            let upToDate: Bool
            do {
                upToDate = try pool.read { db in try StoreSchema.migrator.hasCompletedMigrations(db) }
            } catch {
                try finishIntegrityCheck()  // damage, if that is why the schema could not be read
                throw error
            }
            guard upToDate else { throw StoreError.needsUpgrade(path: path) }
        }
    }

    /// Refuses a file that is not an ehcp-audit store without writing a byte to it: an
    /// ehcp-audit store has our application id, or (made before the id was set) the
    /// schema's migration record and its audits table.
    static func checkIdentity(_ path: String, busyTimeout: TimeInterval = 120) throws {
        do {
            let queue = try DatabaseQueue(path: path, configuration: checkingConfiguration(busyTimeout: busyTimeout))
            let known = try queue.read { db -> Bool in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if id == applicationID { return true }
                guard id == 0 else { return false }
                return try db.tableExists("grdb_migrations") && db.tableExists("audits")
                    && (try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations WHERE identifier = 'v1'"))
                        != nil
            }
            try queue.close()
            guard known else { throw StoreError.notAStore(path: path) }
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { throw StoreError.notAStore(path: path) }
            throw StoreError.unreadable(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// A read-only connection's settings for a look at the store beside the pool (its
    /// identity, a verification, an integrity check, a backup's source). It waits for
    /// others' writes as long as the pool does: even a reader can be told "database is
    /// locked" while a writer resets the write-ahead log or another connection recovers it.
    static func checkingConfiguration(busyTimeout: TimeInterval = 120) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        return configuration
    }

    /// What the store holds.
    public func status() throws -> StoreStatus {
        try pool.read { db in
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return StoreStatus(
                audits: try count("audits"), frameworks: try count("frameworks"), populations: try count("populations"),
                samples: try count("samples"), imports: try count("imports"),
                latestMonth: try String.fetchOne(db, sql: "SELECT MAX(month) FROM audits")
            )
        }
    }

    /// A value that changes whenever anything a report reads changes: audits (every change
    /// to an audit is an import, or a removal the trail records), frameworks, populations
    /// and samples. Equal stamps mean a report made under one is still right under the other.
    public func changeStamp() throws -> String {
        try pool.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT MAX(id) FROM imports), (SELECT COUNT(*) FROM frameworks),
                        (SELECT MAX(id) FROM populations), (SELECT COUNT(*) FROM samples),
                        (SELECT MAX(rowid) FROM samples),
                        (SELECT id FROM audit_trail WHERE action IN ('records.retention', 'records.erase')
                            ORDER BY id DESC LIMIT 1)
                    """)
            return (0..<6).map { (row?[$0] as Int64?).map(String.init) ?? "-" }.joined(separator: ":")
        }
    }

    /// Whether `error` is a write that gave up waiting for another's to finish: worth
    /// trying again in a moment.
    public static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }

    /// The key behind SEN2 plan references, made on first use and never exported.
    public func planReferenceKey(generate: () -> [UInt8]) throws -> [UInt8] {
        try pool.write { db in
            if let key = try Data.fetchOne(db, sql: "SELECT value FROM secrets WHERE name = 'plan-reference-key'") {
                return Array(key)
            }
            let key = generate()
            try db.execute(
                sql: "INSERT INTO secrets (name, value) VALUES ('plan-reference-key', ?)", arguments: [Data(key)])
            return key
        }
    }
}

/// A store operation refused for a reason a person can act on.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No store at the path (a reading command never makes one).
    case missing(path: String)
    /// The file is not an ehcp-audit store; it was left untouched.
    case notAStore(path: String)
    /// SQLite could not open the file.
    case unreadable(path: String, reason: String)
    /// SQLite's integrity check found damage.
    case corrupt(path: String, detail: String)
    /// The store was made by an older version and must be opened for writing once.
    case needsUpgrade(path: String)
    /// An audit's record was stored in a later format (`version`) than this version of
    /// ehcp-audit reads, by a later version of it.
    case laterRecordFormat(path: String, auditId: String, version: Int)
    /// A sample for the month was already drawn with other inputs.
    case sampleAlreadyDrawn(month: String, inputs: String)
    /// A framework id and version already stored with different content.
    case frameworkConflict(id: String, version: String)
    /// A file could not be read.
    case cannotRead(path: String)
    /// A report was asked of a store that holds no framework to word it.
    case noFramework(path: String)
    /// The audit is stored with different content, and replacing it was not asked for.
    case auditConflict(id: String)
    /// A framework was asked for by id (and version) that the store does not hold.
    case unknownFramework(id: String, version: String?)
    /// A plan assigned for a month whose sample does not hold it.
    case notSampled(planId: String, month: String)
    /// A user of that name already exists.
    case userExists(name: String)
    /// No user of that name (or the user is disabled).
    case unknownUser(name: String)
    /// A sample was asked for with no population given and none stored.
    case noPopulation(month: String)
    /// A review of an advice the stored audit does not hold.
    case unknownAdvice(auditId: String, adviceId: String)
    /// Only a stored final audit that is not itself a moderation can be moderated.
    case notModeratable(auditId: String)
    /// An auditor asked to moderate their own audit.
    case ownAudit(name: String, auditId: String)
    /// A backup was refused: the target is the store itself, a store in use, not a
    /// regular file, or cannot be written.
    case cannotBackUp(path: String, reason: String)
    /// An erasure named a plan of which the store holds no audit and no plan check.
    case unknownPlan(planId: String)

    public var description: String {
        switch self {
        case .missing(let path):
            "\(path): no store here (check the path; a store is made when audits or a population are first imported)"
        case .notAStore(let path): "\(path): this file is not an ehcp-audit store, so it was left as it is"
        case .unreadable(let path, let reason): "\(path): cannot open the store: \(reason)"
        case .corrupt(let path, let detail):
            "\(path): the store is damaged (SQLite's check says: \(detail)); restore it from a backup"
        case .needsUpgrade(let path):
            "\(path): the store was made by an older version; open it for writing once to upgrade it"
        case .laterRecordFormat(let path, let auditId, let version):
            """
            \(path): audit \(auditId) was stored by a later version of ehcp-audit, in record format \(version), \
            which this version (format \(StoredJSON.version)) cannot read; open the store with that later version
            """
        case .sampleAlreadyDrawn(let month, let inputs):
            """
            a sample for \(month) was already drawn with other inputs (\(inputs)); draw it again only on purpose, \
            replacing it
            """
        case .frameworkConflict(let id, let version):
            """
            framework \(id) version \(version) is already stored with different content; give the changed \
            framework a new version
            """
        case .cannotRead(let path): "\(path): cannot open file"
        case .noFramework(let path): "\(path): the store holds no framework; store one with the audits it scores"
        case .unknownFramework(let id, let version):
            "the store holds no framework \(id)\(version.map { " version \($0)" } ?? "")"
        case .userExists(let name): "a user named \(name) already exists"
        case .notSampled(let planId, let month): "plan \(planId) is not in the \(month) sample"
        case .unknownUser(let name): "no enabled user named \(name)"
        case .noPopulation(let month): "no population to draw the \(month) sample from; store a snapshot first"
        case .unknownAdvice(let auditId, let adviceId): "audit \(auditId) holds no advice \(adviceId)"
        case .notModeratable(let auditId):
            "audit \(auditId) cannot be moderated: only a stored final audit that is not itself a moderation can"
        case .ownAudit(let name, let auditId):
            "\(name) made audit \(auditId), so cannot moderate it: a moderation is a second, independent audit"
        case .cannotBackUp(let path, let reason): "\(path): cannot back up the store here: \(reason)"
        case .unknownPlan(let planId):
            "the store holds no audit and no plan check of plan \(planId), so nothing was erased; check the reference"
        case .auditConflict(let id):
            """
            audit \(id) is already stored with different content; replace it on purpose to store this version \
            (the earlier one is kept in history)
            """
        }
    }
}
