import CLibXML2

/// One XML part of a package (`word/document.xml`, `content.xml`) read node by node with
/// libxml2's streaming reader, under the policy every XML reader of this project follows.
///
/// - A DOCTYPE is refused before libxml2 reads a byte (``refusesDoctype(_:file:)``), and
///   again if the reader ever meets one: no DTD is loaded, no entity other than the five
///   predefined ones can be declared, so nothing is ever expanded.
/// - Nothing is fetched on the document's behalf: `XML_PARSE_NONET`, no `XML_PARSE_NOENT`
///   or `XML_PARSE_DTDLOAD`, and an external entity loader that loads nothing.
/// - The text is read as UTF-8 whatever the document declares; invalid UTF-8 is refused.
/// - libxml2's messages are never passed on (they can quote the document): an error names
///   its line only.
final class XMLPartReader {
    static let options = Int32(XML_PARSE_NONET.rawValue)
    static let doctypeRefusal =
        "the document declares a DOCTYPE (DTDs and entities are not allowed in a plan document), "
        + "so nothing was read: save it again from Word"

    /// Initialises libxml2 and installs the refusing entity loader, once per process.
    static let prepared: Void = ehcp_install_refusing_entity_loader()

    let file: String
    let part: String
    private let reader: xmlTextReaderPtr
    /// The first error libxml2 reported: its code and line.
    private var error: (code: Int32, line: Int32)?

    /// A reader of `bytes`, which must outlive it; `part` names the part in messages.
    init(bytes: UnsafeBufferPointer<UInt8>, part: String, file: String) throws(PlanDocumentError) {
        self.file = file
        self.part = part
        _ = Self.prepared
        try Self.refusesDoctype(bytes, file: file)
        let base = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
        guard let base, !bytes.isEmpty, bytes.count < Int(Int32.max),
            let reader = xmlReaderForMemory(base, Int32(bytes.count), nil, "UTF-8", Self.options)
        else { throw PlanDocumentError(file: file, message: "\(part) is empty: the document is damaged") }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                let me = Unmanaged<XMLPartReader>.fromOpaque(context).takeUnretainedValue()
                if me.error == nil && error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue {
                    me.error = (Int32(error.pointee.code), Int32(error.pointee.line))
                }
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit { xmlFreeTextReader(reader) }

    /// Moves to the next node; false at the end of the document.
    func read() throws(PlanDocumentError) -> Bool { try advance(xmlTextReaderRead(reader)) }

    /// Moves past the current element and all it holds; false at the end of the document.
    func skip() throws(PlanDocumentError) -> Bool { try advance(xmlTextReaderNext(reader)) }

    private func advance(_ status: Int32) throws(PlanDocumentError) -> Bool {
        if status == 1 && error == nil {
            if nodeType == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
                throw PlanDocumentError(file: file, message: Self.doctypeRefusal)
            }
            return true
        }
        if status == 0 && error == nil { return false }
        let code = error?.code ?? 0
        let line = error.map { $0.line > 0 ? " (line \($0.line))" : "" } ?? ""
        if code == Int32(XML_ERR_INVALID_CHAR.rawValue) || code == Int32(XML_ERR_INVALID_ENCODING.rawValue) {
            throw PlanDocumentError(
                file: file,
                message: "\(part) is not valid UTF-8 text\(line): the document is damaged; save it again from Word")
        }
        throw PlanDocumentError(
            file: file, message: "\(part) is not well-formed XML\(line): the document is damaged; save it again")
    }

    var nodeType: Int32 { xmlTextReaderNodeType(reader) }
    var isElement: Bool { nodeType == Int32(XML_READER_TYPE_ELEMENT.rawValue) }
    var isEndElement: Bool { nodeType == Int32(XML_READER_TYPE_END_ELEMENT.rawValue) }
    /// Whether the node is text: character data, CDATA or white space.
    var isText: Bool {
        switch nodeType {
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
            Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            return true
        default: return false
        }
    }
    /// An element with no end tag of its own (`<w:p/>`): no end node follows it.
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    var localName: UnsafePointer<xmlChar>? { xmlTextReaderConstLocalName(reader) }
    var namespace: UnsafePointer<xmlChar>? { xmlTextReaderConstNamespaceUri(reader) }

    /// The text of a text node, as UTF-8 bytes valid until the next move.
    var text: UnsafeBufferPointer<UInt8> {
        guard let value = xmlTextReaderConstValue(reader) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value)))
    }

    /// The value of the current element's attribute `name` in namespace `uri`.
    func attribute(_ name: XMLName, in uri: XMLName) -> String? {
        guard let value = xmlTextReaderGetAttributeNs(reader, name.bytes, uri.bytes) else { return nil }
        defer { ehcp_xml_free(value) }
        return String(cString: value)
    }

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
