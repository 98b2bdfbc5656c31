import CLibXML2
import EHCPAudit

/// The shipped XSD for audit records, parsed once per process.
///
/// The file `ehcp-audit-record.xsd` is compiled into the binary (SwiftPM's `embedInCode`),
/// so an installed or copied binary needs nothing beside it; it is parsed from memory, so
/// parsing it touches no network and resolves nothing on behalf of a document.
final class RecordSchema: @unchecked Sendable {
    /// The record namespace of docs/records.md.
    static let namespace = "urn:ehcp-audit:record:1"

    static let shared = RecordSchema()

    /// Nil only when the embedded schema is broken, which is a packaging fault.
    let schema: xmlSchemaPtr?
    let loadError: String?

    private init() {
        _ = UntrustedXMLFile.externalEntitiesRefused
        let parsed: xmlSchemaPtr? = PackageResources.ehcp_audit_record_xsd.withUnsafeBytes { bytes in
            guard
                let context = xmlSchemaNewMemParserCtxt(
                    bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
            else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            return xmlSchemaParse(context)
        }
        schema = parsed
        loadError = parsed == nil ? "the record schema ehcp-audit-record.xsd could not be parsed" : nil
    }
}
