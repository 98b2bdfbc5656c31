import EHCPAuditTestSupport
import Foundation
import Testing

struct RecordReaderTests {
    @Test(arguments: [
        ("application/json", RecordReader.Format.json), ("application/json; charset=utf-8", .json),
        ("Application/JSON", .json), ("application/x-ndjson", .jsonLines), ("application/jsonl", .jsonLines),
        ("application/x-jsonlines", .jsonLines), ("application/ndjson", .jsonLines),
        ("application/vnd.ehcp+json", .json),
        ("application/xml", .xml), ("text/xml; charset=UTF-8", .xml), ("application/atom+xml", .xml),
    ])
    func knowsTheContentTypes(_ type: String, _ format: RecordReader.Format) {
        #expect(RecordReader.Format(contentType: type) == format)
    }

    @Test(arguments: ["text/plain", "", "application/octet-stream", "multipart/form-data"])
    func refusesOtherContentTypes(_ type: String) {
        #expect(RecordReader.Format(contentType: type) == nil)
        #expect(throws: Diagnostic.self) {
            try RecordReader.source(bytes: Array("{}".utf8), name: "body.json", contentType: type)
        }
    }

    @Test(arguments: [
        ("a.json", RecordReader.Format.json), ("b.JSONL", .jsonLines), ("c.ndjson", .jsonLines), ("d.xml", .xml),
    ])
    func knowsTheExtensions(_ name: String, _ format: RecordReader.Format) {
        #expect(RecordReader.Format(name: name) == format)
    }

    /// Records one a line, sent under each JSON Lines type with a name that says nothing: every
    /// record is read (under `application/json` the same body is one broken document).
    @Test(arguments: ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"])
    func jsonLinesAreReadUnderTheirContentTypes(_ type: String) throws {
        let lines = try String(contentsOfFile: Project.path("samples/audits-2025-06-late.jsonl"), encoding: .utf8)
        let count = lines.split(separator: "\n").count
        let source = try RecordReader.source(bytes: Array(lines.utf8), name: "request", contentType: type)
        var read = 0
        while let entry = try source.next() {
            #expect(entry.diagnostics.isEmpty)
            read += 1
        }
        #expect(read == count && count > 1)
        // Read as one JSON document, the same body is not these records.
        let asDocument = try RecordReader.source(
            bytes: Array(lines.utf8), name: "request", contentType: "application/json")
        var clean = 0
        do {
            while let entry = try asDocument.next() { clean += entry.diagnostics.isEmpty ? 1 : 0 }
        } catch {}
        #expect(clean < count)
    }

    @Test func anUnknownExtensionIsNamed() {
        #expect(
            throws: Diagnostic(
                file: "notes.md", message: "unsupported file type \".md\": expected .json, .jsonl, .ndjson or .xml")
        ) {
            try RecordReader.source(path: "notes.md")
        }
    }

    @Test func theContentTypeWinsOverTheName() throws {
        let xml = try String(contentsOfFile: Project.path("samples/audits-2025-06.xml"), encoding: .utf8)
        let source = try RecordReader.source(
            bytes: Array(xml.utf8), name: "upload.json", contentType: "application/xml")
        var count = 0
        while let entry = try source.next() {
            #expect(entry.diagnostics.isEmpty)
            count += 1
        }
        let samples = try scoredSamples().count
        #expect(count == samples)
    }

    @Test func xmlFromMemoryStillRefusesADoctype() {
        let xml = #"<?xml version="1.0"?><!DOCTYPE audits [<!ENTITY x "y">]><audits xmlns="urn:ehcp-audit:record:1"/>"#
        #expect(throws: Diagnostic.self) {
            let source = try RecordReader.source(bytes: Array(xml.utf8), name: "body", contentType: "application/xml")
            while try source.next() != nil {}
        }
    }
}
