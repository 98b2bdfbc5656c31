internal import EHCPAuditConcurrency

/// A record source read ahead of its reader on a thread of its own, so that parsing the
/// next records overlaps with converting the ones before (`convert`).
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
package final class ReadAhead: RecordSource {
    package let file: String
    private let entries: MadeAhead<RecordEntry, Void, Diagnostic>

    /// Starts reading `source` at once. From here on only the reading thread touches it.
    package init(_ source: RecordSource) {
        file = source.file
        entries = MadeAhead(.records, mark: { source.bytesRead }, make: source.next)
    }

    /// Bytes the wrapped source had read when it finished the batch being handed out.
    package var bytesRead: Int { entries.mark }

    package func next() throws(Diagnostic) -> RecordEntry? { try entries.next() }
}
