import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// What the form fills in about the advice (AuditForm+Advice.swift): N/A for what an advice
/// that identified no needs cannot be rated on, and the date the last advice was requested.
struct AuditFormAdviceTests: WorkspaceTesting {
    let store: AuditStore

    init() throws {
        store = try Self.makeStore()
    }

    /// A social care advice that identified no needs, rated on all but the needs-dependent criteria.
    private func noNeedsAdvice(_ extra: [(String, String)] = []) -> [(String, String)] {
        [
            ("advice.0.agency", "social-care"), ("advice.0.id", "ADV-2"), ("advice.0.requested", "2025-02-03"),
            ("advice.0.received", "2025-03-03"), ("advice.0.status", "no-needs-identified"),
            ("advice.0.judgement.AD4", "good"), ("advice.0.judgement.AD5", "outstanding"),
            ("advice.0.judgement.AD6", "good"),
        ] + extra
    }

    @Test func anAdviceThatIdentifiedNoNeedsIsRatedNAWhereTheAuditorLeftIt() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            let fields = Array(try Self.workedExample(csrf: auditor.csrf).dropFirst()) + noNeedsAdvice()
            let stored = try await post(client, "/audits", as: auditor, fields)
            #expect(stored.status == .seeOther, "\(String(buffer: stored.body).prefix(3000))")
            let json = try await page(client, "/audits/AUD-2025-06-0001/record/json", as: auditor).html
            for criterion in ["AD1", "AD2", "AD3"] {
                #expect(json.contains("{\"criterion\":\"\(criterion)\",\"rating\":\"na\"}"), "\(criterion) in \(json)")
            }
            #expect(json.contains("{\"criterion\":\"AD5\",\"rating\":\"outstanding\"}"))
        }
    }

    @Test func aRatingGivenWhereNoNeedsWereIdentifiedIsKeptAndRefusedInWords() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            let fields =
                Array(try Self.workedExample(csrf: auditor.csrf).dropFirst())
                + noNeedsAdvice([("advice.0.judgement.AD1", "inadequate")])
            let refused = try await post(client, "/audits", as: auditor, fields)
            let html = String(buffer: refused.body)
            #expect(refused.status == .unprocessableContent)
            #expect(html.contains("identified no needs"), "the classic error is named")
            #expect(try store.status().audits == 0)
        }
    }

    @Test func anAdviceOfAnotherKindIsNotFilledIn() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            let received = noNeedsAdvice().map { $0.0 == "advice.0.status" ? ($0.0, "received") : $0 }
            let fields = Array(try Self.workedExample(csrf: auditor.csrf).dropFirst()) + received
            let refused = try await post(client, "/audits", as: auditor, fields)
            #expect(refused.status == .unprocessableContent, "AD1 to AD3 are asked for when needs were identified")
            #expect(String(buffer: refused.body).contains("AD1"))
        }
    }

    @Test func anotherAdviceStartsWithTheDateTheLastWasRequested() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            let one = [("planId", "P0001234"), ("advice.0.agency", "health"), ("advice.0.requested", "2025-02-03")]
            let added = String(
                buffer: try await post(client, "/audits", as: auditor, one + [("action", "add-advice")]).body)
            #expect(added.contains("name=\"advice.1.requested\" value=\"2025-02-03\""), "\(added)")
            let none = String(
                buffer: try await post(
                    client, "/audits", as: auditor, [("planId", "P0001234"), ("action", "add-advice")]
                ).body)
            #expect(none.contains("name=\"advice.1.requested\" value=\"\""), "nothing to carry, nothing filled")
        }
    }
}
