import EHCPAuditTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import EHCPAuditServer

/// `serve --log-format json`: one JSON object per line, with the request's facts as fields,
/// and never a form value, a query, a cookie or a token.
struct JSONLogHandlerTests: WorkspaceTesting {
    let store: AuditStore

    init() throws { store = try Self.makeStore() }

    /// Each line as a JSON object; an issue for a line that is not one.
    static func objects(_ lines: [String]) -> [[String: Any]] {
        lines.compactMap { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if object == nil { Issue.record("not a JSON object: \(line)") }
            return object
        }
    }

    @Test func aLineIsOneJSONObjectWithTimeLevelLabelMessageAndMetadata() throws {
        let lines = LogLines()
        var logger = Logger(label: "ehcp-audit.serve") { JSONLogHandler(label: $0) { lines.append($0) } }
        logger[metadataKey: "user"] = "auditor-03"
        logger.warning("a \"quoted\"\nmessage", metadata: ["status": "503", "user": "lead-1"])
        let object = try #require(Self.objects(lines.all).first)
        #expect(lines.all.count == 1 && !lines.all[0].contains("\n"))
        #expect(object["level"] as? String == "warning" && object["label"] as? String == "ehcp-audit.serve")
        #expect(object["message"] as? String == "a \"quoted\"\nmessage")
        #expect(object["metadata"] as? [String: String] == ["status": "503", "user": "lead-1"], "the event's wins")
        let time = try #require(object["time"] as? String)
        #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(time)")
    }

    @Test func theRequestLogCarriesRouteStatusDurationAndUserButNoFormValueQueryCookieOrToken() async throws {
        let lines = LogLines()
        let logger = Logger(label: "ehcp-audit.serve") { JSONLogHandler(label: $0) { lines.append($0) } }
        var workspace = Workspace(store: store)
        workspace.logFields = true
        let distinctive = "ZEBRA-COMMENT-4711"
        nonisolated(unsafe) var secrets: [String] = [distinctive, "QUERY-VALUE-9183", Self.password]
        try await test(workspace, logger: logger) { client in
            let auditor = try await signIn(client, as: "auditor-03")
            secrets += [auditor.csrf, String(auditor.cookie[.cookie]!.split(separator: "=")[1])]
            var pairs = try Self.workedExample(csrf: auditor.csrf, status: "draft")
            pairs.append(("comment.F1", distinctive))
            var headers = auditor.cookie
            headers[.contentType] = "application/x-www-form-urlencoded"
            let created = try await client.execute(
                uri: "/audits", method: .post, headers: headers, body: Self.form(pairs))
            #expect(created.status == .seeOther)
            _ = try await page(client, "/find?q=QUERY-VALUE-9183", as: auditor)
        }
        #expect(try store.status().audits == 1, "the form was stored")
        let log = lines.all
        for secret in secrets {
            #expect(!log.contains { $0.contains(secret) }, "the log never holds \(secret)")
        }
        let requests = Self.objects(log).compactMap { $0["metadata"] as? [String: String] }.filter {
            $0["route"] != nil
        }
        let post = try #require(requests.first { $0["method"] == "POST" && $0["route"] == "/audits" })
        #expect(post["status"] == "303" && post["user"] == "auditor-03" && Int(post["duration_ms"] ?? "") != nil)
        #expect(requests.contains { $0["route"] == "/login" && $0["status"] == "303" && $0["user"] == nil })
        #expect(requests.contains { $0["route"] == "/find" && $0["status"] == "200" })
    }
}
