/// One record read from a file: the record itself, or the reasons it could not be read.
public struct RecordEntry: Sendable {
    /// 1-based position in the file.
    public var index: Int
    /// The record's own path, which problem paths continue: `$`, `$[4]`, `audit[5]`.
    public var root: String
    public var line: Int?
    /// Known as soon as the field could be read, even when the record has errors.
    public var auditId: String?
    /// Nil when the record could not be decoded at all.
    public var record: AuditRecord?
    /// Problems of form (syntax, types, unknown fields); a record with any is refused.
    public var diagnostics: [Diagnostic]

    public init(index: Int, root: String, line: Int?, auditId: String?, record: AuditRecord?, diagnostics: [Diagnostic])
    {
        self.index = index
        self.root = root
        self.line = line
        self.auditId = auditId
        self.record = record
        self.diagnostics = diagnostics
    }
}

/// A file of audit records read one record at a time, whatever its format.
///
/// Readers stream: only the current record is held, so a file of any size can be scored
/// in flat memory. `next()` throws only when the file cannot be read any further (it
/// cannot be opened, or its outer structure is broken); a bad record is returned as an
/// entry with diagnostics and reading goes on.
public protocol RecordSource: AnyObject {
    /// The file name used in diagnostics.
    var file: String { get }
    /// Bytes read so far, for progress reports.
    var bytesRead: Int { get }
    func next() throws(Diagnostic) -> RecordEntry?
}
