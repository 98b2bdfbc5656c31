import EHCPAudit
import EHCPAuditFormats

/// A record of a file made ready for the store: scored, its canonical JSON written and
/// digested, its lists packed; or refused, with every reason and the counted rules it broke.
///
/// Making one touches no database, so a reader can make the next records on a thread of
/// its own while the store writes the ones before (``AuditImport/run(_:scoringWith:readingAhead:observe:)``
/// with `readingAhead`), or as the import goes.
///
/// ```swift
/// let prepared = PreparedRecord(entry, scoringWith: catalog, file: source.file, bytesRead: source.bytesRead)
/// ```
struct PreparedRecord: Sendable {
    /// 1-based position in the file.
    let index: Int
    /// The record's own path in the file (`$`, `$[4]`, `audit[5]`), which problem paths continue.
    let root: String
    let line: Int?
    /// The record's auditId, when it could be read (even if the record was refused).
    let auditId: String?
    /// Bytes of the file read when the record had been read, for progress.
    let bytesRead: Int
    let content: Content

    enum Content: Sendable {
        case audit(Audit)
        case refused([Diagnostic], [AuditStore.Refusal])
    }

    /// What the store writes of a scored audit, made before the transaction needs it.
    struct Audit: Sendable {
        var record: AuditRecord
        var result: AuditResult
        /// The canonical JSON (``RecordJSONWriter``), kept whole so nothing is lost, as the
        /// store writes it (``StoredJSON``).
        var json: StoredJSON.Form
        var digest: String
        var sections: String
        var ratings: String
        var actions: String
        var planChecks: String?
        /// Each advice's ratings, packed, in the record's order.
        var adviceRatings: [String]

        init(_ record: AuditRecord, _ result: AuditResult) {
            self.record = record
            self.result = result
            let text = RecordJSONWriter.record(record)
            digest = AuditStore.digest(text)
            json = StoredJSON.Form(text)
            sections = Packed.sections(result.sections)
            ratings = Packed.ratings(record.judgements)
            actions = Packed.actions(result.actions)
            planChecks = Packed.planChecks(record.planChecks)
            adviceRatings = record.advices.map { Packed.ratings($0.judgements) }
        }
    }

    init(_ entry: RecordEntry, scoringWith catalog: FrameworkCatalog, file: String, bytesRead: Int) {
        index = entry.index
        root = entry.root
        line = entry.line
        auditId = entry.auditId
        self.bytesRead = bytesRead
        switch catalog.evaluate(entry, file: file) {
        case .scored(let record, let result):
            content = .audit(Audit(record, result))
        case .refused(let diagnostics):
            content = .refused(diagnostics, diagnostics.compactMap { AuditStore.Refusal($0, in: entry) })
        }
    }
}
