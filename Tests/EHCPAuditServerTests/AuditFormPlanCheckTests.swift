import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// "Check the plan document" on the audit form: suggestions beside their criteria, taken one
/// by one or all at once, and the counts kept with the audit; nothing else of the document.
struct AuditFormPlanCheckTests: WorkspaceTesting {
    let store: AuditStore
    let workspace: Workspace

    init() throws {
        store = try Self.makeStore()
        let rules = try String(contentsOfFile: Project.path("criteria/plan-checks.yaml"), encoding: .utf8)
        workspace = Workspace(store: store, planCheckRules: ("plan-checks.yaml", rules))
    }

    func send(
        _ client: any TestClientProtocol, _ uri: String, as session: (cookie: HTTPFields, csrf: String),
        _ fields: [(String, String)], file: (name: String, bytes: [UInt8])? = nil
    ) async throws -> (status: HTTPResponse.Status, html: String, location: String?) {
        var (headers, body) = WorkspacePlanCheckTests.upload(csrf: session.csrf, file: nil, fields: fields)
        if let file {
            // The document goes in as the form's planDocument field.
            (headers, body) = WorkspacePlanCheckTests.upload(csrf: session.csrf, file: file, fields: fields)
            let text = String(buffer: body).replacingOccurrences(of: "name=\"document\"", with: "name=\"planDocument\"")
            body = ByteBuffer(string: text)
        }
        headers.append(contentsOf: session.cookie)
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: body)
        return (response.status, String(buffer: response.body), response.headers[.location])
    }

    /// The hidden fields of a page, as a browser would send them back.
    static func hidden(_ html: String) -> [(String, String)] {
        html.matches(of: /<input type="hidden" name="([^"]+)" value="([^"]*)">/).map {
            (
                String($0.1),
                String($0.2).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
                    of: "&amp;", with: "&")
            )
        }.filter { $0.0 != "csrf" }
    }

    @Test func suggestionsShowBesideTheirCriteriaAndAreTakenAndTheCountsKept() async throws {
        try await test(workspace) { client in
            let session = try await signIn(client, as: "auditor-03")
            let plan = try String(contentsOfFile: Project.path("samples/plans/poor-final.md"), encoding: .utf8)
            let base = [("planId", "P0001234"), ("auditDate", "2025-06-12"), ("kind", "routine")]
            let checked = try await send(
                client, "/audits", as: session, base + [("action", "check-plan")], file: ("poor.md", Array(plan.utf8)))
            #expect(checked.status == .ok)
            #expect(checked.html.contains("The plan checks read poor.md"))
            #expect(checked.html.contains("value=\"take-F4\""))
            #expect(checked.html.contains("The plan checks suggest <strong>Inadequate</strong>: 9 vague phrases in F"))
            let carried = Self.hidden(checked.html)
            #expect(carried.contains { $0 == ("planChecks.count.vague-wording", "12") })

            let one = try await send(client, "/audits", as: session, base + carried + [("action", "take-F4")])
            #expect(one.html.contains("name=\"judgement.F4\" value=\"inadequate\" checked"))
            #expect(!one.html.contains("name=\"judgement.F1\" value=\"inadequate\" checked"))
            let all = try await send(client, "/audits", as: session, base + carried + [("action", "take-all")])
            #expect(all.html.contains("name=\"judgement.F1\" value=\"inadequate\" checked"))

            let taken = Self.hidden(all.html)
            let ratings = all.html.matches(of: /name="(judgement\.[A-Za-z0-9]+)" value="([a-z-]+)" checked/).map {
                (String($0.1), String($0.2))
            }
            let saved = try await send(client, "/audits", as: session, base + taken + ratings + [("status", "draft")])
            #expect(saved.status == .seeOther)
            let listing = try #require(try store.audits().first)
            let json = try #require(try store.recordJSON(auditId: listing.auditId))
            let record = try #require(try JSONRecordSource(bytes: Array(json.utf8), name: "stored").next()?.record)
            #expect(record.planChecks?.counts[PlanCheckKind.vagueWording] == 12)
            #expect(record.planChecks?.rules == "2026.1")
            #expect(!json.contains("vague phrases") && !json.contains("poor.md"), "no suggestion text, no file name")
        }
    }

    @Test func aDocumentThatCannotBeReadIsSaidBesideTheUpload() async throws {
        try await test(workspace) { client in
            let session = try await signIn(client, as: "auditor-03")
            let none = try await send(client, "/audits", as: session, [("action", "check-plan")])
            #expect(none.status == .unprocessableContent && none.html.contains("Choose the plan document to check"))
            let pdf = try await send(
                client, "/audits", as: session, [("action", "check-plan")], file: ("plan.pdf", Array("%PDF-1.4".utf8)))
            #expect(pdf.status == .unprocessableContent && pdf.html.contains("save it as .docx"))
            #expect(pdf.html.contains("href=\"#f-planDocument\""))
        }
    }
}
