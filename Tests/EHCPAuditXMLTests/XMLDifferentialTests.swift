import CLibXML2
import EHCPAudit
import EHCPAuditSynthetic
import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditXML

/// The reader checks the record schema in Swift (``RecordGrammar``); these tests hold it to
/// the shipped XSD itself, as libxml2's validator (what `xmllint --schema` runs) applies
/// it: on every sample, every invalid sample, and thousands of mutated audits the two must
/// agree on accept or refuse.
struct XMLDifferentialTests {
    @Test func everyValidSampleIsAcceptedByBoth() throws {
        let samples = try recordFiles()
        #expect(samples.count >= 3)
        for path in samples {
            let bytes = try Self.bytes(path)
            #expect(Self.schema.accepts(bytes) && Self.readerAccepts(bytes), "\(path)")
        }
    }

    @Test func theReaderRefusesEveryInvalidSampleTheSchemaRefuses() throws {
        let samples = try xmlFiles("samples/invalid")
        #expect(samples.count >= 10)
        for path in samples {
            let bytes = try Self.bytes(path)
            // The reader is stricter in one way only: it refuses any DOCTYPE outright.
            if !Self.schema.accepts(bytes) || String(decoding: bytes, as: UTF8.self).contains("<!DOCTYPE") {
                #expect(Self.readerAccepts(bytes) == false, "\(path)")
            } else {
                #expect(Self.readerAccepts(bytes) == true, "\(path)")
            }
        }
    }

    @Test func theReaderAndTheSchemaAgreeOnMutatedAudits() throws {
        var bases: [[UInt8]] = []
        for path in try recordFiles() {
            bases += try XMLMutator.audits(in: Self.bytes(path))
        }
        #expect(bases.count >= 12)
        var random = SeededRandom(seed: "xml-differential")
        var refused = 0
        var disagreements: [String] = []
        let cases = 5_000
        for n in 0..<cases {
            let base = bases[n % bases.count]
            let (mutated, steps) = XMLMutator.mutate(base, times: 1 + n % 3, random: &random)
            let schema = Self.schema.accepts(mutated)
            let reader = Self.readerAccepts(mutated)
            if !schema { refused += 1 }
            if schema != reader && disagreements.count < 5 {
                disagreements.append(
                    "schema \(schema ? "accepts" : "refuses"), reader \(reader ? "accepts" : "refuses") after "
                        + steps.joined(separator: "; ") + ":\n" + String(decoding: mutated, as: UTF8.self))
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n\n"))")
        // Both outcomes are well represented, so agreement means something.
        #expect(refused > cases / 4 && refused < cases * 9 / 10, "\(refused) of \(cases) refused")
    }

    // MARK: Support

    static let schema = SchemaValidator(path: Project.path("Sources/EHCPAuditXML/ehcp-audit-record.xsd"))

    static func readerAccepts(_ bytes: [UInt8]) -> Bool {
        guard let source = try? XMLRecordSource(bytes: bytes, name: "mutant.xml") else { return false }
        do {
            while let entry = try source.next() {
                if entry.record == nil || !entry.diagnostics.isEmpty { return false }
            }
            return true
        } catch {
            return false
        }
    }

    static func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// The sample audit files (not the SEN2 return).
    func recordFiles() throws -> [String] {
        try (xmlFiles("samples") + xmlFiles("samples/annual-reviews")).filter { !$0.contains("/sen2-") }
    }

    func xmlFiles(_ folder: String) throws -> [String] {
        let directory = Project.path(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".xml") }.sorted()
            .map { "\(directory)/\($0)" }
    }
}

/// libxml2's XSD validator over a whole document, silent.
final class SchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// Parsed from memory: the reader's process refuses libxml2 any file or network access.
    init(path: String) {
        _ = XMLEventStream.externalEntitiesRefused
        let text = try! Data(contentsOf: URL(fileURLWithPath: path))
        let context = text.withUnsafeBytes {
            xmlSchemaNewMemParserCtxt($0.baseAddress!.assumingMemoryBound(to: CChar.self), Int32($0.count))!
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        schema = xmlSchemaParse(context)!
    }

    /// Whether the document is well formed (namespaces included) and valid.
    func accepts(_ bytes: [UInt8]) -> Bool {
        guard let parser = xmlNewParserCtxt() else { return false }
        defer { xmlFreeParserCtxt(parser) }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_BIG_LINES.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(parser, $0.baseAddress, Int32($0.count), "mutant.xml", nil, options)
            }
        }
        guard let document else { return false }
        defer { xmlFreeDoc(document) }
        guard parser.pointee.wellFormed == 1, parser.pointee.nsWellFormed == 1 else { return false }
        guard let validator = xmlSchemaNewValidCtxt(schema) else { return false }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, { _, _ in }, nil)
        return xmlSchemaValidateDoc(validator, document) == 0
    }
}
