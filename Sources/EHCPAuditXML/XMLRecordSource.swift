import CLibXML2
import EHCPAudit
import Foundation

/// Reads audit records from XML (docs/records.md) through libxml2's streaming text reader,
/// validating each `<audit>` against the shipped XSD.
///
/// The reader walks the file; each `<audit>` is expanded on its own, validated with the
/// schema, turned into a record and then let go, so only one record is ever held and a
/// file of any size is read in flat memory. Validating each audit separately also ties
/// every schema error to the record it belongs to.
///
/// The document is untrusted: a DOCTYPE (and with it any DTD or entity) is refused before
/// libxml2 reads anything, no external resource is ever loaded, and libxml2's size limits
/// stay in force (no `XML_PARSE_HUGE`).
public final class XMLRecordSource: RecordSource {
    public let file: String
    public static let extensions = ["xml"]

    private let xml: UntrustedXMLFile
    private var reader: xmlTextReaderPtr { xml.reader }
    private let validator: xmlSchemaValidCtxtPtr
    private var index = 0
    private var sawRoot = false
    /// After an `<audit>`, skip its subtree rather than descend into it.
    private var skipSubtree = false
    /// The reader stands on an `<audit>` not yet read (stray errors were returned first).
    private var auditPending = false

    /// Opens the file at `path`; `displayName` is the name diagnostics use.
    public convenience init(path: String, displayName: String? = nil) throws(Diagnostic) {
        let file = displayName ?? path
        try self.init(try UntrustedXMLFile(path: path, file: file))
    }

    /// Reads records from `bytes` held in memory (a request body); `name` names them.
    public convenience init(bytes: [UInt8], name: String) throws(Diagnostic) {
        try self.init(try UntrustedXMLFile(bytes: bytes, file: name))
    }

    private init(_ xml: UntrustedXMLFile) throws(Diagnostic) {
        let file = xml.file
        self.file = file
        guard let schema = RecordSchema.shared.schema else {
            throw Diagnostic(file: file, message: RecordSchema.shared.loadError ?? "no record schema")
        }
        self.xml = xml
        guard let validator = xmlSchemaNewValidCtxt(schema) else {
            throw Diagnostic(file: file, message: "cannot start the schema validator")
        }
        self.validator = validator
        xmlSchemaSetValidStructuredErrors(
            validator, XMLErrorLog.handler, Unmanaged.passUnretained(xml.errors).toOpaque())
    }

    deinit {
        xmlSchemaFreeValidCtxt(validator)
    }

    public var bytesRead: Int { xml.bytesRead }

    public func next() throws(Diagnostic) -> RecordEntry? {
        var stray: [Diagnostic] = []
        if auditPending {
            auditPending = false
            return try audit()
        }
        while true {
            let more = try xml.advance(skippingSubtree: skipSubtree)
            skipSubtree = false
            guard more else {
                if !sawRoot {
                    throw Diagnostic(file: file, line: 1, message: "the file is empty: expected <audits> or <audit>")
                }
                return stray.isEmpty ? nil : strayEntry(stray)
            }
            let depth = xmlTextReaderDepth(reader)
            let line = xml.line
            switch xml.nodeType {
            case XML_READER_TYPE_ELEMENT where depth == 0:
                sawRoot = true
                if isRecordElement("audit") { return try audit() }
                guard isRecordElement("audits") else { throw wrongRoot(line) }
                if let attribute = foreignAttribute() {
                    stray.append(
                        Diagnostic(
                            file: file, line: line, path: "audits",
                            message: "<audits> takes no attributes, found \"\(attribute)\""))
                }
            case XML_READER_TYPE_ELEMENT where depth == 1 && isRecordElement("audit"):
                if !stray.isEmpty {
                    // Report what came before this audit first; read the audit next time.
                    auditPending = true
                    return strayEntry(stray)
                }
                return try audit()
            case XML_READER_TYPE_ELEMENT where depth == 1:
                stray.append(
                    Diagnostic(
                        file: file, line: line, path: "audits",
                        message: "unexpected element <\(name())> in <audits>: only <audit> elements belong here"))
                skipSubtree = true
            case XML_READER_TYPE_TEXT where depth == 1:
                stray.append(
                    Diagnostic(
                        file: file, line: line, path: "audits",
                        message: "unexpected text in <audits>: only <audit> elements belong here"))
            default:
                continue
            }
        }
    }

    /// Expands, validates and builds the `<audit>` under the reader.
    private func audit() throws(Diagnostic) -> RecordEntry {
        index += 1
        let node = try xml.expand("audit #\(index)")
        skipSubtree = true
        let element = XMLElement(node: node)
        let root = "audit[\(index)]"
        let auditId = element.attribute("id")
        xmlSchemaValidateOneElement(validator, node)
        var problems = xml.errors.take().map {
            Diagnostic(file: file, line: $0.line, recordIndex: index, auditId: auditId, path: root, message: $0.message)
        }
        var builder = XMLRecordBuilder(element)
        let record = builder.build()
        if problems.isEmpty {
            problems = builder.problems.map {
                Diagnostic(
                    file: file, line: $0.line, recordIndex: index, auditId: auditId, path: root, message: $0.message)
            }
        }
        return RecordEntry(
            index: index, root: root, line: element.line, auditId: auditId, record: problems.isEmpty ? record : nil,
            diagnostics: problems)
    }

    private func strayEntry(_ diagnostics: [Diagnostic]) -> RecordEntry {
        RecordEntry(
            index: index, root: "audits", line: diagnostics.first?.line, auditId: nil, record: nil,
            diagnostics: diagnostics)
    }

    private func isRecordElement(_ name: String) -> Bool {
        self.name() == name && string(xmlTextReaderConstNamespaceUri(reader)) == RecordSchema.namespace
    }

    private func name() -> String { string(xmlTextReaderConstLocalName(reader)) ?? "" }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? { pointer.map { String(cString: $0) } }

    /// The first attribute of the current element that is not a namespace declaration.
    private func foreignAttribute() -> String? {
        defer { xmlTextReaderMoveToElement(reader) }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) != 1 { return name() }
        }
        return nil
    }

    private func wrongRoot(_ line: Int) -> Diagnostic {
        let namespace =
            string(xmlTextReaderConstNamespaceUri(reader)).map { " in namespace \($0)" } ?? " in no namespace"
        return Diagnostic(
            file: file, line: line,
            message:
                """
                the root element is <\(name())>\(namespace); expected <audits> or <audit> in namespace \
                \(RecordSchema.namespace)
                """
        )
    }
}
