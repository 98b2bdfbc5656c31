import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Markup in every text a person or a framework file can set (criterion texts, section
/// titles, rating and grade labels, guidance, sources; plan references, user names,
/// localities, teams, caseworkers, providers, comments; form values sent back; ids in paths
/// and queries — an audit id cannot hold markup, as records.md says) is shown as text on
/// every page and error page, never as markup.
struct InjectionTests: WorkspaceTesting {
    let store: AuditStore
    /// The payload: an element that must never reach a page unescaped.
    static let tag = "<x-i>"
    static let payload = "\(tag)&'\""
    static let writer = "\(tag)auditor"

    init() throws {
        store = try temporaryStore()
        try store.addFramework(text: try Self.injectedFramework(), file: "ehcp-qa.yaml", at: "t")
        for (name, role, agency) in [
            ("lead-1", AuditStore.Role.lead, nil as Agency?), (Self.writer, .auditor, nil), ("dco-1", .dco, .health),
        ] {
            try store.addUser(
                name: name, role: role, agency: agency, passwordHash: Accounts.hashPassword(Self.password), at: "t")
        }
        let records = try scoredSamples().map(\.0).enumerated().map { n, record in
            var record = record
            record.planId = "P\(n)\(Self.payload)"
            record.auditor = Self.writer
            record.plan.locality = Self.payload
            record.plan.team = Self.payload
            record.plan.caseworker = Self.payload
            record.judgements = record.judgements.map { judgement in
                var judgement = judgement
                judgement.comment = Self.payload
                return judgement
            }
            record.advices = record.advices.map { advice in
                var advice = advice
                advice.provider = Self.payload
                advice.role = Self.payload
                return advice
            }
            return record
        }
        let json = "[" + records.map(RecordJSONWriter.record).joined(separator: ",") + "]"
        let summary = try AuditImport(into: store, at: "t").run(
            JSONRecordSource(bytes: Array(json.utf8), name: "injected.json"), scoringWith: try store.frameworkCatalog())
        #expect(summary.committed)
    }

    /// The shipped framework with the payload at the start of every text, title, label,
    /// guidance, action and source.
    static func injectedFramework() throws -> String {
        let text = try String(contentsOfFile: Project.path("criteria/ehcp-qa.yaml"), encoding: .utf8)
        var lines: [String] = []
        var blockFollows = false
        let keys = ["text", "title", "guidance", "action", "source"]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "- ", with: "")
            if blockFollows, !trimmed.isEmpty {
                let indent = line.prefix { $0 == " " }
                lines.append(indent + "\(tag)&' " + line.dropFirst(indent.count))
                blockFollows = false
                continue
            }
            if let key = keys.first(where: { trimmed.hasPrefix("\($0): ") }) {
                let value = trimmed.dropFirst(key.count + 2)
                if value.hasPrefix(">") || value.hasPrefix("|") {
                    blockFollows = true
                } else if !value.hasPrefix("\"") && !value.hasPrefix("'") {
                    lines.append(line.replacingOccurrences(of: "\(key): \(value)", with: "\(key): \(tag)&' \(value)"))
                    continue
                }
            }
            lines.append(line.replacingOccurrences(of: "label: ", with: "label: \(tag)&' "))
        }
        return lines.joined(separator: "\n")
    }

    @Test func noPageShowsTheMarkupAsMarkup() async throws {
        // An audit id cannot hold markup (docs/records.md): its page is an error page that
        // names the id asked for.
        let audit = "/audits/" + Self.encode("AUD-\(Self.payload)")
        let pages = [
            "/", "/?month=2025-06", audit, audit + "/edit", "/audits/new",
            "/audits/new?plan=\(Self.encode(Self.payload))&moderates=\(Self.encode(Self.payload))&kind=moderation",
            "/audits/AUD-2025-06-0005", audit + "/advice/ADV-1", "/reports/monthly?month=2025-06",
            "/reports/monthly?month=2025-06&public=1", "/reports/advice?month=2025-06",
            "/reports/learning?month=2025-06&by=team", "/reports/learning?month=2025-06&by=caseworker",
            "/reports/learning?month=2025-06&by=locality", "/reports/learning?month=2025-06&by=provider",
            "/reports/learning?month=2025-06", "/reports/moderation?month=2025-06",
            // Error pages that name what was asked for.
            "/audits/" + Self.encode(Self.payload), "/reports/monthly?framework=\(Self.encode(Self.payload))",
            "/audits/new?framework=\(Self.encode(Self.payload))", "/sample/" + Self.encode(Self.payload) + "/draw",
        ]
        try await test { client in
            var seen = 0
            for name in ["lead-1", Self.writer, "dco-1"] {
                let session = try await signIn(client, as: name)
                for uri in pages {
                    let page = try await page(client, uri, as: session)
                    #expect(!page.html.contains(Self.tag), "\(name) \(uri)")
                    if page.html.contains("&lt;x-i&gt;") { seen += 1 }
                }
                // A form sent back with its problems, and a preview, show the values as text.
                let echoed = try await post(
                    client, "/audits", as: session,
                    [
                        ("planId", Self.payload), ("auditDate", Self.payload), ("plan.team", Self.payload),
                        ("comment.A1", Self.payload), ("advice.0.agency", "health"),
                        ("advice.0.provider", Self.payload),
                    ])
                #expect(!String(buffer: echoed.body).contains(Self.tag), "\(name) POST /audits")
                let preview = try await post(client, "/preview", as: session, [("planId", Self.payload)])
                #expect(!String(buffer: preview.body).contains(Self.tag), "\(name) POST /preview")
            }
            #expect(seen > 20, "the payload is on the pages, escaped")
        }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }
}
