import CLibXML2
import EHCPAudit
import Foundation

/// What an ``XMLEventStream`` reports, in document order.
protocol XMLEventHandler: AnyObject {
    /// A start tag: its name, namespace and attributes, on the line where the tag ends.
    func start(_ tag: XMLStartTag)
    func end()
    /// Character data (`cdata`: inside a CDATA section), in as many pieces as libxml2 likes.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool)
    /// An error libxml2 recovers from (an undeclared namespace prefix), to be charged to
    /// whatever is being read.
    func problem(line: Int?, message: String)
}

/// An untrusted XML document fed to libxml2's SAX2 push parser a chunk at a time, with the
/// one policy every reader here follows.
///
/// - A DOCTYPE is refused before libxml2 reads a byte (``DoctypeGuard``), and again if the
///   parser ever meets one; with no DTD, an entity other than the five predefined ones is
///   a fatal error, so nothing is ever expanded.
/// - Nothing is fetched from the network or the file system on the document's behalf
///   (`XML_PARSE_NONET`, and an external entity loader that loads nothing); XInclude is
///   never processed.
/// - libxml2's size limits stay in force (no `XML_PARSE_HUGE`: a text node or an attribute
///   value over 10 MB is refused).
/// - No tree is built: the handler sees events and keeps what it needs, so memory stays
///   flat whatever the document holds.
final class XMLEventStream {
    static let options = Int32(XML_PARSE_NONET.rawValue)
    static let chunkSize = 64 * 1024

    /// Initialises libxml2 and installs an external entity loader that loads nothing, once
    /// per process: every use of libxml2 here goes through this first (``DoctypeGuard``).
    static let externalEntitiesRefused: Void = ehcp_install_refusing_entity_loader()

    let file: String
    private unowned let handler: XMLEventHandler
    private let input: XMLInput
    private var context: xmlParserCtxtPtr?
    private var chunk = [CChar](repeating: 0, count: XMLEventStream.chunkSize)
    /// The error that stopped the parser, once one has.
    private(set) var fatal: Diagnostic?
    private(set) var finished = false

    /// Opens the file at `path`; `file` names it in diagnostics.
    convenience init(path: String, file: String, handler: XMLEventHandler) throws(Diagnostic) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw Diagnostic(file: file, message: "cannot open file: \(String(cString: strerror(errno)))")
        }
        try self.init(input: XMLInput(descriptor: descriptor), file: file, handler: handler)
    }

    /// Reads `bytes` held in memory; `file` names them in diagnostics.
    convenience init(bytes: [UInt8], file: String, handler: XMLEventHandler) throws(Diagnostic) {
        try self.init(input: XMLInput(bytes: bytes), file: file, handler: handler)
    }

    init(input: XMLInput, file: String, handler: XMLEventHandler) throws(Diagnostic) {
        self.file = file
        self.input = input
        self.handler = handler
        try DoctypeGuard.check(input, file: file)
        var sax = Self.callbacks
        guard let context = xmlCreatePushParserCtxt(&sax, Unmanaged.passUnretained(self).toOpaque(), nil, 0, nil)
        else { throw Diagnostic(file: file, message: "cannot start the XML parser") }
        xmlCtxtUseOptions(context, Self.options)
        self.context = context
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// The line the parser stands on (in a start tag's event: the line where the tag ends).
    var line: Int { context?.pointee.input.map { Int($0.pointee.line) } ?? 0 }

    /// Bytes handed to the parser so far.
    var bytesRead: Int { input.delivered }

    /// Bytes of the document the parser has consumed (during an event: up to that event).
    var position: Int { context.map { Int(xmlByteConsumed($0)) } ?? 0 }

    /// Parses the next chunk, firing the handler's events; false once the document is
    /// done. After a fatal error (``fatal``) nothing more is parsed.
    func feed() -> Bool {
        guard let context, !finished, fatal == nil else { return false }
        let count = chunk.withUnsafeMutableBufferPointer { input.read(into: $0.baseAddress!, count: $0.count) }
        if count < 0 {
            stop(Diagnostic(file: file, message: "cannot read the file: \(String(cString: strerror(errno)))"))
            return false
        }
        let status = chunk.withUnsafeBufferPointer {
            xmlParseChunk(context, $0.baseAddress, Int32(count), count == 0 ? 1 : 0)
        }
        if fatal == nil && status != 0 && context.pointee.wellFormed == 0 {
            fatal = Diagnostic(file: file, line: line, message: "invalid XML: the document is not well formed")
        }
        if count == 0 { finished = true }
        return fatal == nil && !finished
    }

    /// Stops the parser with `diagnostic`; nothing more is read.
    func stop(_ diagnostic: Diagnostic) {
        if fatal == nil { fatal = diagnostic }
        if let context { xmlStopParser(context) }
    }

    private func parserError(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = (error.message.map { String(cString: $0) } ?? "unknown XML error")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let line = error.line > 0 ? Int(error.line) : nil
        if error.level == XML_ERR_FATAL {
            stop(
                Diagnostic(
                    file: file, line: line, message: "invalid XML: \(message); the file cannot be read past this point")
            )
        } else {
            handler.problem(line: line, message: message)
        }
    }

    private static func stream(_ context: UnsafeMutableRawPointer?) -> XMLEventStream {
        Unmanaged<XMLEventStream>.fromOpaque(context!).takeUnretainedValue()
    }

    /// SAX2 callbacks only: no tree is built, and no entity, DTD or external subset is
    /// handled (a DOCTYPE stops the parser). Never changed once made, so safe to share.
    nonisolated(unsafe) private static let callbacks: xmlSAXHandler = {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { context, name, _, uri, _, _, count, _, attributes in
            let stream = XMLEventStream.stream(context)
            guard let name else { return }
            stream.handler.start(
                XMLStartTag(
                    localName: name, namespace: uri, attributes: attributes, count: Int(count), line: stream.line))
        }
        sax.endElementNs = { context, _, _, _ in XMLEventStream.stream(context).handler.end() }
        sax.characters = { context, bytes, count in
            guard let bytes else { return }
            XMLEventStream.stream(context).handler.characters(
                UnsafeBufferPointer(start: bytes, count: Int(count)), cdata: false)
        }
        sax.ignorableWhitespace = sax.characters
        sax.cdataBlock = { context, bytes, count in
            guard let bytes else { return }
            XMLEventStream.stream(context).handler.characters(
                UnsafeBufferPointer(start: bytes, count: Int(count)), cdata: true)
        }
        sax.internalSubset = { context, _, _, _ in
            let stream = XMLEventStream.stream(context)
            stream.stop(Diagnostic(file: stream.file, line: stream.line, message: DoctypeGuard.refusal))
        }
        sax.serror = { context, error in
            guard let context, let error else { return }
            XMLEventStream.stream(context).parserError(error.pointee)
        }
        return sax
    }()
}

/// A start tag as libxml2's SAX2 parser reports it, valid only during the event.
struct XMLStartTag {
    let localName: UnsafePointer<xmlChar>
    let namespace: UnsafePointer<xmlChar>?
    /// Five pointers per attribute: local name, prefix, namespace, value start, value end.
    let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int
    let line: Int

    /// Whether the tag is `name` in namespace `uri` (nil: no namespace).
    func `is`(_ name: XMLName, in uri: XMLName?) -> Bool {
        guard strcmp(localName, name.bytes) == 0 else { return false }
        guard let uri else { return namespace == nil }
        return namespace.map { strcmp($0, uri.bytes) == 0 } ?? false
    }

    var name: String { String(cString: localName) }

    /// `<name>` for messages, with its namespace when that is not the record namespace.
    var described: String {
        guard let namespace else { return "<\(name)> in no namespace" }
        if xmlStrEqual(namespace, RecordGrammar.namespace.bytes) == 1 { return "<\(name)>" }
        return "<\(name)> in namespace \(String(cString: namespace))"
    }

    /// The attributes, each with its value's bytes.
    ///
    /// libxml2 hands SAX2 a value with every entity and character reference replaced, except
    /// that a literal `&` comes as `&#38;` (for a tree builder to decode later); with no DTD
    /// no other `&` can survive parsing, so decoding `&#38;` gives the value exactly.
    func forEachAttribute(_ body: (XMLAttribute) -> Void) {
        guard let attributes else { return }
        for a in 0..<count {
            let base = attributes + 5 * a
            guard let name = base[0], let start = base[3], let end = base[4] else { continue }
            let raw = UnsafeBufferPointer(start: start, count: end - start)
            guard raw.contains(UInt8(ascii: "&")) else {
                body(XMLAttribute(localName: name, namespace: base[2], value: raw))
                continue
            }
            let decoded = Self.decodingAmpersands(raw)
            decoded.withUnsafeBufferPointer { body(XMLAttribute(localName: name, namespace: base[2], value: $0)) }
        }
    }

    private static let ampersand = Array("&#38;".utf8)

    private static func decodingAmpersands(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            if raw[i] == UInt8(ascii: "&") && raw[i...].starts(with: ampersand) {
                out.append(UInt8(ascii: "&"))
                i += ampersand.count
            } else {
                out.append(raw[i])
                i += 1
            }
        }
        return out
    }
}

/// One attribute of an ``XMLStartTag``.
struct XMLAttribute {
    let localName: UnsafePointer<xmlChar>
    let namespace: UnsafePointer<xmlChar>?
    let value: UnsafeBufferPointer<UInt8>

    var name: String { String(cString: localName) }
    var text: String { String(decoding: value, as: UTF8.self) }
}

/// A NUL-terminated name to compare libxml2's names with, made once.
struct XMLName: Sendable {
    let bytes: [UInt8]
    let text: String

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8) + [0]
    }
}
