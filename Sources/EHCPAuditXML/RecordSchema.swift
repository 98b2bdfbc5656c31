import CLibXML2
import EHCPAudit
import Foundation

/// The shipped XSD for audit records, parsed once per process.
///
/// It is read from the package resource `ehcp-audit-record.xsd` and from memory, so that
/// parsing it touches no network and resolves nothing on behalf of a document.
final class RecordSchema: @unchecked Sendable {
    /// The record namespace of records.md.
    static let namespace = "urn:ehcp-audit:record:1"

    static let shared = RecordSchema()

    /// Nil only when the resource is missing or broken, which is a packaging fault.
    let schema: xmlSchemaPtr?
    let loadError: String?

    private init() {
        _ = UntrustedXMLFile.externalEntitiesRefused
        guard let url = Bundle.module.url(forResource: "ehcp-audit-record", withExtension: "xsd"),
              let data = try? Data(contentsOf: url)
        else {
            schema = nil
            loadError = "the record schema ehcp-audit-record.xsd is missing from the installation"
            return
        }
        let parsed: xmlSchemaPtr? = data.withUnsafeBytes { bytes in
            guard let context = xmlSchemaNewMemParserCtxt(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count)) else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            return xmlSchemaParse(context)
        }
        schema = parsed
        loadError = parsed == nil ? "the record schema ehcp-audit-record.xsd could not be parsed" : nil
    }
}
