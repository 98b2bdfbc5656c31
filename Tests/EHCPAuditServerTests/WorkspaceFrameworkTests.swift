import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import Testing

/// Annual reviews audited in the browser: the form follows the framework asked for.
struct WorkspaceFrameworkTests: WorkspaceTesting {
    let store: AuditStore

    init() throws {
        store = try Self.makeStore()
        let text = try String(contentsOfFile: Project.path("criteria/annual-review.yaml"), encoding: .utf8)
        try store.addFramework(text: text, file: "annual-review.yaml", at: "t")
    }

    @Test func anAnnualReviewIsAuditedThroughItsOwnForm() async throws {
        let framework = try FrameworkLoader.load(path: Project.path("criteria/annual-review.yaml"))
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            let plain = try await page(client, "/audits/new", as: auditor)
            #expect(plain.html.contains("href=\"/audits/new?framework=annual-review\""))
            let form = try await page(client, "/audits/new?framework=annual-review", as: auditor)
            #expect(form.html.contains("name=\"judgement.T1\"") && !form.html.contains("name=\"judgement.F1\""))
            #expect(form.html.contains("name=\"framework.id\" value=\"annual-review\""))
            #expect(form.html.contains("Good looks like:") && form.html.contains("Source: "))
            let ratings = framework.sections.flatMap(\.criteria).map {
                ("judgement.\($0.id)", $0.notApplicable ? "na" : "good")
            }
            let saved = try await post(
                client, "/audits", as: auditor,
                [
                    ("framework.id", "annual-review"), ("planId", "P0003171"), ("auditDate", "2025-06-09"),
                    ("kind", "routine"), ("plan.planType", "annual-review"), ("status", "final"), ("confirmed", "yes"),
                ] + ratings)
            #expect(saved.status == .seeOther)
            let id = try #require(Self.path(saved)).replacingOccurrences(of: "/audits/", with: "")
            let stored = try #require(try store.recordJSON(auditId: id))
            #expect(stored.contains(#""framework":{"id":"annual-review","version":"2025.1"}"#))
            #expect(try await page(client, "/audits/new?framework=nope", as: auditor).status == .notFound)
        }
    }
}
