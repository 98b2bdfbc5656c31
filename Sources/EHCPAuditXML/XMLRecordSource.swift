import CLibXML2
import EHCPAudit

/// Reads audit records from XML (docs/records.md) straight from libxml2's SAX2 parser,
/// checking each `<audit>` against the record schema as it is built (`XMLRecordBuilder`,
/// `RecordGrammar`).
///
/// No tree is built: the file is parsed a chunk at a time and each record is handed out
/// as soon as its `</audit>` is read, so a file of any size is read in flat memory, and
/// every problem belongs to the record it is in, with its line.
///
/// The document is untrusted (`XMLEventStream`): a DOCTYPE is refused before libxml2
/// reads anything, no external resource is ever loaded, libxml2's size limits stay in
/// force, and an `<audit>` of more than `InputLimits.largestRecord` bytes is refused.
public final class XMLRecordSource: RecordSource, XMLEventHandler {
    public static let extensions = ["xml"]

    public var file: String { stream.file }
    public var bytesRead: Int { stream.bytesRead }

    private var stream: XMLEventStream!
    /// Records read but not yet handed out.
    private var ready: [RecordEntry] = []
    private var handedOut = 0
    private var index = 0
    private var depth = 0
    private var sawRoot = false
    /// The open element at this depth is being skipped with its subtree.
    private var skipFrom: Int?
    /// Problems outside any audit, handed out as an entry of their own before the next one.
    private var stray: [Diagnostic] = []
    /// The audit being read, when `inAudit`. Kept in place rather than optional, so that an
    /// event mutates it where it is instead of copying it out and back; and behind a pointer,
    /// as a class's stored property pays a run-time exclusivity check on every mutation
    /// (three events per element: 4% of reading XML).
    private let audit: UnsafeMutablePointer<XMLRecordBuilder> = {
        let audit = UnsafeMutablePointer<XMLRecordBuilder>.allocate(capacity: 1)
        audit.initialize(to: XMLRecordBuilder())
        return audit
    }()
    private var inAudit = false
    private var auditDepth = 0
    private var auditStart = 0

    /// Opens the file at `path`; `displayName` is the name diagnostics use.
    public init(path: String, displayName: String? = nil) throws(Diagnostic) {
        stream = try XMLEventStream(path: path, file: displayName ?? path, handler: self)
    }

    /// Reads records from `bytes` held in memory (a request body); `name` names them.
    public init(bytes: [UInt8], name: String) throws(Diagnostic) {
        stream = try XMLEventStream(bytes: bytes, file: name, handler: self)
    }

    deinit {
        audit.deinitialize(count: 1)
        audit.deallocate()
    }

    public func next() throws(Diagnostic) -> RecordEntry? {
        while handedOut == ready.count {
            ready.removeAll(keepingCapacity: true)
            handedOut = 0
            let more = stream.feed()
            if inAudit && stream.position - auditStart > InputLimits.largestRecord {
                stream.stop(tooLarge())
            }
            if let fatal = stream.fatal {
                guard ready.isEmpty else { break }
                throw fatal
            }
            if !more {
                guard sawRoot else {
                    throw Diagnostic(file: file, line: 1, message: "the file is empty: expected <audits> or <audit>")
                }
                flushStray()
                if ready.isEmpty { return nil }
            }
        }
        defer { handedOut += 1 }
        return ready[handedOut]
    }

    // MARK: Events

    func start(_ tag: XMLStartTag) {
        let level = depth
        depth += 1
        if let skipFrom, level > skipFrom { return }
        if inAudit {
            audit.pointee.start(tag)
            return
        }
        let ns = RecordGrammar.namespace
        switch level {
        case 0:
            sawRoot = true
            if tag.is(RecordGrammar.audit, in: ns) { return begin(tag) }
            guard tag.is(RecordGrammar.audits, in: ns) else { return stream.stop(wrongRoot(tag)) }
            var found: [String] = []
            RecordGrammar.noAttributes.read(tag, element: "audits", problems: &found) { _, _ in }
            if let first = found.first {
                stray.append(Diagnostic(file: file, line: tag.line, path: "audits", message: first))
            }
        case 1 where tag.is(RecordGrammar.audit, in: ns):
            begin(tag)
        default:
            stray.append(
                Diagnostic(
                    file: file, line: tag.line, path: "audits",
                    message: "unexpected element \(tag.described) in <audits>: only <audit> elements belong here"))
            skipFrom = level
        }
    }

    func end() {
        depth -= 1
        if let skipFrom {
            if depth == skipFrom { self.skipFrom = nil }
            return
        }
        guard inAudit else { return }
        if depth == auditDepth { return finish() }
        audit.pointee.end()
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool) {
        if skipFrom != nil { return }
        if inAudit {
            audit.pointee.characters(bytes, cdata: cdata, line: stream.line)
            if audit.pointee.heldText > InputLimits.largestRecord { stream.stop(tooLarge()) }
            return
        }
        guard depth == 1, cdata || bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) })
        else { return }
        stray.append(
            Diagnostic(
                file: file, line: stream.line, path: "audits",
                message: "unexpected text in <audits>: only <audit> elements belong here"))
    }

    func problem(line: Int?, message: String) {
        if inAudit {
            audit.pointee.problem(line, message)
        } else {
            stray.append(Diagnostic(file: file, line: line, path: "audits", message: message))
        }
    }

    // MARK: Records

    private func begin(_ tag: XMLStartTag) {
        flushStray()
        index += 1
        auditDepth = depth - 1
        auditStart = stream.position
        audit.pointee = XMLRecordBuilder(tag, judgements: audit.pointee.judgementCount)
        inAudit = true
    }

    private func finish() {
        inAudit = false
        let record = audit.pointee.finish()
        let builder = audit.pointee
        let root = "audit[\(index)]"
        let diagnostics = builder.problems.map {
            Diagnostic(
                file: file, line: $0.line, recordIndex: index, auditId: builder.auditId, path: root,
                message: $0.message)
        }
        ready.append(
            RecordEntry(
                index: index, root: root, line: builder.line, auditId: builder.auditId, record: record,
                diagnostics: diagnostics))
    }

    private func flushStray() {
        guard !stray.isEmpty else { return }
        ready.append(
            RecordEntry(
                index: index, root: "audits", line: stray.first?.line, auditId: nil, record: nil, diagnostics: stray))
        stray = []
    }

    private func tooLarge() -> Diagnostic {
        Diagnostic(
            file: file, line: inAudit ? audit.pointee.line : nil,
            message:
                """
                audit #\(index) is larger than \(InputLimits.largestRecordWords), so the file cannot be read past \
                this point
                """)
    }

    private func wrongRoot(_ tag: XMLStartTag) -> Diagnostic {
        let namespace = tag.namespace.map { " in namespace \(String(cString: $0))" } ?? " in no namespace"
        return Diagnostic(
            file: file, line: tag.line,
            message:
                """
                the root element is <\(tag.name)>\(namespace); expected <audits> or <audit> in namespace \
                \(RecordGrammar.namespace.text)
                """
        )
    }
}
