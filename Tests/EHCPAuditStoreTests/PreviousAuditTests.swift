import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditStore

/// "The previous audit" is one rule, said in Swift (`PreviousAudits`) and in the store's SQL
/// (`previousAudit(of:)`): both find the same audit for every audit of a history built to
/// hit each edge — drafts, moderations, another framework, two audits of one day, another
/// plan, and audits later than the one asked about.
struct PreviousAuditTests {
    /// Each audit of the history, and the id of the previous audit the rule gives it.
    static let history: [(AuditRecord, String?)] = {
        let plan = try! scoredSamples()[0].0
        let review = try! RecordReader.source(path: Project.path("samples/annual-reviews/audits-2025-06.json"))
            .next()!.record!
        func audit(
            _ id: String, _ date: String, of template: AuditRecord = plan, planId: String = "P0000001",
            status: AuditStatus = .final, kind: AuditKind = .routine, moderates: String? = nil
        ) -> AuditRecord {
            var record = template
            record.auditId = id
            record.planId = planId
            record.auditDate = CalendarDate(date)!
            record.status = status
            record.kind = kind
            record.moderates = moderates
            return record
        }
        return [
            (audit("AUD-2025-03-0001", "2025-03-10"), nil),
            (audit("AUD-2025-04-0001", "2025-04-01", status: .draft), "AUD-2025-03-0001"),
            (
                audit("AUD-2025-04-0002", "2025-04-02", kind: .moderation, moderates: "AUD-2025-03-0001"),
                "AUD-2025-03-0001"
            ),
            // Two audits of one day: in the order of their ids, whichever was listed first.
            (audit("AUD-2025-05-0002", "2025-05-05"), "AUD-2025-05-0001"),
            (audit("AUD-2025-05-0001", "2025-05-05"), "AUD-2025-03-0001"),
            (audit("AUD-2025-05-AR01", "2025-05-20", of: review), nil),
            (audit("AUD-2025-06-AR02", "2025-06-20", of: review), "AUD-2025-05-AR01"),
            (audit("AUD-2025-02-0009", "2025-02-01", planId: "P0000002"), nil),
            (audit("AUD-2025-06-0008", "2025-06-01", planId: "P0000002"), "AUD-2025-02-0009"),
            (audit("AUD-2025-07-0001", "2025-07-01"), "AUD-2025-05-0002"),
            (audit("AUD-2025-08-0001", "2025-08-01", status: .draft), "AUD-2025-07-0001"),
            (
                audit("AUD-2025-08-0002", "2025-08-02", kind: .moderation, moderates: "AUD-2025-07-0001"),
                "AUD-2025-07-0001"
            ),
        ]
    }()

    @Test func theStoreSQLAgreesWithTheSwiftRule() throws {
        let store = try temporaryStore()
        for name in ["ehcp-qa", "annual-review"] {
            let text = try String(contentsOfFile: Project.path("criteria/\(name).yaml"), encoding: .utf8)
            _ = try store.addFramework(text: text, file: "\(name).yaml", at: "t")
        }
        let text = "[" + Self.history.map { RecordJSONWriter.record($0.0) }.joined(separator: ",\n") + "]"
        let source = try RecordReader.source(bytes: Array(text.utf8), name: "history.json")
        var refused: [String] = []
        let summary = try AuditImport(into: store, at: "t").run(source, scoringWith: try store.frameworkCatalog()) {
            if case .refused(let diagnostics) = $0 { refused += diagnostics.map(\.description) }
        }
        #expect(refused == [])
        #expect(summary.imported == Self.history.count)
        var earlier = PreviousAudits<String>()
        for (record, _) in Self.history { earlier.add(record, record.auditId) }
        for (record, expected) in Self.history {
            let found = try store.previousAudit(of: record)?.auditId
            #expect(found == earlier.previous(of: record), "\(record.auditId)")
            #expect(found == expected, "\(record.auditId)")
        }
    }
}
