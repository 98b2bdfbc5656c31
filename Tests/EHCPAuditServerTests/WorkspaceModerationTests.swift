import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import Testing

/// Second audits: the lead asks for one, the moderator audits blind, then sees both side by
/// side (Workspace+Moderation).
struct WorkspaceModerationTests: WorkspaceTesting {
    let store: AuditStore

    init() throws {
        store = try Self.makeStore()
        try importSamples()
        try addUser("auditor-04", .auditor)
    }

    @Test func theModeratorAuditsBlindThenSeesBothSideBySide() async throws {
        try await test { client in
            let lead = try await signIn(client, as: "lead-1")
            let original = try await page(client, "/audits/AUD-2025-06-0005", as: lead)
            #expect(original.html.contains("action=\"/audits/AUD-2025-06-0005/moderator\""))
            let own = try await post(
                client, "/audits/AUD-2025-06-0005/moderator", as: lead, [("moderator", "auditor-03")])
            #expect(own.status == .unprocessableContent, "auditor-03 made the audit")
            let asked = try await post(
                client, "/audits/AUD-2025-06-0005/moderator", as: lead, [("moderator", "auditor-04")])
            #expect(asked.status == .seeOther)

            let moderator = try await signIn(client, as: "auditor-04")
            let worklist = try await page(client, "/", as: moderator)
            #expect(worklist.html.contains("kind=moderation&amp;moderates=AUD-2025-06-0005"))
            #expect(try await page(client, "/audits/AUD-2025-06-0005", as: moderator).status == .forbidden)
            let form = try await page(
                client, "/audits/new?plan=P0005002&kind=moderation&moderates=AUD-2025-06-0005", as: moderator)
            #expect(form.status == .ok && !form.html.contains("Beside the audit"))

            var fields = try Self.workedExample(csrf: moderator.csrf, status: "draft", change: ["A1": "good"])
            fields.removeFirst()
            fields += [("kind", "moderation"), ("moderates", "AUD-2025-06-0005")]
            fields.removeAll { $0 == ("kind", "routine") }
            let draft = try await post(client, "/audits", as: moderator, fields)
            let location = try #require(Self.path(draft))
            let hidden = try await page(client, location, as: moderator)
            #expect(hidden.html.contains("shown beside it only once both are final"))
            #expect(!hidden.html.contains("Beside the audit") && !hidden.html.contains("auditor-03"))

            fields.removeAll { $0.0 == "status" }
            let final = try await post(
                client, location, as: moderator, fields + [("status", "final"), ("confirmed", "yes")])
            #expect(final.status == .seeOther)
            let shown = try await page(client, location, as: moderator)
            let criteria = Project.framework.sections.flatMap(\.criteria).count
            #expect(shown.html.contains("Beside the audit it moderates"))
            #expect(shown.html.contains("agree on \(criteria - 1) of \(criteria) criteria"))
            #expect(shown.html.contains("<th scope=\"row\">A1</th>") && shown.html.contains("differs"))
            let assignments = try store.moderationAssignments(for: "auditor-04")
            #expect(assignments.first?.moderationStatus == "final")
        }
    }

    @Test func onlyAFinalAuditCanBeModeratedAndOnlyTheLeadAsks() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            let refused = try await post(
                client, "/audits/AUD-2025-06-0001/moderator", as: auditor, [("moderator", "auditor-04")])
            #expect(refused.status == .forbidden)
            let lead = try await signIn(client, as: "lead-1")
            let missing = try await post(client, "/audits/NO-SUCH/moderator", as: lead, [("moderator", "auditor-04")])
            #expect(missing.status == .notFound)
            let dco = try await post(client, "/audits/AUD-2025-06-0001/moderator", as: lead, [("moderator", "dco-1")])
            #expect(dco.status == .unprocessableContent, "a DCO does not audit plans")
        }
        #expect(try store.moderationAssignments().isEmpty)
    }
}

extension WorkspaceModerationTests {
    @Test func anAuditorNobodyAskedCannotModerate() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-04")
            var fields = try Self.workedExample(csrf: auditor.csrf, status: "final")
            fields.removeFirst()
            fields.removeAll { $0 == ("kind", "routine") }
            fields += [("kind", "moderation"), ("moderates", "AUD-2025-06-0001")]
            // A moderation audit is of the plan of the audit it moderates (docs/records.md).
            fields = fields.map { $0.0 == "planId" ? ("planId", "P0001234") : $0 }
            let saved = try await post(client, "/audits", as: auditor, fields)
            #expect(saved.status == .unprocessableContent)
            let html = String(buffer: saved.body)
            #expect(html.contains("has not asked auditor-04 to moderate audit AUD-2025-06-0001"))
            #expect(!html.contains("Beside the audit it moderates") && !html.contains("auditor-07"))
        }
        #expect(try store.moderations(of: "AUD-2025-06-0001", by: "auditor-04").isEmpty)
    }
}
