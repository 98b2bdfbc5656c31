import CLibXML2
import EHCPAudit
import Foundation

/// An untrusted XML file under libxml2's streaming text reader, with the one policy every
/// reader here follows: a DOCTYPE is refused before libxml2 reads a byte (and again if the
/// reader ever meets one), nothing is fetched from the network or the file system on the
/// document's behalf, and libxml2's size limits stay in force.
final class UntrustedXMLFile {
    /// Parser options: no network, true line numbers; never NOENT, DTDLOAD, XINCLUDE or HUGE.
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// Installs, once per process, an external entity loader that loads nothing.
    static let externalEntitiesRefused: Void = ehcp_install_refusing_entity_loader()

    let file: String
    let reader: xmlTextReaderPtr
    /// Where libxml2 reports errors; the reader's own go here so libxml2 never prints them.
    let errors = XMLErrorLog()
    private let descriptor: Int32

    init(path: String, file: String) throws(Diagnostic) {
        self.file = file
        _ = Self.externalEntitiesRefused
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw Diagnostic(file: file, message: "cannot open file: \(String(cString: strerror(errno)))")
        }
        do throws(Diagnostic) {
            try DoctypeGuard.check(descriptor: descriptor, file: file)
        } catch {
            close(descriptor)
            throw error
        }
        guard let reader = xmlReaderForFd(descriptor, nil, nil, Self.options) else {
            close(descriptor)
            throw Diagnostic(file: file, message: "cannot start the XML reader")
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorLog.handler, Unmanaged.passUnretained(errors).toOpaque())
        xmlResetLastError()
    }

    deinit {
        xmlFreeTextReader(reader)
        close(descriptor)
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

    var nodeType: xmlReaderTypes { xmlReaderTypes(rawValue: UInt32(xmlTextReaderNodeType(reader))) }

    /// The current node's line (the parser's, for nodes that keep none).
    var line: Int {
        let nodeLine = xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? 0
        return nodeLine > 0 ? nodeLine : Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// The error that stopped the parser: the file cannot be read any further.
    ///
    /// libxml2 keeps the parser's last error per thread; the reader does not relay it.
    func fatal() -> Diagnostic {
        let error = xmlGetLastError()?.pointee
        let message = error?.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "the document cannot be read"
        return Diagnostic(
            file: file, line: error.flatMap { $0.line > 0 ? Int($0.line) : nil },
            message: "invalid XML: \(message); the file cannot be read past this point"
        )
    }
}
