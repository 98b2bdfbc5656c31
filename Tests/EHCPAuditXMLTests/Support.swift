import EHCPAuditTestSupport
import Foundation

/// Every entry of a record file, JSON or XML.
func entries(_ path: String) throws -> [RecordEntry] {
    let source = try RecordReader.source(path: path)
    var entries: [RecordEntry] = []
    while let entry = try source.next() { entries.append(entry) }
    return entries
}

extension AuditRecord {
    /// The record without source lines, which differ between a JSON file and its XML twin.
    var withoutLines: AuditRecord {
        var copy = self
        copy.line = nil
        copy.judgements = judgements.map {
            var j = $0
            j.line = nil
            return j
        }
        copy.advices = advices.map { advice in
            var a = advice
            a.line = nil
            a.judgements = advice.judgements.map {
                var j = $0
                j.line = nil
                return j
            }
            return a
        }
        return copy
    }
}

let recordOpening = #"<audit id="AUD-1" plan="P1" auditor="a-1" date="2025-06-12" kind="routine" status="final">"#
let namespace = "urn:ehcp-audit:record:1"
