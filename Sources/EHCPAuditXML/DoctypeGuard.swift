import EHCPAudit

/// Refuses a document that declares a DOCTYPE, before libxml2 reads a byte of it.
///
/// Every DTD-borne attack (entity expansion, external entities, parameter entities, an
/// external DTD over the network) needs a DOCTYPE in the prolog, and audit records never
/// have one. Scanning the prolog ourselves means the refusal is immediate and its message
/// clear, whatever libxml2 would have made of the declarations.
enum DoctypeGuard {
    /// How much of the file's start is scanned; a prolog longer than this is itself suspect.
    static let prologLimit = 64 * 1024

    static let refusal = "the document declares a DOCTYPE: DTDs and entities are not allowed, so nothing was read"

    /// Readies libxml2 and refuses an empty document or one with a DOCTYPE, before any
    /// parser sees `input`.
    static func check(_ input: XMLInput, file: String) throws(Diagnostic) {
        _ = XMLEventStream.externalEntitiesRefused
        let prolog = input.prolog(prologLimit)
        var scanner = PrologScanner(bytes: prolog[...])
        if scanner.isBlank && prolog.count < prologLimit {
            throw Diagnostic(file: file, line: 1, message: "the file is empty: expected an XML document")
        }
        if let line = scanner.doctypeLine() { throw Diagnostic(file: file, line: line, message: refusal) }
    }
}

/// Walks the XML prolog (declaration, processing instructions, comments, white space) to
/// the first markup that is neither.
struct PrologScanner {
    let bytes: ArraySlice<UInt8>
    private var position: Int
    private var line = 1

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position += 3 }
    }

    /// Whether the bytes hold nothing but white space (and a byte order mark).
    var isBlank: Bool {
        bytes[position...].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// The line of a `<!DOCTYPE` that opens before the root element, if any.
    mutating func doctypeLine() -> Int? {
        while position < bytes.endIndex {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                line += 1
                position += 1
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                position += 1
                continue
            }
            guard byte == UInt8(ascii: "<") else { return nil }
            if starts(with: "<?") {
                skip(past: "?>")
            } else if starts(with: "<!--") {
                skip(past: "-->")
            } else {
                return starts(with: "<!DOCTYPE") || starts(with: "<!doctype") ? line : nil
            }
        }
        return nil
    }

    private func starts(with text: String) -> Bool {
        bytes[position...].starts(with: text.utf8)
    }

    private mutating func skip(past terminator: String) {
        let end = Array(terminator.utf8)
        while position < bytes.endIndex {
            if bytes[position...].starts(with: end) {
                position += end.count
                return
            }
            if bytes[position] == UInt8(ascii: "\n") { line += 1 }
            position += 1
        }
    }
}
