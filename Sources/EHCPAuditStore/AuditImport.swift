import EHCPAudit
internal import EHCPAuditConcurrency
import EHCPAuditFormats
internal import GRDB

/// Audit record files scored and stored, each whole or not at all: one refused record and
/// nothing of its file is kept. An identical audit already stored is left as it is; the
/// same auditId with other content is refused unless `replace`, which keeps the earlier
/// version in history. A moderation audit's `moderates` must name an audit of the same
/// plan, stored or in the file (docs/records.md); it is checked when the file has been
/// read. Each attempt is logged, with its counted refusals (``AuditStore/loggedRefusals()``).
///
/// ```swift
/// let source = try RecordReader.source(bytes: body, name: "request.json")   // EHCPAuditKit
/// let summary = try AuditImport(into: store, at: "2025-07-01T09:00:00Z")
///     .run(source, scoringWith: try store.frameworkCatalog()) { event in print(event) }
/// summary.committed   // false when any record was refused
/// ```
public struct AuditImport: Sendable {
    let store: AuditStore
    /// When the import ran, as the log keeps it.
    let time: String
    let replace: Bool

    /// An import into `store` at `time`; `replace` stores a changed audit over the stored
    /// one, keeping the earlier version in history.
    public init(into store: AuditStore, at time: String, replace: Bool = false) {
        self.store = store
        self.time = time
        self.replace = replace
    }

    /// How one file's import ended.
    public struct Summary: Sendable, Equatable {
        public var file: String
        public var imported = 0
        public var unchanged = 0
        /// Imported over an earlier version (kept in history), with `replace`.
        public var replaced = 0
        public var refused = 0
        /// Records refused for rating a needs-dependent criterion of a no-needs advice.
        public var noNeedsRefusals = 0
        /// False when any record was refused, so nothing of the file was stored.
        public var committed = false

        public init(file: String) {
            self.file = file
        }
    }

    /// What happened to one record during an import, for the caller to show as it goes.
    public enum Event: Sendable {
        /// The record could not be read or scored; these are every reason. Nothing of the
        /// file will be stored.
        case refused([Diagnostic])
        /// The record's auditId is stored with other content and `replace` was not asked
        /// for: ``StoreError/auditConflict(id:)``, at the record's place in the file.
        case conflict(Diagnostic, StoreError)
        /// A record was read (stored or not): how many so far, and how many bytes.
        case progress(records: Int, bytes: Int)
    }

    /// Scores every record of `source` against the framework it names and stores the file
    /// whole or not at all, telling `observe` what becomes of each record as it goes.
    ///
    /// With `readingAhead`, the records are read, scored, written as canonical JSON and
    /// packed on a thread of their own while this one stores the ones before: the same
    /// summary, events and stored rows, sooner (the command line's `import`).
    ///
    /// Throws the source's `Diagnostic` when the file cannot be read to its end (nothing
    /// is stored then either).
    public func run(
        _ source: RecordSource, scoringWith catalog: FrameworkCatalog, readingAhead: Bool = false,
        observe: (Event) -> Void = { _ in }
    ) throws -> Summary {
        let file = source.file
        let prepare = { () throws(Diagnostic) -> PreparedRecord? in
            try source.next().map { PreparedRecord($0, scoringWith: catalog, file: file, bytesRead: source.bytesRead) }
        }
        guard readingAhead else { return try storeRecords(of: file, observe: observe, next: prepare) }
        let prepared = MadeAhead<PreparedRecord, Void, Diagnostic>(.records, make: prepare)
        return try storeRecords(of: file, observe: observe, next: prepared.next)
    }

    /// Stores the records `next` gives until it gives nil, in one transaction.
    private func storeRecords(
        of file: String, observe: (Event) -> Void, next: () throws(Diagnostic) -> PreparedRecord?
    ) throws -> Summary {
        try transaction(for: file) { session in
            while let prepared = try next() {
                switch prepared.content {
                case .audit(let audit):
                    let outcome = try session.add(audit)
                    if outcome == .conflict {
                        let error = StoreError.auditConflict(id: audit.record.auditId)
                        let place = Diagnostic(
                            file: file, line: prepared.line, recordIndex: prepared.index,
                            auditId: audit.record.auditId, message: error.description)
                        observe(.conflict(place, error))
                    } else if let moderates = audit.record.moderates {
                        session.links.append(
                            ModerationLink(
                                prepared: prepared, auditId: audit.record.auditId, planId: audit.record.planId,
                                moderates: moderates, outcome: outcome))
                    }
                case .refused(let diagnostics, let refusals):
                    observe(.refused(diagnostics))
                    session.refuse(refusals, auditId: prepared.auditId)
                }
                observe(.progress(records: prepared.index, bytes: prepared.bytesRead))
            }
            for diagnostic in try session.refuseBrokenLinks(file: file) { observe(.refused([diagnostic])) }
        }
    }

    /// Imports one file atomically: `body` adds its records one at a time to the session,
    /// all in one transaction, which is committed only if no record was refused. The
    /// attempt is logged either way, with its counted refusals.
    func transaction(for file: String, _ body: (ImportSession) throws -> Void) throws -> Summary {
        try store.pool.writeWithoutTransaction { db in
            var summary = Summary(file: file)
            var refusals: [AuditStore.Refusal] = []
            var failure: Error?
            try db.inTransaction(.immediate) {
                try db.execute(
                    sql:
                        """
                        INSERT INTO imports (file, started_at, committed, imported, unchanged, refused, \
                        no_needs_refusals) VALUES (?, ?, 1, 0, 0, 0, 0)
                        """,
                    arguments: [file, time])
                let session = ImportSession(db: db, importId: db.lastInsertedRowID, replace: replace, time: time)
                do {
                    try body(session)
                } catch {
                    failure = error
                }
                summary = session.summary
                refusals = session.refusals
                summary.file = file
                guard failure == nil, summary.refused == 0 else { return .rollback }
                try db.execute(
                    sql: "UPDATE imports SET imported = ?, unchanged = ? WHERE id = ?",
                    arguments: [summary.imported + summary.replaced, summary.unchanged, session.importId])
                summary.committed = true
                return .commit
            }
            if !summary.committed { try Self.log(refused: summary, refusals, at: time, db) }
            if let failure { throw failure }
            return summary
        }
    }

    /// Logs a file that was not stored, with its counted refusals.
    private static func log(
        refused summary: Summary, _ refusals: [AuditStore.Refusal], at time: String, _ db: Database
    ) throws {
        try db.inTransaction {
            try db.execute(
                sql:
                    """
                    INSERT INTO imports (file, started_at, committed, imported, unchanged, refused, \
                    no_needs_refusals) VALUES (?, ?, 0, 0, 0, ?, ?)
                    """,
                arguments: [summary.file, time, summary.refused, summary.noNeedsRefusals])
            let id = db.lastInsertedRowID
            for refusal in refusals {
                try db.execute(
                    sql:
                        """
                        INSERT INTO import_refusals (import_id, audit_id, month, criterion, rule, agency, \
                        provider) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, refusal.auditId, refusal.month, refusal.criterion, refusal.rule.rawValue,
                        refusal.agency, refusal.provider,
                    ])
            }
            return .commit
        }
    }
}
