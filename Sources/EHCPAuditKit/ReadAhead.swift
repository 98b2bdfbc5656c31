internal import EHCPAuditConcurrency

/// A record source read ahead of its reader on a thread of its own, so that parsing the
/// next records overlaps with scoring, storing or writing the ones before.
///
/// The entries, and the error that stops the file, come out exactly as the wrapped source
/// gives them and in the same order; only the work moves. A few batches of records wait at
/// most (`Batching.records`), so memory stays flat whatever the file holds.
/// Dropping the reader stops the thread after the batch it is reading.
///
/// ```swift
/// let source = ReadAhead(try RecordReader.source(path: "audits.xml"))
/// while let entry = try source.next() { ... }
/// ```
public final class ReadAhead: RecordSource {
    public let file: String
    private let entries: MadeAhead<RecordEntry, Void, Diagnostic>

    /// Starts reading `source` at once. From here on only the reading thread touches it.
    public init(_ source: RecordSource) {
        file = source.file
        entries = MadeAhead(.records, mark: { source.bytesRead }, make: source.next)
    }

    /// Bytes the wrapped source had read when it finished the batch being handed out.
    public var bytesRead: Int { entries.mark }

    public func next() throws(Diagnostic) -> RecordEntry? { try entries.next() }
}

extension AuditStore {
    /// ``importRecords(from:scoringWith:at:replace:observe:)`` with the records read,
    /// scored, written as canonical JSON and packed on a thread of their own while this
    /// one stores the ones before: the same summary, events and stored rows, sooner.
    ///
    /// ```swift
    /// let summary = try store.importRecords(readingAhead: try RecordReader.source(path: "audits.jsonl"),
    ///                                       scoringWith: catalog, at: "2025-07-01T09:00:00Z")
    /// ```
    public func importRecords(
        readingAhead source: RecordSource, scoringWith catalog: FrameworkCatalog, at time: String,
        replace: Bool = false, observe: (ImportEvent) -> Void = { _ in }
    ) throws -> ImportSummary {
        let file = source.file
        let prepared = MadeAhead<PreparedRecord, Void, Diagnostic>(.records) { () throws(Diagnostic) in
            try source.next().map {
                PreparedRecord($0, scoringWith: catalog, file: file, bytesRead: source.bytesRead)
            }
        }
        return try importRecords(file: file, at: time, replace: replace, observe: observe, next: prepared.next)
    }
}
