import CLibXML2

/// What an ``XMLPartParser`` reports, in document order.
protocol XMLPartHandler: AnyObject {
    /// A start tag; false skips the element and all it holds (no events until past its end).
    func start(
        _ name: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?, attributes: XMLAttributes
    )
        throws(PlanDocumentError) -> Bool
    /// An end tag (none for a skipped element).
    func end(_ name: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?) throws(PlanDocumentError)
    /// Character data, entities decoded, in as many pieces as libxml2 likes.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// One XML part of a package (`word/document.xml`, `content.xml`) parsed by libxml2's SAX2
/// parser (no tree is built), under the policy every XML reader of this project follows.
///
/// - A DOCTYPE is refused before libxml2 reads a byte (``refusesDoctype(_:file:)``), and
///   again if the parser ever meets one: no DTD is loaded, no entity other than the five
///   predefined ones can be declared, so nothing is ever expanded.
/// - Nothing is fetched on the document's behalf: `XML_PARSE_NONET`, no `XML_PARSE_NOENT`
///   or `XML_PARSE_DTDLOAD`, and an external entity loader that loads nothing.
/// - Text that is not valid in its encoding (UTF-8 unless declared otherwise) is refused.
/// - libxml2's messages are never passed on (they can quote the document): an error names
///   its line only.
final class XMLPartParser {
    static let options = Int32(XML_PARSE_NONET.rawValue)
    static let doctypeRefusal =
        "the document declares a DOCTYPE (DTDs and entities are not allowed in a plan document), "
        + "so nothing was read: save it again from Word"

    /// Initialises libxml2 and installs the refusing entity loader, once per process.
    static let prepared: Void = ehcp_install_refusing_entity_loader()

    let file: String
    let part: String
    // Kept alive by the caller for the whole parse (``parse(_:part:file:handler:)``).
    private unowned(unsafe) let handler: XMLPartHandler
    private var context: xmlParserCtxtPtr?
    /// How deep inside a skipped element the parser is (0: not skipping).
    private var skipDepth = 0
    private var failure: PlanDocumentError?

    private init(part: String, file: String, handler: XMLPartHandler) {
        self.part = part
        self.file = file
        self.handler = handler
    }

    /// Parses `bytes`, the part named `part`, reporting to `handler`.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, part: String, file: String, handler: XMLPartHandler
    )
        throws(PlanDocumentError)
    {
        _ = prepared
        try refusesDoctype(bytes, file: file)
        guard let base = bytes.baseAddress, !bytes.isEmpty, bytes.count < Int(Int32.max) else {
            throw PlanDocumentError(file: file, message: "\(part) is empty: the document is damaged")
        }
        let parser = XMLPartParser(part: part, file: file, handler: handler)
        var sax = callbacks
        try withExtendedLifetime(parser) { () throws(PlanDocumentError) in
            guard
                let context = xmlCreatePushParserCtxt(
                    &sax, Unmanaged.passUnretained(parser).toOpaque(), nil, 0, nil)
            else { throw PlanDocumentError(file: file, message: "\(part) cannot be parsed: out of memory") }
            defer { xmlFreeParserCtxt(context) }
            parser.context = context
            xmlCtxtUseOptions(context, options)
            let raw = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            let status = xmlParseChunk(context, raw, Int32(bytes.count), 1)
            if let failure = parser.failure { throw failure }
            if status != 0 || context.pointee.wellFormed == 0 { throw parser.malformed(code: status, line: nil) }
        }
    }

    /// The refusal for an XML error: its line only, never libxml2's message.
    private func malformed(code: Int32, line: Int32?) -> PlanDocumentError {
        let at = line.map { $0 > 0 ? " (line \($0))" : "" } ?? ""
        if code == Int32(XML_ERR_INVALID_CHAR.rawValue) || code == Int32(XML_ERR_INVALID_ENCODING.rawValue) {
            return PlanDocumentError(
                file: file,
                message: "\(part) is not valid UTF-8 text\(at): the document is damaged; save it again from Word")
        }
        return PlanDocumentError(
            file: file, message: "\(part) is not well-formed XML\(at): the document is damaged; save it again")
    }

    /// Stops the parser with `error`, the first one kept.
    private func fail(_ error: PlanDocumentError) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    private static func parser(_ context: UnsafeMutableRawPointer?) -> XMLPartParser {
        Unmanaged<XMLPartParser>.fromOpaque(context!).takeUnretainedValue()
    }

    /// SAX2 callbacks only: no tree, no entity or DTD handling (a DOCTYPE stops the parser).
    /// Never changed once made, so safe to share.
    nonisolated(unsafe) private static let callbacks: xmlSAXHandler = {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { context, name, _, uri, _, _, count, _, attributes in
            let parser = XMLPartParser.parser(context)
            guard let name, parser.failure == nil else { return }
            if parser.skipDepth > 0 {
                parser.skipDepth += 1
                return
            }
            do throws(PlanDocumentError) {
                let descend = try parser.handler.start(
                    name, namespace: uri, attributes: XMLAttributes(pointer: attributes, count: Int(count)))
                if !descend { parser.skipDepth = 1 }
            } catch {
                parser.fail(error)
            }
        }
        sax.endElementNs = { context, name, _, uri in
            let parser = XMLPartParser.parser(context)
            guard let name, parser.failure == nil else { return }
            if parser.skipDepth > 0 {
                parser.skipDepth -= 1
                return
            }
            do throws(PlanDocumentError) { try parser.handler.end(name, namespace: uri) } catch { parser.fail(error) }
        }
        sax.characters = { context, bytes, count in
            let parser = XMLPartParser.parser(context)
            guard let bytes, parser.skipDepth == 0, parser.failure == nil else { return }
            parser.handler.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
        sax.ignorableWhitespace = sax.characters
        sax.cdataBlock = sax.characters
        sax.internalSubset = { context, _, _, _ in
            let parser = XMLPartParser.parser(context)
            parser.fail(PlanDocumentError(file: parser.file, message: doctypeRefusal))
        }
        sax.serror = { context, error in
            guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let parser = XMLPartParser.parser(context)
            parser.fail(parser.malformed(code: Int32(error.pointee.code), line: Int32(error.pointee.line)))
        }
        return sax
    }()

    /// Refuses a part whose prolog (before the first element) declares a DOCTYPE.
    static func refusesDoctype(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(PlanDocumentError) {
        var at = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func starts(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard at + count <= bytes.count else { return false }
            for i in 0..<count where bytes[at + i] | 0x20 != text.utf8Start[i] | 0x20 { return false }
            return true
        }
        func skip(past end: StaticString) {
            while at < bytes.count && !starts(end) { at += 1 }
            at += end.utf8CodeUnitCount
        }
        while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x09, 0x0A, 0x0D: at += 1
            case UInt8(ascii: "<"):
                if starts("<?") {
                    skip(past: "?>")
                } else if starts("<!--") {
                    skip(past: "-->")
                } else if starts("<!DOCTYPE") {
                    throw PlanDocumentError(file: file, message: doctypeRefusal)
                } else {
                    return
                }
            default: return
            }
        }
    }
}

/// The attributes of a start tag as libxml2's SAX2 parser reports them, valid only during
/// the event: five pointers each (local name, prefix, namespace, value start, value end).
struct XMLAttributes {
    let pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    /// The value of the attribute whose local name is `name`, whatever its namespace.
    func value(_ name: XMLName) -> String? {
        guard let pointer else { return nil }
        for a in 0..<count {
            let base = pointer + 5 * a
            guard name.matches(base[0]), let start = base[3], let end = base[4] else { continue }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
        return nil
    }
}

/// A NUL-terminated name to compare libxml2's names with, made once.
struct XMLName: Sendable {
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) + [0] }

    /// Whether libxml2's `name` is this one.
    func matches(_ name: UnsafePointer<xmlChar>?) -> Bool {
        guard let name else { return false }
        return xmlStrEqual(name, bytes) == 1
    }
}

/// A namespace compared by its interned pointer once it has been seen (libxml2 keeps one
/// copy of each name in its dictionary), by its text otherwise.
struct NamespaceMatcher {
    let uri: XMLName
    private var seen: UnsafePointer<xmlChar>?

    init(_ uri: String) { self.uri = XMLName(uri) }

    mutating func matches(_ namespace: UnsafePointer<xmlChar>?) -> Bool {
        guard let namespace else { return false }
        if namespace == seen { return true }
        guard uri.matches(namespace) else { return false }
        seen = namespace
        return true
    }
}
