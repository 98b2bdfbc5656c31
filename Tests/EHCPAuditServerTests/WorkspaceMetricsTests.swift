import EHCPAuditTestSupport
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EHCPAuditServer

/// `/metrics` (`serve --metrics-port`): requests by route pattern and status, latency, audits
/// stored, sign-in failures, the store's size and busy waits, each test with its own registry.
struct WorkspaceMetricsTests: WorkspaceTesting {
    let store: AuditStore
    let metrics = WorkspaceMetrics()
    let workspace: Workspace

    init() throws {
        store = try Self.makeStore()
        var workspace = Workspace(store: store)
        workspace.metrics = metrics
        self.workspace = workspace
    }

    /// What `GET /metrics` answers now.
    func scrape() async throws -> String {
        let router = workspace.metricsRouter(metrics)
        nonisolated(unsafe) var text = ""
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            text = String(buffer: response.body)
        }
        return text
    }

    /// The value of one series (`name{labels}`), nil when it is not there.
    static func value(_ text: String, _ series: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
    }

    @Test func requestsAreCountedByRoutePatternAndStatusNeverByPath() async throws {
        try importSamples()
        try await test(workspace) { client in
            let lead = try await signIn(client, as: "lead-1")
            for _ in 0..<2 { _ = try await page(client, "/audits/AUD-2025-06-0005", as: lead) }
            #expect(try await page(client, "/audits/NO-SUCH-AUDIT", as: lead).status == .notFound)
            _ = try await client.execute(uri: "/no/such/page-7351", method: .get)
            _ = try await client.execute(uri: "/find?q=PLAN-SECRET-QUERY", method: .get, headers: lead.cookie)
        }
        let text = try await scrape()
        let series = #"ehcp_http_requests_total{route="/audits/{id}",method="GET",status="#
        #expect(Self.value(text, series + #""200"}"#) == 2, "\(text)")
        #expect(Self.value(text, series + #""404"}"#) == 1)
        #expect(Self.value(text, #"ehcp_http_requests_total{route="NotFound",method="GET",status="404"}"#) == 1)
        #expect(Self.value(text, #"ehcp_http_requests_total{route="/login",method="POST",status="303"}"#) == 1)
        for concrete in ["AUD-2025-06-0005", "NO-SUCH-AUDIT", "page-7351", "PLAN-SECRET-QUERY"] {
            #expect(!text.contains(concrete), "no id, path or query in a label: \(concrete)")
        }
        let latency = #"ehcp_http_request_duration_seconds_count{route="/audits/{id}",method="GET"}"#
        #expect(Self.value(text, latency) == 3)
        #expect(text.contains(#"ehcp_http_request_duration_seconds_bucket{route="/audits/{id}",method="GET",le="#))
    }

    @Test func signInFailuresAreCountedAndASuccessIsNot() async throws {
        try await test(workspace) { client in
            for name in ["nobody", "auditor-03"] { _ = try await signInAttempt(client, name: name, password: "wrong") }
            _ = try await signIn(client, as: "auditor-03")
        }
        #expect(Self.value(try await scrape(), "ehcp_sign_in_failures_total") == 2)
    }

    @Test func auditsStoredAndTheStoreSizeAreReadFromTheStoreAtEachScrape() async throws {
        #expect(Self.value(try await scrape(), "ehcp_audits_stored") == 0)
        try importSamples()
        let text = try await scrape()
        let audits = try store.status().audits
        #expect(audits > 0 && Self.value(text, "ehcp_audits_stored") == Double(audits))
        let bytes = [store.path, store.path + "-wal"].compactMap {
            (try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? Int
        }
        #expect(Self.value(text, "ehcp_store_bytes") == Double(bytes.reduce(0, +)))
    }

    @Test func aWriteThatWaitsTooLongForTheStoreIsCountedAsBusy() async throws {
        var workspace = Workspace(store: try AuditStore(path: store.path, busyTimeout: 0.2))
        workspace.metrics = metrics
        let lock = try DatabaseQueue(path: store.path)
        let holding = AsyncGate(), release = AsyncGate()
        let holder = Thread {
            try? lock.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                holding.open()
                // Held until the test lets go, however slowly the machine runs the request.
                release.waitBlocking(seconds: 3600)
                try db.execute(sql: "ROLLBACK")
            }
        }
        holder.start()
        await holding.wait()
        do {
            try await test(workspace) { client in
                let waited = try await signInAttempt(client, name: "auditor-03", password: Self.password)
                #expect(waited.status == .serviceUnavailable)
            }
        } catch {
            release.open()  // the holder thread must end whatever happened
            throw error
        }
        release.open()
        let text = try await scrape()
        #expect(Self.value(text, "ehcp_store_busy_total") == 1)
        #expect(Self.value(text, #"ehcp_http_requests_total{route="/login",method="POST",status="503"}"#) == 1)
    }

    @Test func withoutMetricsNothingIsMeasured() async throws {
        try await test(Workspace(store: store)) { client in
            _ = try await signInAttempt(client, name: "nobody", password: "wrong")
        }
        let text = try await scrape()
        #expect(Self.value(text, "ehcp_sign_in_failures_total") == 0)
        #expect(!text.contains("ehcp_http_requests_total{"))
    }
}
