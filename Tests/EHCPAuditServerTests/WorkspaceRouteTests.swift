import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The workspace's routes and security rules (docs/workspace.md), through Hummingbird's test
/// client: sign-in, lock-out, role limits, CSRF, the form against `import`, the API.
struct WorkspaceRouteTests: WorkspaceTesting {
    let store: AuditStore

    init() throws { store = try Self.makeStore() }

    @Test func healthAndSecurityHeaders() async throws {
        try await test { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok && String(buffer: response.body) == "ok")
            #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true)
            #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
        }
    }

    @Test func signInRefusesWithoutSayingWhichWasWrongAndLocksAfterFive() async throws {
        try await test { client in
            for name in ["nobody", "auditor-03"] {
                let response = try await signInAttempt(client, name: name, password: "wrong")
                #expect(
                    response.status == .unauthorized && String(buffer: response.body).contains("name or the password"))
            }
            for _ in 0..<4 { _ = try await signInAttempt(client, name: "auditor-03", password: "wrong") }
            let locked = try await signInAttempt(client, name: "auditor-03", password: Self.password)
            #expect(locked.status == .unauthorized, "five failures lock the name, even with the right password")
            #expect(try store.trail().contains { $0.action == "sign-in.failed" })
        }
    }

    @Test func pagesNeedASignInAndRolesAreLimited() async throws {
        try await test { client in
            let anonymous = try await client.execute(uri: "/", method: .get)
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/login")
            let dco = try await signIn(client, as: "dco-1")
            let form = try await client.execute(uri: "/audits/new", method: .get, headers: dco.cookie)
            #expect(form.status == .forbidden, "a DCO does not make audits")
            var headers = dco.cookie
            headers[.contentType] = "application/x-www-form-urlencoded"
            let post = try await client.execute(
                uri: "/audits", method: .post, headers: headers, body: Self.form(try Self.workedExample(csrf: dco.csrf))
            )
            #expect(post.status == .forbidden)
        }
    }

    @Test func aFormWithoutItsCSRFTokenChangesNothing() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            var headers = auditor.cookie
            headers[.contentType] = "application/x-www-form-urlencoded"
            let response = try await client.execute(
                uri: "/audits", method: .post, headers: headers, body: Self.form(try Self.workedExample(csrf: "forged"))
            )
            #expect(response.status == .forbidden)
            #expect(try store.status().audits == 0)
        }
    }

    @Test func theFormIsStoredExactlyAsAnImportOfTheSameRecordWouldBe() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            var headers = auditor.cookie
            headers[.contentType] = "application/x-www-form-urlencoded"
            let preview = try await client.execute(
                uri: "/preview", method: .post, headers: headers,
                body: Self.form(try Self.workedExample(csrf: auditor.csrf)))
            #expect(String(buffer: preview.body).contains("70.57%"))
            #expect(try store.status().audits == 0, "a preview stores nothing")
            let created = try await client.execute(
                uri: "/audits", method: .post, headers: headers,
                body: Self.form(try Self.workedExample(csrf: auditor.csrf)))
            #expect(created.status == .seeOther && Self.path(created) == "/audits/AUD-2025-06-0001")
            let stored = try #require(try store.recordJSON(auditId: "AUD-2025-06-0001"))
            // The same record as a file: the import changes nothing.
            let source = JSONRecordSource(bytes: Array(stored.utf8), name: "same.json")
            let again = try AuditImport(into: store, at: "t").run(source, scoringWith: try store.frameworkCatalog())
            #expect(again.committed && again.unchanged == 1 && again.imported == 0)
            #expect(stored.contains("\"auditor\":\"auditor-03\""), "the auditor is the signed-in user")
            let page = try await client.execute(uri: "/audits/AUD-2025-06-0001", method: .get, headers: auditor.cookie)
            #expect(String(buffer: page.body).contains("Requires improvement"))
        }
    }

    @Test func anInvalidFormComesBackWith422AndEachProblemBesideItsField() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            var headers = auditor.cookie
            headers[.contentType] = "application/x-www-form-urlencoded"
            var pairs = try Self.workedExample(csrf: auditor.csrf, change: ["B1": "na"])
            pairs.removeAll { $0.0 == "judgement.A1" }
            let response = try await client.execute(
                uri: "/audits", method: .post, headers: headers, body: Self.form(pairs))
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains("href=\"#f-judgement-A1\"") && html.contains("href=\"#f-judgement-B1\""))
            #expect(html.contains("may not be rated N/A"), "the CLI's words, the rating as people read it")
            #expect(try store.status().audits == 0)
        }
    }

    @Test func theAPIImportsAWholeBodyOrNothing() async throws {
        let token = Accounts.newToken()
        try store.setToken(hash: Accounts.tokenHash(token), for: "lead-1", at: "t")
        let good = try String(contentsOfFile: Project.path("samples/audits-2025-06.json"), encoding: .utf8)
        let bad = try String(
            contentsOfFile: Project.path("samples/invalid/no-needs-advice-rated.json"), encoding: .utf8)
        try await test { client in
            var headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let none = try await client.execute(uri: "/api/audits", method: .post, body: ByteBuffer(string: good))
            #expect(none.status == .unauthorized)
            let mixed =
                "[" + good.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst().dropLast() + "," + bad + "]"
            let refused = try await client.execute(
                uri: "/api/audits", method: .post, headers: headers, body: ByteBuffer(string: mixed))
            #expect(refused.status == .unprocessableContent)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: refused.body)) as? [String: Any])
            #expect(json["imported"] as? Int == 0 && json["refused"] as? Int == 1)
            let errors = try #require(json["errors"] as? [[String: Any]])
            #expect(
                errors.contains {
                    ($0["line"] as? Int) != nil && ($0["message"] as? String)?.contains("no needs") == true
                })
            #expect(try store.status().audits == 0)
            let accepted = try await client.execute(
                uri: "/api/audits", method: .post, headers: headers, body: ByteBuffer(string: good))
            #expect(accepted.status == .ok)
            headers[.contentType] = "text/plain"
            let wrongType = try await client.execute(
                uri: "/api/audits", method: .post, headers: headers, body: ByteBuffer(string: good))
            #expect(wrongType.status == .unsupportedMediaType)
        }
    }

    @Test func theLeadAssignsTheMonthsSampleAndTheAuditorSeesTheirPlans() async throws {
        try PopulationImport(into: store, asOf: CalendarDate("2025-06-01")!, at: "t").run(
            path: Project.path("samples/population-2025-06.csv"))
        let sample = try store.drawSample(try SampleParameters(month: YearMonth("2025-07")!, seed: "july"), at: "t")
        let plan = try #require(sample.selected.first?.planId)
        try await test { client in
            let lead = try await signIn(client, as: "lead-1")
            var headers = lead.cookie
            headers[.contentType] = "application/x-www-form-urlencoded"
            let page = String(buffer: try await client.execute(uri: "/", method: .get, headers: lead.cookie).body)
            #expect(page.contains("The sample for 2025-07") && page.contains("name=\"select\" value=\"\(plan)\""))
            let assigned = try await client.execute(
                uri: "/sample/2025-07/assign", method: .post, headers: headers,
                body: Self.form([("csrf", lead.csrf), ("plan.\(plan)", "auditor-03")]))
            #expect(assigned.status == .seeOther)
            let outside = try await client.execute(
                uri: "/sample/2025-07/assign", method: .post, headers: headers,
                body: Self.form([("csrf", lead.csrf), ("plan.NOT-SAMPLED", "auditor-03")]))
            #expect(outside.status == .unprocessableContent)
            let auditor = try await signIn(client, as: "auditor-03")
            let mine = String(buffer: try await client.execute(uri: "/", method: .get, headers: auditor.cookie).body)
            #expect(mine.contains("/audits/new?plan=\(plan)"), "the auditor can start the audit of the assigned plan")
            var auditorHeaders = auditor.cookie
            auditorHeaders[.contentType] = "application/x-www-form-urlencoded"
            let forbidden = try await client.execute(
                uri: "/sample/2025-07/assign", method: .post, headers: auditorHeaders,
                body: Self.form([("csrf", auditor.csrf), ("plan.\(plan)", "auditor-03")]))
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test func aDraftIsEditedByItsAuditorAndEveryChangeKeepsTheEarlierVersion() async throws {
        try store.addUser(
            name: "auditor-04", role: .auditor, agency: nil, passwordHash: Accounts.hashPassword(Self.password), at: "t"
        )
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            var headers = auditor.cookie
            headers[.contentType] = "application/x-www-form-urlencoded"
            let draft = try Self.workedExample(csrf: auditor.csrf, status: "draft")
            let created = try await client.execute(
                uri: "/audits", method: .post, headers: headers, body: Self.form(draft))
            let location = try #require(Self.path(created))
            let edit = try await client.execute(uri: location + "/edit", method: .get, headers: auditor.cookie)
            #expect(edit.status == .ok && String(buffer: edit.body).contains("value=\"AUD-2025-06-0001\""))
            #expect(String(buffer: edit.body).contains("formaction=\"\(location)/preview\""))
            let previewed = try await client.execute(
                uri: location + "/preview", method: .post, headers: headers, body: Self.form(draft))
            #expect(String(buffer: previewed.body).contains("action=\"\(location)\""), "a preview keeps editing")
            let other = try await signIn(client, as: "auditor-04")
            let forbidden = try await client.execute(uri: location + "/edit", method: .get, headers: other.cookie)
            #expect(forbidden.status == .forbidden, "another auditor's draft")
            let final = try Self.workedExample(csrf: auditor.csrf, status: "final", change: ["A1": "good"])
            let changed = try await client.execute(
                uri: location, method: .post, headers: headers, body: Self.form(final))
            #expect(
                changed.status == .seeOther,
                "\(String(buffer: changed.body).firstMatch(of: /error-summary.{0,400}/).map { String($0.0) } ?? "")")
            let stored = try #require(try store.recordJSON(auditId: "AUD-2025-06-0001"))
            #expect(stored.contains("\"status\":\"final\"") && stored.contains("\"auditor\":\"auditor-03\""))
            #expect(try store.trail().contains { $0.action == "audit.change" && $0.user == "auditor-03" })
            let again = try await client.execute(uri: location + "/edit", method: .get, headers: auditor.cookie)
            #expect(again.status == .forbidden, "a final audit is the lead's to change")
            let lead = try await signIn(client, as: "lead-1")
            #expect(try await client.execute(uri: location + "/edit", method: .get, headers: lead.cookie).status == .ok)
        }
        #expect(try store.audits().count == 1)
    }

    @Test func reportPagesFollowTheRoles() async throws {
        let records = try scoredSamples().map(\.0)
        let source = JSONRecordSource(
            bytes: Array(("[" + records.map(RecordJSONWriter.record).joined(separator: ",") + "]").utf8), name: "s.json"
        )
        _ = try AuditImport(into: store, at: "t").run(source, scoringWith: try store.frameworkCatalog())
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            for route in ["/reports/advice?month=2025-06", "/reports/learning?month=2025-06", "/reports/moderation"] {
                let response = try await client.execute(uri: route, method: .get, headers: auditor.cookie)
                #expect(response.status == .forbidden, "\(route)")
            }
            let monthly = try await client.execute(
                uri: "/reports/monthly?month=2025-06", method: .get, headers: auditor.cookie)
            #expect(
                String(buffer: monthly.body).contains("Published version"), "an auditor sees the public report only")
            let dco = try await signIn(client, as: "dco-1")
            let advice = String(
                buffer: try await client.execute(
                    uri: "/reports/advice?month=2025-06", method: .get, headers: dco.cookie
                ).body)
            #expect(advice.contains("(health)") && !advice.contains("(social-care)"), "a DCO sees health advice only")
            let lead = try await signIn(client, as: "lead-1")
            for route in ["/reports/learning?month=2025-06&by=team", "/reports/moderation?month=2025-06"] {
                #expect(try await client.execute(uri: route, method: .get, headers: lead.cookie).status == .ok)
            }
        }
    }
}
