import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import Testing

/// The family's answers entered in the browser: the form asks the six statements in the
/// scale's own words, and refuses a name where a reference belongs.
struct WorkspaceFamilyVoiceTests: WorkspaceTesting {
    let store: AuditStore

    init() throws {
        store = try Self.makeStore()
        let text = try String(contentsOfFile: Project.path("criteria/family-voice.yaml"), encoding: .utf8)
        try store.addFramework(text: text, file: "family-voice.yaml", at: "t")
    }

    /// The form's fields for every statement answered `rating`, on plan `plan`.
    func answers(_ rating: String, plan: String) -> [(String, String)] {
        [
            ("framework.id", "family-voice"), ("planId", plan), ("auditDate", "2025-06-20"), ("kind", "routine"),
            ("status", "final"), ("confirmed", "yes"),
        ] + (1...6).map { ("judgement.FV\($0)", rating) }
    }

    @Test func theFormAsksTheStatementsInTheScalesOwnWords() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            let plain = try await page(client, "/audits/new", as: auditor)
            #expect(
                plain.html.contains("name=\"framework.id\" value=\"ehcp-qa\""), "a fresh store opens the plan audit")
            let form = try await page(client, "/audits/new?framework=family-voice", as: auditor)
            #expect(form.status == .ok)
            #expect(form.html.contains("FV1 &quot;I recognise my child in the plan&quot;"))
            for label in ["Strongly agree", "Neither agree nor disagree", "Strongly disagree", "N/A"] {
                #expect(form.html.contains("> \(label)</label>"), "\(label)")
            }
            #expect(!form.html.contains("Outstanding") && !form.html.contains("Inadequate"))
            #expect(!form.html.contains("href=\"#section-advice\""), "no link to advice the framework does not judge")
            let saved = try await post(client, "/audits", as: auditor, answers("agree", plan: "P0005002"))
            #expect(saved.status == .seeOther)
            let id = try #require(Self.path(saved)).replacingOccurrences(of: "/audits/", with: "")
            let shown = try await page(client, "/audits/\(id)", as: auditor)
            #expect(shown.html.contains("Positive") && shown.html.contains("75"))
        }
    }

    @Test func aNameWhereThePlanReferenceBelongsIsRefused() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            let refused = try await post(client, "/audits", as: auditor, answers("agree", plan: "Jane Smith"))
            let html = String(buffer: refused.body)
            #expect(refused.status != .seeOther, "nothing is stored")
            #expect(html.contains("error-summary") && html.contains("Jane Smith"))
        }
    }
}
