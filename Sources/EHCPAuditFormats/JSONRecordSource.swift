import EHCPAudit

/// Reads audit records from `.json` (one object or an array) and `.jsonl` / `.ndjson`
/// (one object per line), one record at a time.
public final class JSONRecordSource: RecordSource {
    public let file: String
    private let stream: JSONRecordStream

    /// The file extensions this reader understands.
    public static let extensions = ["json", "jsonl", "ndjson"]

    /// Opens `path`; `displayName` is the name diagnostics use (defaults to the path).
    public init(path: String, displayName: String? = nil) throws(Diagnostic) {
        file = displayName ?? path
        let lowercased = path.lowercased()
        let layout: JSONRecordStream.Layout =
            lowercased.hasSuffix(".jsonl") || lowercased.hasSuffix(".ndjson") ? .lines : .document
        stream = try JSONRecordStream(path: path, displayName: file, layout: layout)
    }

    /// Reads records from `bytes` held in memory (a request body); `name` is the name
    /// diagnostics use. `lines` chooses JSON Lines (one object per line) or JSON; when nil,
    /// `name`'s extension chooses (`.jsonl`, `.ndjson`: JSON Lines).
    public init(bytes: [UInt8], name: String, lines: Bool? = nil) {
        file = name
        let lowercased = name.lowercased()
        let isLines = lines ?? (lowercased.hasSuffix(".jsonl") || lowercased.hasSuffix(".ndjson"))
        stream = JSONRecordStream(bytes: bytes, displayName: name, layout: isLines ? .lines : .document)
    }

    public var bytesRead: Int { stream.offset }

    public func next() throws(Diagnostic) -> RecordEntry? {
        guard let split = try nextSplit() else { return nil }
        return decoder.entry(split)
    }

    private lazy var decoder = Decoder(file: file)

    // MARK: Split, then decoded elsewhere

    /// One record's text, split from the file but not yet decoded.
    package struct Split: Sendable {
        fileprivate let item: JSONRecordStream.Item
    }

    /// The next record's text, not yet decoded, or nil at the end of the file; throws
    /// where ``next()`` would. Splitting is quick; decoding is most of the work, so
    /// several threads may each decode with a ``Decoder`` of their own.
    package func nextSplit() throws(Diagnostic) -> Split? {
        try stream.next().map(Split.init)
    }

    /// Decodes split records into the entries ``next()`` would give. Each thread needs its
    /// own: it keeps the words it has seen, to make each only once.
    package struct Decoder {
        /// The file name diagnostics use.
        package let file: String
        private var words = WordTextCache()

        package init(file: String) { self.file = file }

        package mutating func entry(_ split: Split) -> RecordEntry {
            let item = split.item
            if item.tooLong {
                return RecordEntry(
                    index: item.index, root: item.root, line: item.line, auditId: nil, record: nil,
                    diagnostics: [
                        Diagnostic(
                            file: file, line: item.line, recordIndex: item.index,
                            message:
                                """
                                record #\(item.index) is larger than \(InputLimits.largestRecordWords), so it is \
                                refused unread
                                """
                        )
                    ])
            }
            // The fast decoder trusts its bytes to be UTF-8; anything else goes the long way,
            // whose parser names the line.
            if UTF8Text.isValid(item.bytes),
                let record = FastRecordDecoder.decode(item.bytes, firstLine: item.line, words: &words)
            {
                return RecordEntry(
                    index: item.index, root: item.root, line: record.line, auditId: record.auditId, record: record,
                    diagnostics: [])
            }
            return slowPath(item)
        }

        /// The general parser and decoder: slower, but says exactly what is wrong.
        func slowPath(_ item: JSONRecordStream.Item) -> RecordEntry {
            let node: DocumentNode
            do {
                node = try JSONParser.parse(item.bytes, firstLine: item.line)
            } catch {
                return RecordEntry(
                    index: item.index, root: item.root, line: item.line, auditId: nil, record: nil,
                    diagnostics: [
                        Diagnostic(
                            file: file, line: error.line, recordIndex: item.index,
                            message: "invalid JSON: \(error.message)")
                    ])
            }
            let log = ProblemLog()
            let record = RecordDecoder.decode(node, root: item.root, log: log)
            let auditId = record?.auditId ?? Self.auditId(in: node)
            return RecordEntry(
                index: item.index, root: item.root, line: node.line, auditId: auditId, record: record,
                diagnostics: log.problems.map {
                    Diagnostic(
                        file: file, line: $0.line, recordIndex: item.index, auditId: auditId, path: $0.path,
                        message: $0.message)
                }
            )
        }

        /// The auditId of a record that failed to decode, so its errors can still name it.
        private static func auditId(in node: DocumentNode) -> String? {
            guard case .object(let members) = node.value,
                case .string(let id)? = members.first(where: { $0.key == "auditId" })?.node.value
            else { return nil }
            return id
        }
    }
}
