import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import Testing

/// An audit's page shows what changed since the plan's previous audit (ReauditView).
struct WorkspaceReauditTests: WorkspaceTesting {
    let store: AuditStore

    init() throws {
        store = try Self.makeStore()
        try importSamples()
        var march = try #require(try scoredSamples().map(\.0).first { $0.auditId == "AUD-2025-06-0005" })
        march.auditId = "AUD-2025-03-0001"
        march.auditDate = CalendarDate("2025-03-10")!
        march.judgements = march.judgements.map { judgement in
            var judgement = judgement
            if judgement.criterion == "A1" { judgement.rating = "inadequate" }
            return judgement
        }
        let source = JSONRecordSource(bytes: Array(RecordJSONWriter.record(march).utf8), name: "march.json")
        _ = try AuditImport(into: store, at: "t").run(source, scoringWith: try store.frameworkCatalog())
    }

    @Test func theAuditPageSaysWhatChangedAndWhichActionsWereActedOn() async throws {
        try await test { client in
            let lead = try await signIn(client, as: "lead-1")
            let june = try await page(client, "/audits/AUD-2025-06-0005", as: lead)
            #expect(june.html.contains("Since the previous audit") && june.html.contains("AUD-2025-03-0001"))
            #expect(june.html.contains("<th scope=\"row\">A1</th><td>closed</td>"))
            #expect(june.html.contains("<th scope=\"row\">F1</th><td>still open</td>"))
            let march = try await page(client, "/audits/AUD-2025-03-0001", as: lead)
            #expect(!march.html.contains("Since the previous audit"), "the first audit of the plan")
        }
    }
}
