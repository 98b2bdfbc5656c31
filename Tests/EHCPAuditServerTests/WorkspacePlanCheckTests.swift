import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// "Check a plan": an upload read in memory, its findings shown, nothing kept or logged.
struct WorkspacePlanCheckTests: WorkspaceTesting {
    let store: AuditStore
    let workspace: Workspace

    init() throws {
        store = try Self.makeStore()
        let rules = try String(contentsOfFile: Project.path("criteria/plan-checks.yaml"), encoding: .utf8)
        workspace = Workspace(store: store, planCheckRules: ("plan-checks.yaml", rules))
        try addUser("cw-1", .caseworker)
        try addUser("admin-1", .admin)
    }

    static let plan = """
        # DRAFT Education, Health and Care Plan
        Date of plan: 20 May 2025
        ## Section F: Special educational provision
        - Access to speech therapy for Rosalind Quimby as needed.
        ## Section I: Placement
        Name of school: Hillcrest Primary School
        """

    /// A `multipart/form-data` body with the token, optional fields and a file.
    static func upload(
        csrf: String, file: (name: String, bytes: [UInt8])?, fields: [(String, String)] = []
    ) -> (HTTPFields, ByteBuffer) {
        let boundary = "----ehcp-test-boundary"
        var body = ByteBuffer()
        for (name, value) in [("csrf", csrf)] + fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"document\"; filename=\"C:\\plans\\\(file.name)\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
    }

    func send(
        _ client: any TestClientProtocol, as session: (cookie: HTTPFields, csrf: String),
        file: (name: String, bytes: [UInt8])?, fields: [(String, String)] = []
    ) async throws -> (status: HTTPResponse.Status, html: String) {
        var (headers, body) = Self.upload(csrf: session.csrf, file: file, fields: fields)
        headers.append(contentsOf: session.cookie)
        let response = try await client.execute(uri: "/check", method: .post, headers: headers, body: body)
        return (response.status, String(buffer: response.body))
    }

    @Test func aCaseworkerChecksADraftAndSeesItsFindings() async throws {
        try await test(workspace) { client in
            let session = try await signIn(client, as: "cw-1")
            let form = try await page(client, "/check", as: session)
            #expect(form.status == .ok && form.html.contains("enctype=\"multipart/form-data\""))
            let result = try await send(client, as: session, file: ("draft.md", Array(Self.plan.utf8)))
            #expect(result.status == .ok)
            #expect(result.html.contains("Plan checks: draft.md"))
            #expect(result.html.contains("“Access to”") && result.html.contains("“as needed”"))
            #expect(result.html.contains("“Hillcrest Primary School”"))
            #expect(!result.html.contains("Rosalind") && !result.html.contains("Quimby"))
        }
    }

    @Test func theFormSaysWhatIsWrong() async throws {
        try await test(workspace) { client in
            let session = try await signIn(client, as: "auditor-03")
            let none = try await send(client, as: session, file: nil)
            #expect(none.status == .unprocessableContent && none.html.contains("Choose a plan document to check"))
            let pdf = try await send(client, as: session, file: ("plan.pdf", Array("%PDF-1.7 x".utf8)))
            #expect(pdf.status == .unprocessableContent && pdf.html.contains("save it as .docx"))
            let date = try await send(
                client, as: session, file: ("plan.md", Array(Self.plan.utf8)), fields: [("planDate", "20/05/2025")])
            #expect(date.status == .unprocessableContent && date.html.contains("Enter the plan date as YYYY-MM-DD"))
            let final = try await send(
                client, as: session, file: ("plan.md", Array(Self.plan.utf8)), fields: [("status", "final")])
            #expect(final.status == .ok && !final.html.contains("Hillcrest Primary School”"))
        }
    }

    @Test func aCaseworkerSeesNothingElseAndTheAdminCannotCheck() async throws {
        try await test(workspace) { client in
            let caseworker = try await signIn(client, as: "cw-1")
            #expect(try await page(client, "/audits/new", as: caseworker).status == .forbidden)
            #expect(try await page(client, "/reports/learning", as: caseworker).status == .forbidden)
            #expect(try await page(client, "/", as: caseworker).html.contains("Check a plan"))
            let admin = try await signIn(client, as: "admin-1")
            #expect(try await page(client, "/check", as: admin).status == .forbidden)
        }
    }

    @Test func anUploadWithoutTheTokenChangesNothingAndTheLogHoldsNoText() async throws {
        let lines = LogLines()
        let logger = Logger(label: "test") { _ in CapturingLogHandler(lines: lines) }
        try await test(workspace, logger: logger) { client in
            let session = try await signIn(client, as: "cw-1")
            let forged = try await send(
                client, as: (session.cookie, "0000"), file: ("draft.md", Array(Self.plan.utf8)))
            #expect(forged.status == .forbidden)
            _ = try await send(client, as: session, file: ("Rosalind-Quimby.md", Array(Self.plan.utf8)))
        }
        let log = lines.all.joined(separator: "\n")
        #expect(log.contains("/check"))
        for word in ["Rosalind", "Quimby", "Hillcrest", "speech"] { #expect(!log.contains(word)) }
    }
}
