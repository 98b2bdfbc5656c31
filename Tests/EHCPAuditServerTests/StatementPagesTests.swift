import EHCPAuditTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EHCPAuditServer

/// `/accessibility` and `/privacy`: public, linked from every page's footer, in the council's
/// words with `serve --site-info`.
struct StatementPagesTests: WorkspaceTesting {
    let store: AuditStore

    init() throws { store = try Self.makeStore() }

    static let footer =
        #"<footer><ul><li><a href="/accessibility">Accessibility statement</a></li>"#
        + #"<li><a href="/privacy">Privacy notice</a></li></ul></footer>"#

    static func council(_ extra: String = "") throws -> SiteInfo {
        try SiteInfoLoader.load(
            text: """
                council: Anytown <Borough> Council
                contact: send.quality@anytown.gov.uk
                statementDate: 2026-01-15
                \(extra)
                """, file: "site.yaml")
    }

    @Test func bothPagesAreOpenToEveryoneInTheModelStatementsOrder() async throws {
        try await test { client in
            let statement = try await client.execute(uri: "/accessibility", method: .get)
            #expect(statement.status == .ok && statement.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            let html = String(buffer: statement.body)
            let headings = html.matches(of: /<h[23]>([^<]+)<\/h[23]>/).map { String($0.1) }
            #expect(
                headings == [
                    "How accessible this website is", "Feedback and contact information", "Enforcement procedure",
                    "Technical information about this website's accessibility", "Compliance status",
                    "Non-accessible content", "Non-compliance with the accessibility regulations",
                    "Content that is not within the scope of the accessibility regulations",
                    "How we tested this website", "Preparation of this accessibility statement",
                ], "\(headings)")
            #expect(html.contains("partially compliant") && html.contains("Equality Advisory and Support Service"))
            #expect(html.contains("1280 pixels") && html.contains("390 pixels") && html.contains("do not stack"))
            #expect(html.contains("has not yet dated it") && !html.contains("<nav"))
            let privacy = try await client.execute(uri: "/privacy", method: .get)
            let notice = String(buffer: privacy.body)
            #expect(privacy.status == .ok && notice.contains("<h1>Privacy notice</h1>"))
            #expect(notice.contains("ehcp_session") && notice.contains("never by a child's name"))
            #expect(notice.contains("has not yet stated its lawful basis"))
        }
    }

    @Test func everyPageLinksToBothFromItsFooter() async throws {
        try await test { client in
            let login = try await client.execute(uri: "/login", method: .get)
            #expect(String(buffer: login.body).contains(Self.footer))
            let missing = try await client.execute(uri: "/no-such-page", method: .get)
            #expect(missing.status == .notFound && String(buffer: missing.body).contains(Self.footer))
            let auditor = try await signIn(client, as: "auditor-03")
            #expect(try await page(client, "/", as: auditor).html.contains(Self.footer))
            let statement = try await page(client, "/privacy", as: auditor)
            #expect(statement.status == .ok && statement.html.contains("Sign out auditor-03"), "the navigation too")
        }
    }

    @Test func theCouncilsNameContactAndDateAreItsOwnAndEscaped() async throws {
        var workspace = Workspace(store: store)
        workspace.siteInfo = try Self.council("retention: Six years after the plan ends.")
        try await test(workspace) { client in
            let statement = String(buffer: try await client.execute(uri: "/accessibility", method: .get).body)
            #expect(statement.contains("run by Anytown &lt;Borough&gt; Council"))
            #expect(statement.contains(#"email <a href="mailto:send.quality@anytown.gov.uk">"#))
            #expect(statement.contains("This statement was prepared on 15 January 2026."))
            let notice = String(buffer: try await client.execute(uri: "/privacy", method: .get).body)
            #expect(notice.contains("<p>Six years after the plan ends.</p>"))
            #expect(notice.contains("has not yet stated its lawful basis"), "no lawful basis given: the default")
        }
    }

    @Test func aCouncilsOwnTextReplacesAPageWhole() async throws {
        var workspace = Workspace(store: store)
        workspace.siteInfo = try Self.council(
            "accessibility: |\n  Our statement, <b>plain</b>.\n\n  Second paragraph.\nprivacy: Our notice.")
        try await test(workspace) { client in
            let statement = String(buffer: try await client.execute(uri: "/accessibility", method: .get).body)
            #expect(statement.contains("<p>Our statement, &lt;b&gt;plain&lt;/b&gt;.</p><p>Second paragraph.</p>"))
            #expect(!statement.contains("Enforcement procedure") && statement.contains(Self.footer))
            let notice = String(buffer: try await client.execute(uri: "/privacy", method: .get).body)
            #expect(notice.contains("<p>Our notice.</p>") && !notice.contains("ehcp_session"))
        }
    }
}
