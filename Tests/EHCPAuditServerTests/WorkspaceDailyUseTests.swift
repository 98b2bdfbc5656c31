import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The workspace for daily use (issue 29): half-done drafts, add and remove advice, answers
/// checked before final, banners, reports by month, finding, sign-in back to the page, the
/// lead sharing plans out.
struct WorkspaceDailyUseTests: WorkspaceTesting {
    let store: AuditStore

    init() throws {
        store = try Self.makeStore()
    }

    @Test func aHalfFinishedDraftSavesAndShowsItsGradeSoFar() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            let saved = try await post(
                client, "/audits", as: auditor,
                [
                    ("planId", "P0001234"), ("auditDate", "2025-06-12"), ("kind", "routine"), ("judgement.A1", "good"),
                    ("status", "draft"),
                ])
            #expect(saved.status == .seeOther && saved.headers[.location]?.hasSuffix("?done=saved") == true)
            let page = try await page(client, try #require(saved.headers[.location]), as: auditor)
            #expect(page.html.contains("Your draft is saved") && page.html.contains("so far, from 1 of"))
            #expect(page.html.contains("Not rated"), "every criterion is listed, rated or not")
        }
    }

    @Test func submittingAsFinalShowsTheAnswersToCheckFirst() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            var fields = Array(try Self.workedExample(csrf: auditor.csrf).dropFirst())
            fields.removeAll { $0.0 == "confirmed" }
            let check = try await post(client, "/audits", as: auditor, fields)
            #expect(check.status == .ok && String(buffer: check.body).contains("Check your answers"))
            #expect(
                String(buffer: check.body).contains("This audit will be graded <strong>Requires improvement</strong>"))
            #expect(try store.status().audits == 0, "nothing is stored before the answers are confirmed")
            let change = try await post(client, "/audits", as: auditor, fields + [("action", "change")])
            #expect(change.status == .ok && String(buffer: change.body).contains("class=\"audit-form\""))
            let confirmed = try await post(client, "/audits", as: auditor, fields + [("confirmed", "yes")])
            #expect(confirmed.headers[.location] == "/audits/AUD-2025-06-0001?done=submitted")
        }
    }

    @Test func aPlanNotInThePopulationIsWarnedOfButNotRefused() async throws {
        try PopulationImport(into: store, asOf: CalendarDate("2025-06-01")!, at: "t").run(
            path: Project.path("samples/population-2025-06.csv"))
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            var fields = Array(try Self.workedExample(csrf: auditor.csrf).dropFirst())
            fields.removeAll { $0.0 == "confirmed" }
            let known = String(buffer: try await post(client, "/audits", as: auditor, fields).body)
            #expect(known.contains("Check your answers") && !known.contains("Check the plan reference"))
            fields = fields.map { $0.0 == "planId" ? ("planId", "P9999999") : $0 }
            let unknown = String(buffer: try await post(client, "/audits", as: auditor, fields).body)
            #expect(unknown.contains("Check the plan reference") && unknown.contains("plan P9999999 is not"))
            let stored = try await post(client, "/audits", as: auditor, fields + [("confirmed", "yes")])
            #expect(stored.status == .seeOther)
        }
    }

    @Test func adviceIsAddedAndRemovedWithoutStoringAnything() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            let one = [("planId", "P0001234"), ("advice.0.agency", "health"), ("advice.0.provider", "Trust")]
            let added = String(
                buffer: try await post(client, "/audits", as: auditor, one + [("action", "add-advice")]).body)
            #expect(added.contains("name=\"advice.1.agency\"") && added.contains("value=\"Trust\""))
            let removed = String(
                buffer: try await post(client, "/audits", as: auditor, one + [("action", "remove-advice-0")]).body)
            #expect(!removed.contains("value=\"Trust\"") && removed.contains("name=\"advice.0.agency\""))
            #expect(try store.status().audits == 0)
        }
    }

    @Test func reportsRefuseWhatCannotBeAndNameTheirDownloadsByMonth() async throws {
        try importSamples()
        try await test { client in
            let lead = try await signIn(client, as: "lead-1")
            for uri in [
                "/reports/monthly?month=2025-13", "/reports/monthly?month=2025-06&format=pdf",
                "/reports/learning?month=2025-06&by=locality", "/reports/advice?month=June", "/?month=2025-00",
            ] {
                let page = try await page(client, uri, as: lead)
                #expect(page.status == .badRequest, "\(uri)")
            }
            let csv = try await client.execute(
                uri: "/reports/monthly?month=2025-06&format=csv", method: .get, headers: lead.cookie)
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"monthly-2025-06.csv\"")
            let markdown = try await client.execute(
                uri: "/reports/advice?month=2025-06&format=markdown", method: .get, headers: lead.cookie)
            #expect(markdown.headers[.contentDisposition] == "attachment; filename=\"advice-2025-06.md\"")
            let page = try await page(client, "/reports/monthly?month=2025-06", as: lead)
            #expect(page.html.contains("Previous month (2025-05)") && page.html.contains("Next month (2025-07)"))
        }
    }

    @Test func findOpensTheAuditOrListsThePlansAudits() async throws {
        try importSamples()
        try await test { client in
            let lead = try await signIn(client, as: "lead-1")
            let audit = try await client.execute(uri: "/find?q=AUD-2025-06-0005", method: .get, headers: lead.cookie)
            #expect(audit.headers[.location] == "/audits/AUD-2025-06-0005")
            let plan = try await page(client, "/find?q=P0001234", as: lead)
            #expect(plan.html.contains("AUD-2025-06-0001"))
        }
    }

    @Test func signingInLeadsBackToThePageAskedForOnThisSiteOnly() async throws {
        try await test { client in
            let asked = try await client.execute(uri: "/reports/monthly?month=2025-06", method: .get)
            #expect(asked.headers[.location] == "/login?next=%2Freports%2Fmonthly%3Fmonth%3D2025-06")
            for (next, expected) in [
                ("/reports/monthly?month=2025-06", "/reports/monthly?month=2025-06"), ("//evil.example", "/"),
            ] {
                let form = try await signInForm(client)
                var headers = form.cookie
                headers[.contentType] = "application/x-www-form-urlencoded"
                let response = try await client.execute(
                    uri: "/login", method: .post, headers: headers,
                    body: Self.form([
                        ("csrf", form.csrf), ("username", "auditor-03"), ("password", Self.password), ("next", next),
                    ]))
                #expect(response.headers[.location] == expected)
            }
        }
    }

    @Test func theLeadAssignsTheSelectedPlansOrSharesThemInTurn() async throws {
        try PopulationImport(into: store, asOf: CalendarDate("2025-06-01")!, at: "t").run(
            path: Project.path("samples/population-2025-06.csv"))
        let sample = try store.drawSample(try SampleParameters(month: YearMonth("2025-07")!, seed: "july"), at: "t")
        let plans = sample.selected.map(\.planId)
        try addUser("auditor-04", .auditor)
        try await test { client in
            let lead = try await signIn(client, as: "lead-1")
            let assigned = try await post(
                client, "/sample/2025-07/assign", as: lead,
                [("select", plans[0]), ("to", "auditor-03"), ("action", "assign")])
            #expect(assigned.headers[.location] == "/?month=2025-07&done=assigned&count=1")
            let shared = try await post(
                client, "/sample/2025-07/assign", as: lead,
                plans.prefix(4).map { ("select", $0) } + [
                    ("share", "auditor-03"), ("share", "auditor-04"), ("action", "share"),
                ])
            #expect(shared.headers[.location] == "/?month=2025-07&done=assigned&count=4")
            let unassigned = try await page(client, "/?month=2025-07&show=unassigned", as: lead)
            #expect(plans.prefix(4).allSatisfy { !unassigned.html.contains("value=\"\($0)\"") })
            #expect(plans.dropFirst(4).allSatisfy { unassigned.html.contains("value=\"\($0)\"") })
        }
        let items = try store.worklist(for: YearMonth("2025-07")!)
        let byPlan = Dictionary(uniqueKeysWithValues: items.map { ($0.planId, $0.auditor) })
        #expect(plans.prefix(4).map { byPlan[$0] ?? nil } == ["auditor-03", "auditor-04", "auditor-03", "auditor-04"])
    }

    @Test func aModerationFormHasTheAdvicesDetailsButNotTheirRatings() async throws {
        try importSamples()
        try addUser("auditor-04", .auditor)
        try store.assignModeration(of: "AUD-2025-06-0005", to: "auditor-04", by: "lead-1", at: "t")
        let plan = try #require(try store.audits().first { $0.auditId == "AUD-2025-06-0005" }?.planId)
        try await test { client in
            let moderator = try await signIn(client, as: "auditor-04")
            let form = try await page(
                client, "/audits/new?plan=\(plan)&kind=moderation&moderates=AUD-2025-06-0005", as: moderator)
            #expect(form.html.contains("name=\"advice.0.provider\" value=\"") && form.html.contains("value=\"ADV-1\""))
            #expect(form.html.firstMatch(of: /name="advice\.\d+\.judgement\.[^"]+" value="[^"]+" checked/) == nil)
            let other = try await signIn(client, as: "auditor-03")
            let unasked = try await page(
                client, "/audits/new?plan=\(plan)&kind=moderation&moderates=AUD-2025-06-0005", as: other)
            #expect(!unasked.html.contains("value=\"ADV-1\""), "only the moderator asked gets the details")
        }
    }

    @Test func pagesSayWordsNotIds() async throws {
        try importSamples()
        try await test { client in
            let lead = try await signIn(client, as: "lead-1")
            let audit = try await page(client, "/audits/AUD-2025-06-0004", as: lead).html
            #expect(audit.contains("Routine audit") && audit.contains("Social care"))
            #expect(!audit.contains(">social-care<") && !audit.contains(">routine<"))
            let form = try await page(client, "/audits/new", as: lead).html
            #expect(form.contains(">Early years</option>") && form.contains(">Received: no needs identified</option>"))
        }
    }
}

extension WorkspaceDailyUseTests {
    @Test func learningPacksHaveContentsAndModerationPairsLinkToTheirPages() async throws {
        try importSamples()
        try await test { client in
            let lead = try await signIn(client, as: "lead-1")
            let packs = try await page(client, "/reports/learning?month=2025-06&by=auditor", as: lead).html
            let contents = try #require(
                packs.firstMatch(of: /<nav class="contents"[^>]*>.*?<\/nav>/.dotMatchesNewlines()))
            let first = try #require(String(contents.0).firstMatch(of: /href="#(part-\d+)">([^<]+)</))
            #expect(packs.contains("<h2 id=\"\(first.1)\">\(first.2)</h2>"), "each entry links to its part")
            let moderation = try await page(client, "/reports/moderation?month=2025-06", as: lead).html
            let pairs = try store.moderationReport(for: ReportPeriod(month: YearMonth("2025-06")!), informs: [:])
                .pairList
            for pair in pairs {
                #expect(moderation.contains("href=\"/audits/\(pair.moderationAuditId)\""))
            }
        }
    }
}
