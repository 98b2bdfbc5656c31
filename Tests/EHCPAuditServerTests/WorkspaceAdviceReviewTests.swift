import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import Testing

/// Designated officers reviewing their agency's advice (Workspace+Advice).
struct WorkspaceAdviceReviewTests: WorkspaceTesting {
    let store: AuditStore

    init() throws {
        store = try Self.makeStore()
        try importSamples()
    }

    /// The review form's fields for advice `number` of a sample audit, with `change` applied.
    func reviewFields(_ auditId: String, advice number: Int, change: [String: String]) throws -> [(String, String)] {
        let record = try #require(try scoredSamples().map(\.0).first { $0.auditId == auditId })
        let advice = record.advices[number]
        var pairs = [("advice.\(number).status", change["status"] ?? advice.status.rawValue)]
        if let requested = advice.requested { pairs.append(("advice.\(number).requested", requested.description)) }
        if let received = advice.received { pairs.append(("advice.\(number).received", received.description)) }
        pairs += advice.judgements.map {
            ("advice.\(number).judgement.\($0.criterion)", change[$0.criterion] ?? $0.rating)
        }
        return pairs
    }

    @Test func aDCOSeesTheirAgencysAdviceAwaitingReviewAndReviewsIt() async throws {
        try await test { client in
            let dco = try await signIn(client, as: "dco-1")
            let worklist = try await page(client, "/", as: dco)
            #expect(worklist.html.contains("/audits/AUD-2025-06-0006/advice/ADV-2"), "health advice awaits review")
            #expect(!worklist.html.contains("AUD-2025-06-0004"), "social care advice is the DSCO's")
            #expect(!worklist.html.contains("AUD-2025-06-0003"), "education advice is not the DCO's")
            let form = try await page(client, "/audits/AUD-2025-06-0006/advice/ADV-2", as: dco)
            #expect(form.status == .ok && form.html.contains("name=\"advice.1.judgement.AD6\""))

            let fields = try reviewFields("AUD-2025-06-0006", advice: 1, change: ["AD6": "good"])
            let saved = try await post(client, "/audits/AUD-2025-06-0006/advice/ADV-2", as: dco, fields)
            // The officer goes on to the next advice awaiting review, if any.
            let next = try store.advices(of: .health, reviewed: false).first
            let expected = next.map { "/audits/\($0.auditId)/advice/\($0.adviceId)" } ?? "/audits/AUD-2025-06-0006"
            #expect(saved.status == .seeOther && Self.path(saved) == expected)
            let stored = try #require(try store.recordJSON(auditId: "AUD-2025-06-0006"))
            #expect(stored.contains(#"{"criterion":"AD6","rating":"good"}"#))
            #expect(stored.contains(#""auditor":"auditor-11""#), "the audit keeps its auditor")
            #expect(try store.adviceReview(auditId: "AUD-2025-06-0006", adviceId: "ADV-2")?.reviewer == "dco-1")
            #expect(try store.advices(of: .health, reviewed: false).allSatisfy { $0.auditId != "AUD-2025-06-0006" })
            #expect(try store.trail().contains { $0.action == "advice.review" && $0.user == "dco-1" })
        }
    }

    @Test func aReviewThatAgreesChangesNothingButIsRecorded() async throws {
        let before = try #require(try store.recordJSON(auditId: "AUD-2025-06-0002"))
        try await test { client in
            let dco = try await signIn(client, as: "dco-1")
            let fields = try reviewFields("AUD-2025-06-0002", advice: 0, change: [:])
            let saved = try await post(client, "/audits/AUD-2025-06-0002/advice/ADV-1", as: dco, fields)
            #expect(saved.status == .seeOther)
        }
        #expect(try store.recordJSON(auditId: "AUD-2025-06-0002") == before)
        #expect(try store.adviceReview(auditId: "AUD-2025-06-0002", adviceId: "ADV-1") != nil)
    }

    @Test func markingNoNeedsWhileRatingNeedsCriteriaIsCaughtInTheCommandLinesWords() async throws {
        let before = try #require(try store.recordJSON(auditId: "AUD-2025-06-0006"))
        try await test { client in
            let dco = try await signIn(client, as: "dco-1")
            let fields = try reviewFields("AUD-2025-06-0006", advice: 1, change: ["status": "no-needs-identified"])
            let refused = try await post(client, "/audits/AUD-2025-06-0006/advice/ADV-2", as: dco, fields)
            #expect(refused.status == .unprocessableContent)
            let html = String(buffer: refused.body)
            #expect(html.contains("advice ADV-2 identified no needs, so criterion AD1 is not applicable"))
            #expect(html.contains("href=\"#f-advice-1-judgement-AD1\""), "the summary links to the field")
        }
        #expect(try store.recordJSON(auditId: "AUD-2025-06-0006") == before)
        #expect(try store.adviceReview(auditId: "AUD-2025-06-0006", adviceId: "ADV-2") == nil)
    }

    @Test func officersReadOnlyTheirAgencysAdvice() async throws {
        try addUser("dsco-1", .dsco, agency: .socialCare)
        try await test { client in
            let dco = try await signIn(client, as: "dco-1")
            let mixed = try await page(client, "/audits/AUD-2025-06-0005", as: dco)
            #expect(
                mixed.status == .ok && mixed.html.contains("/advice/ADV-1\"") && !mixed.html.contains("/advice/ADV-2\"")
            )
            #expect(!mixed.html.contains("Grade: "), "the plan's score is not the DCO's to read")
            #expect(try await page(client, "/audits/AUD-2025-06-0005/advice/ADV-2", as: dco).status == .forbidden)
            #expect(try await page(client, "/audits/AUD-2025-06-0003", as: dco).status == .forbidden)
            let fields = try reviewFields("AUD-2025-06-0005", advice: 1, change: [:])
            let refused = try await post(client, "/audits/AUD-2025-06-0005/advice/ADV-2", as: dco, fields)
            #expect(refused.status == .forbidden)
            let dsco = try await signIn(client, as: "dsco-1")
            #expect(try await page(client, "/audits/AUD-2025-06-0005/advice/ADV-2", as: dsco).status == .ok)
            let auditor = try await signIn(client, as: "auditor-03")
            let own = try await page(client, "/audits/AUD-2025-06-0005/advice/ADV-1", as: auditor)
            #expect(own.status == .forbidden, "an auditor does not review advice, even on their own audit")
        }
    }
}
