/// An error as a person reads it: which file, which line, which record, which criterion.
///
/// Rendered as `FILE:LINE: error: MESSAGE` where the line is known and `FILE: error:
/// MESSAGE` otherwise (docs/scoring.md §5), the message naming the record and the path of the
/// offending field:
///
/// ```text
/// samples/invalid/na-not-allowed.json:9: error: record #1 AUD-2025-06-0901 at $.judgements[3].rating:
///     criterion B1 may not be rated na ...
/// ```
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// 1-based position of the record in its file.
    public var recordIndex: Int?
    public var auditId: String?
    /// JSON path (`$.judgements[3].rating`), XML element, or framework entry.
    public var path: String?
    public var criterion: String?
    public var message: String
    /// Set for breaches of rules that are counted (see ``RecordProblem/Rule``).
    public var rule: RecordProblem.Rule?
    /// The advice concerned, by id.
    public var advice: String?

    public init(
        file: String, line: Int? = nil, recordIndex: Int? = nil, auditId: String? = nil,
        path: String? = nil, criterion: String? = nil, message: String, rule: RecordProblem.Rule? = nil,
        advice: String? = nil
    ) {
        self.file = file
        self.line = line
        self.recordIndex = recordIndex
        self.auditId = auditId
        self.path = path
        self.criterion = criterion
        self.message = message
        self.rule = rule
        self.advice = advice
    }

    public var description: String {
        var text = line.map { "\(file):\($0): error: " } ?? "\(file): error: "
        var subject: [String] = []
        if let recordIndex { subject.append("record #\(recordIndex)") }
        if let auditId { subject.append(auditId) }
        if let path { subject.append("at \(path)") }
        if !subject.isEmpty { text += subject.joined(separator: " ") + ": " }
        return text + message
    }
}

extension RecordProblem {
    /// The problem placed in its file and record; `root` is the record's own path
    /// (`$` or `$[4]` in JSON) that the problem's path continues.
    public func diagnostic(file: String, recordIndex: Int, auditId: String?, root: String) -> Diagnostic {
        Diagnostic(
            file: file, line: line, recordIndex: recordIndex, auditId: auditId,
            path: path.isEmpty ? root : "\(root).\(path)", criterion: criterion, message: message, rule: rule,
            advice: advice
        )
    }
}
