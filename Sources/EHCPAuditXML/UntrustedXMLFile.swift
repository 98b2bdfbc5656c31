import CLibXML2
import EHCPAudit
import Foundation

/// An untrusted XML document under libxml2's streaming text reader, with the one policy
/// every reader here follows: a DOCTYPE is refused before libxml2 reads a byte (and again
/// if the reader ever meets one), nothing is fetched from the network or the file system
/// on the document's behalf, libxml2's size limits stay in force, and no element expanded
/// into a tree may take more than ``InputLimits/largestRecord`` bytes of input.
///
/// The document comes from a file or from bytes in memory; either way libxml2 reads it
/// through ``XMLInput``, which counts what it hands over.
final class UntrustedXMLFile {
    /// Parser options: no network, true line numbers; never NOENT, DTDLOAD, XINCLUDE or HUGE.
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// Initialises libxml2 and installs an external entity loader that loads nothing, once
    /// per process: every use of libxml2 here goes through this first.
    static let externalEntitiesRefused: Void = ehcp_install_refusing_entity_loader()

    let file: String
    let reader: xmlTextReaderPtr
    private let input: XMLInput

    /// Opens the file at `path`; `file` names it in diagnostics.
    convenience init(path: String, file: String) throws(Diagnostic) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw Diagnostic(file: file, message: "cannot open file: \(String(cString: strerror(errno)))")
        }
        try self.init(input: XMLInput(descriptor: descriptor), file: file)
    }

    /// Reads `bytes` held in memory; `file` names them in diagnostics.
    convenience init(bytes: [UInt8], file: String) throws(Diagnostic) {
        try self.init(input: XMLInput(bytes: bytes), file: file)
    }

    private init(input: XMLInput, file: String) throws(Diagnostic) {
        self.file = file
        self.input = input
        try DoctypeGuard.check(input, file: file)
        let context = Unmanaged.passUnretained(input).toOpaque()
        guard let reader = xmlReaderForIO(XMLInput.read, XMLInput.close, context, nil, nil, Self.options) else {
            throw Diagnostic(file: file, message: "cannot start the XML reader")
        }
        self.reader = reader
        // libxml2 would print its errors; the one that stops the reader is taken from
        // `xmlGetLastError` (``fatal()``), and a SEN2 return ignores the rest.
        xmlTextReaderSetStructuredErrorHandler(reader, { _, _ in }, nil)
        xmlResetLastError()
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// Moves to the next node (past the current one's subtree when `skippingSubtree`);
    /// false at the end of the document. Throws the parser's error, or on a DOCTYPE.
    func advance(skippingSubtree: Bool) throws(Diagnostic) -> Bool {
        let status = skippingSubtree ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader)
        if status < 0 { throw fatal() }
        if status == 0 { return false }
        if nodeType == XML_READER_TYPE_DOCUMENT_TYPE {
            throw Diagnostic(file: file, line: line, message: DoctypeGuard.refusal)
        }
        return true
    }

    /// The current element with its subtree as a tree, valid until the reader moves on.
    /// An element whose subtree takes more than ``InputLimits/largestRecord`` bytes of
    /// input is refused (`what` names it) and the file cannot be read further.
    func expand(_ what: String) throws(Diagnostic) -> xmlNodePtr {
        let startLine = line
        input.allow(upTo: max(input.delivered, Int(xmlTextReaderByteConsumed(reader))) + InputLimits.largestRecord)
        defer { input.allow(upTo: nil) }
        guard let node = xmlTextReaderExpand(reader) else {
            if input.refused {
                throw Diagnostic(
                    file: file, line: startLine,
                    message:
                        """
                        \(what) is larger than \(InputLimits.largestRecordWords), so the file cannot be read past \
                        this point
                        """
                )
            }
            throw fatal()
        }
        return node
    }

    var nodeType: xmlReaderTypes { xmlReaderTypes(rawValue: UInt32(xmlTextReaderNodeType(reader))) }

    /// The current node's line (the parser's, for nodes that keep none).
    var line: Int {
        let nodeLine = xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? 0
        return nodeLine > 0 ? nodeLine : Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// Bytes of the document the parser has consumed.
    var bytesRead: Int { Int(xmlTextReaderByteConsumed(reader)) }

    /// The error that stopped the parser: the file cannot be read any further.
    ///
    /// libxml2 keeps the parser's last error per thread; the reader does not relay it.
    func fatal() -> Diagnostic {
        let error = xmlGetLastError()?.pointee
        let message =
            error?.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
            ?? "the document cannot be read"
        return Diagnostic(
            file: file, line: error.flatMap { $0.line > 0 ? Int($0.line) : nil },
            message: "invalid XML: \(message); the file cannot be read past this point"
        )
    }
}

/// The bytes libxml2 reads, from a file descriptor or from memory, handed over through
/// its I/O callbacks so that an expansion can be cut off at a budget.
final class XMLInput {
    private let descriptor: Int32
    private let bytes: [UInt8]
    /// Bytes handed to libxml2 so far.
    private(set) var delivered = 0
    private var limit: Int?
    /// The last read was refused because it would pass the limit.
    private(set) var refused = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
        bytes = []
    }

    init(bytes: [UInt8]) {
        descriptor = -1
        self.bytes = bytes
    }

    deinit { if descriptor >= 0 { Glibc.close(descriptor) } }

    /// The document's first `count` bytes (fewer if it is shorter), without consuming them.
    func prolog(_ count: Int) -> [UInt8] {
        guard descriptor >= 0 else { return Array(bytes.prefix(count)) }
        var start = [UInt8](repeating: 0, count: count)
        let read = start.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, 0) }
        return Array(start.prefix(max(0, read)))
    }

    /// Refuses to hand over bytes past offset `limit` (nil: no limit).
    func allow(upTo limit: Int?) {
        self.limit = limit
        refused = false
    }

    /// Hands over up to `count` bytes into `buffer`: how many, 0 at the end, -1 on an error.
    func read(into buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int32 {
        var count = count
        if let limit {
            guard delivered < limit else {
                refused = true
                return -1
            }
            count = min(count, limit - delivered)
        }
        var n: Int
        if descriptor >= 0 {
            repeat { n = Glibc.read(descriptor, buffer, count) } while n < 0 && errno == EINTR
            if n < 0 { return -1 }
        } else {
            n = min(count, bytes.count - delivered)
            bytes.withUnsafeBufferPointer { source in
                UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + delivered, byteCount: n)
            }
        }
        delivered += n
        return Int32(n)
    }

    static let read: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer else { return -1 }
        return Unmanaged<XMLInput>.fromOpaque(context).takeUnretainedValue().read(into: buffer, count: Int(length))
    }

    static let close: xmlInputCloseCallback = { _ in 0 }
}
