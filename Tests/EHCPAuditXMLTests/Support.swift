import EHCPAuditTestSupport
import Foundation

/// Every entry of a record file, JSON or XML.
func entries(_ path: String) throws -> [RecordEntry] {
    let source = try RecordReader.source(path: path)
    var entries: [RecordEntry] = []
    while let entry = try source.next() { entries.append(entry) }
    return entries
}

let recordOpening = #"<audit id="AUD-1" plan="P1" auditor="a-1" date="2025-06-12" kind="routine" status="final">"#
let namespace = "urn:ehcp-audit:record:1"
