import EHCPAuditTestSupport
import Foundation
import Testing

struct RecordReaderTests {
    @Test(arguments: [
        ("application/json", RecordReader.Format.json), ("application/json; charset=utf-8", .json),
        ("Application/JSON", .json), ("application/x-ndjson", .json), ("application/vnd.ehcp+json", .json),
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

    @Test(arguments: [("a.json", RecordReader.Format.json), ("b.JSONL", .json), ("c.ndjson", .json), ("d.xml", .xml)])
    func knowsTheExtensions(_ name: String, _ format: RecordReader.Format) {
        #expect(RecordReader.Format(name: name) == format)
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
