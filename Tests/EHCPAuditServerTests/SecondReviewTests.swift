import EHCPAuditTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EHCPAuditServer

/// What a second security review of the rebuilt workspace found (R1–R10), each as it was
/// broken.
struct SecondReviewTests: WorkspaceTesting {
    let store: AuditStore

    init() throws {
        store = try Self.makeStore()
        try importSamples()
        try addUser("auditor-04", .auditor)
    }

    /// A moderation of AUD-2025-06-0005 by auditor-04, as form fields.
    static func moderation(csrf: String, date: String) throws -> [(String, String)] {
        var fields = Array(try workedExample(csrf: csrf, status: "final", change: ["A1": "good"]).dropFirst())
        fields.removeAll { $0 == ("kind", "routine") || $0.0 == "auditDate" }
        return fields + [("kind", "moderation"), ("moderates", "AUD-2025-06-0005"), ("auditDate", date)]
    }

    /// R1: the asked moderator could submit a second moderation, dated earlier, after seeing
    /// the first side by side, and so rewrite the agreement figures.
    @Test func r1AnAuditIsModeratedOnceByEachModerator() async throws {
        try await test { client in
            let lead = try await signIn(client, as: "lead-1")
            _ = try await post(client, "/audits/AUD-2025-06-0005/moderator", as: lead, [("moderator", "auditor-04")])
            let moderator = try await signIn(client, as: "auditor-04")
            let first = try await post(
                client, "/audits", as: moderator, Self.moderation(csrf: moderator.csrf, date: "2025-06-20"))
            #expect(first.status == .seeOther)
            let second = try await post(
                client, "/audits", as: moderator, Self.moderation(csrf: moderator.csrf, date: "2025-06-13"))
            #expect(second.status == .unprocessableContent)
            #expect(String(buffer: second.body).contains("has already moderated audit AUD-2025-06-0005"))
        }
        #expect(try store.moderations(of: "AUD-2025-06-0005", by: "auditor-04").count == 1)
    }

    /// R2: an auditor nobody asked could store a moderation through the API.
    @Test func r2TheAPIRefusesAModerationNobodyAskedFor() async throws {
        let token = Accounts.newToken()
        try store.setToken(hash: Accounts.tokenHash(token), for: "auditor-04", at: "t")
        var record = try #require(try scoredSamples().map(\.0).first { $0.auditId == "AUD-2025-06-0005" })
        record.auditId = "MOD-1"
        record.auditor = "auditor-04"
        record.kind = .moderation
        record.moderates = "AUD-2025-06-0005"
        let body = ByteBuffer(string: RecordJSONWriter.record(record))
        try await test { client in
            let refused = try await client.execute(
                uri: "/api/audits", method: .post,
                headers: [.authorization: "bearer \(token)", .contentType: "application/json"], body: body)
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("has not asked auditor-04"))
        }
        #expect(try store.recordJSON(auditId: "MOD-1") == nil)
    }

    /// R3: an id could add to a download's `Content-Disposition`.
    @Test func r3ADownloadsNameHoldsOnlySafeCharacters() {
        let response = Response.download(
            "{}", type: "application/json", name: "A\"; filename*=UTF-8''x.html; b=\".json")
        #expect(
            response.headers[.contentDisposition] == "attachment; filename=\"A___filename__UTF-8__x.html__b__.json\"")
    }

    /// R4: `/find` showed a designated officer an audit's grade.
    @Test func r4FindShowsTheGradeOnlyToAReaderOfTheWholeAudit() async throws {
        let plan = try #require(try store.audits().first { $0.auditId == "AUD-2025-06-0006" }?.planId)
        try await test { client in
            let dco = try await signIn(client, as: "dco-1")
            let found = try await page(client, "/find?q=\(plan)", as: dco)
            #expect(found.html.contains("AUD-2025-06-0006") && found.html.contains("Not shown to you"))
        }
    }

    /// R6: an audit whose text XML cannot carry answered 500 for its XML.
    @Test func r6AnAuditXMLCannotCarryIsRefusedInWords() async throws {
        var record = try #require(try scoredSamples().map(\.0).first { $0.auditId == "AUD-2025-06-0005" })
        record.auditId = "XML-1"
        record.status = .draft
        record.judgements[0].comment = "not\u{FFFE}xml"
        _ = try AuditImport(into: store, at: "t").run(
            JSONRecordSource(bytes: Array(RecordJSONWriter.record(record).utf8), name: "x.json"),
            scoringWith: try store.frameworkCatalog())
        try await test { client in
            let lead = try await signIn(client, as: "lead-1")
            let xml = try await page(client, "/audits/XML-1/record/xml", as: lead)
            #expect(xml.status == .unprocessableContent && xml.html.contains("download it as JSON"))
            #expect(try await page(client, "/audits/XML-1/record/json", as: lead).status == .ok)
        }
    }

    /// R7: `.` and `..` as a path segment were resolved away by the browser.
    @Test func r7DotSegmentsAreEncoded() {
        #expect(Link("audits", "..").address == "/audits/%2E%2E")
        #expect(Link("audits", ".", "edit").address == "/audits/%2E/edit")
        #expect(Link("audits", "a.b").address == "/audits/a.b")
    }

    /// R8: any cookie value equal to the form's token signed in; now only a token this
    /// server signed does.
    @Test func r8APlantedSignInCookieSignsNobodyIn() async throws {
        try await test { client in
            let response = try await client.execute(
                uri: "/login", method: .post,
                headers: [.cookie: "ehcp_sign_in=a", .contentType: "application/x-www-form-urlencoded"],
                body: Self.form([("csrf", "a"), ("username", "auditor-03"), ("password", Self.password)]))
            #expect(response.status == .forbidden)
            #expect(!response.headers[values: .setCookie].contains { $0.hasPrefix("ehcp_session=") })
        }
    }

    /// R9: an `Origin` of the right host but another scheme passed.
    @Test func r9AnOriginOfAnotherSchemeIsRefused() {
        func request(origin: String) -> Request {
            var head = HTTPRequest(method: .post, scheme: "http", authority: "127.0.0.1:8080", path: "/audits")
            head.headerFields[HTTPField.Name("Origin")!] = origin
            return Request(head: head, body: .init(buffer: ByteBuffer()))
        }
        #expect(!CSRFMiddleware<SignedInContext>.isSameOrigin(request(origin: "https://127.0.0.1:8080"), secure: false))
        #expect(CSRFMiddleware<SignedInContext>.isSameOrigin(request(origin: "https://127.0.0.1:8080"), secure: true))
        #expect(CSRFMiddleware<SignedInContext>.isSameOrigin(request(origin: "http://127.0.0.1:8080"), secure: false))
        #expect(!CSRFMiddleware<SignedInContext>.isSameOrigin(request(origin: "http://127.0.0.1:8080"), secure: true))
    }

    /// R10: a form opened before someone else's change undid it when submitted.
    @Test func r10AStaleFormDoesNotUndoSomeoneElsesChange() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            let draft = try await post(
                client, "/audits", as: auditor,
                Array(try Self.workedExample(csrf: auditor.csrf, status: "draft").dropFirst()))
            let location = try #require(Self.path(draft))
            let form = try await page(client, location + "/edit", as: auditor)
            let version = try #require(form.html.firstMatch(of: /name="version" value="([0-9a-f]+)"/)).1
            let lead = try await signIn(client, as: "lead-1")
            let changed = try await post(
                client, location, as: lead,
                Array(try Self.workedExample(csrf: lead.csrf, status: "draft", change: ["A1": "good"]).dropFirst()))
            #expect(changed.status == .seeOther)
            let stale = try await post(
                client, location, as: auditor,
                Array(try Self.workedExample(csrf: auditor.csrf, status: "draft").dropFirst()) + [
                    ("version", String(version))
                ])
            #expect(
                stale.status == .unprocessableContent && String(buffer: stale.body).contains("Someone else changed"))
        }
        let drafts = try store.audits(by: "auditor-03").filter { $0.status == "draft" }
        let draftId = try #require(drafts.first?.auditId)
        let stored = try #require(try store.recordJSON(auditId: draftId))
        #expect(stored.contains(#"{"criterion":"A1","rating":"good"}"#), "the lead's change stands")
    }
}
