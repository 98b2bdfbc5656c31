import EHCPAuditTestSupport
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import EHCPAuditServer
@testable import EHCPAuditStore

/// The security review's findings (issue 30, F1–F12), each as the reviewer broke it: every
/// test here failed on the workspace before its rebuild.
struct SecurityReviewTests: WorkspaceTesting {
    let store: AuditStore

    init() throws {
        store = try Self.makeStore()
        try addUser("auditor-04", .auditor)
    }

    /// F1: an auditor's later draft of the same plan showed the earlier audit of another
    /// auditor ("since the previous audit": its grade, percent and every rating).
    @Test func f1ALaterDraftShowsNothingOfAnotherAuditorsEarlierAudit() async throws {
        try await test { client in
            let first = try await signIn(client, as: "auditor-03")
            let stored = try await post(
                client, "/audits", as: first, Array(Self.workedExample(csrf: first.csrf).dropFirst()))
            #expect(Self.path(stored) == "/audits/AUD-2025-06-0001")
            let other = try await signIn(client, as: "auditor-04")
            var later = Array(try Self.workedExample(csrf: other.csrf, status: "draft").dropFirst())
            later = later.map { $0.0 == "auditDate" ? ("auditDate", "2025-06-20") : $0 }
            let draft = try await post(client, "/audits", as: other, later)
            let location = try #require(Self.path(draft))
            let page = try await page(client, location, as: other)
            #expect(page.status == .ok)
            #expect(!page.html.contains("Since the previous audit") && !page.html.contains("AUD-2025-06-0001"))
            #expect(try await self.page(client, "/audits/AUD-2025-06-0001", as: other).status == .forbidden)
            let lead = try await signIn(client, as: "lead-1")
            #expect(try await self.page(client, location, as: lead).html.contains("Since the previous audit"))
            // The auditor's own earlier audit is theirs to compare with.
            let again = try await post(client, "/audits", as: first, later)
            let own = try await self.page(client, try #require(Self.path(again)), as: first)
            #expect(own.html.contains("Since the previous audit") && own.html.contains("AUD-2025-06-0001"))
        }
    }

    /// F2: an unknown name was refused in a millisecond, a known one after bcrypt. Now every
    /// sign-in checks one password, whatever the name, against a hash of the same cost.
    @Test func f2EverySignInChecksExactlyOnePassword() async throws {
        try addUser("gone", .auditor)
        try store.disableUser(named: "gone", at: "t")
        let checks = Counter()
        var workspace = Workspace(store: store)
        let bcrypt = workspace.passwords.verify
        workspace.passwords.verify = { password, hash in
            checks.add()
            return bcrypt(password, hash)
        }
        #expect(Passwords.decoy.hasPrefix("$2b$12$"), "the decoy costs what a user's hash costs")
        try await test(workspace) { client in
            for (name, password) in [("nobody", "x"), ("gone", Self.password), ("auditor-03", "wrong")] {
                let before = checks.value
                #expect(try await signInAttempt(client, name: name, password: password).status == .unauthorized)
                #expect(checks.value == before + 1, "\(name)")
            }
            for _ in 0..<4 { _ = try await signInAttempt(client, name: "auditor-03", password: "wrong") }
            let before = checks.value
            #expect(
                try await signInAttempt(client, name: "auditor-03", password: Self.password).status == .unauthorized)
            #expect(checks.value == before + 1, "a locked name")
        }
    }

    /// F3: the sign-in form had no CSRF protection, so a cross-site page could sign a
    /// colleague into the attacker's account.
    @Test func f3SignInNeedsTheFormsTokenAndComesFromThisSite() async throws {
        try await test { client in
            let forged = try await client.execute(
                uri: "/login", method: .post, headers: Self.formType,
                body: Self.form([("username", "auditor-03"), ("password", Self.password)]))
            #expect(forged.status == .forbidden && forged.headers[.setCookie] == nil)
            for (name, value) in [("Sec-Fetch-Site", "cross-site"), ("Origin", "https://attacker.example")] {
                let response = try await signInAttempt(
                    client, name: "auditor-03", password: Self.password, headers: [HTTPField.Name(name)!: value])
                #expect(response.status == .forbidden, "\(name)")
                #expect(!response.headers[values: .setCookie].contains { $0.hasPrefix("ehcp_session=") })
            }
            let auditor = try await signIn(client, as: "auditor-03")
            var headers = auditor.cookie
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[HTTPField.Name("Sec-Fetch-Site")!] = "same-site"
            let crossSite = try await client.execute(
                uri: "/audits", method: .post, headers: headers,
                body: Self.form(try Self.workedExample(csrf: auditor.csrf)))
            #expect(crossSite.status == .forbidden, "a signed-in form from another site, even with the token")
        }
        #expect(try store.status().audits == 0)
    }

    /// F4: an auditor's token stored audits in anyone's name.
    @Test func f4AnAuditorsTokenStoresOnlyThatAuditorsAudits() async throws {
        let token = Accounts.newToken()
        try store.setToken(hash: Accounts.tokenHash(token), for: "auditor-03", at: "t")
        let records = try scoredSamples().map(\.0)
        @Sendable func body(_ records: [AuditRecord]) -> ByteBuffer {
            ByteBuffer(string: "[" + records.map(RecordJSONWriter.record).joined(separator: ",") + "]")
        }
        let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await test { client in
            let others = try await client.execute(
                uri: "/api/audits", method: .post, headers: headers, body: body(records))
            #expect(others.status == .unprocessableContent)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: others.body)) as? [String: Any])
            let errors = try #require(json["errors"] as? [[String: Any]])
            let mine = records.filter { $0.auditor == "auditor-03" }
            #expect(errors.count == records.count - mine.count)
            #expect(errors.allSatisfy { ($0["path"] as? String)?.hasSuffix(".auditor") == true })
            #expect(try store.status().audits == 0)
            let own = try await client.execute(uri: "/api/audits", method: .post, headers: headers, body: body(mine))
            #expect(own.status == .ok)
        }
        #expect(try store.audits().map(\.auditor) == ["auditor-03", "auditor-03"])
    }

    /// F5: the request log's user column was always `-`.
    @Test func f5TheRequestLogNamesWhoWasSignedIn() async throws {
        let lines = LogLines()
        let logger = Logger(label: "test") { _ in CapturingLogHandler(lines: lines) }
        try await test(Workspace(store: store), logger: logger) { client in
            _ = try await client.execute(uri: "/healthz", method: .get)
            let auditor = try await signIn(client, as: "auditor-03")
            _ = try await page(client, "/?month=2025-06", as: auditor)
        }
        let log = lines.all
        #expect(log.contains { $0.hasPrefix("GET /healthz 200 ") && $0.hasSuffix("ms -") })
        #expect(log.contains { $0.hasPrefix("GET / 200 ") && $0.hasSuffix("ms auditor-03") }, "\(log)")
        #expect(!log.contains { $0.contains("2025-06") || $0.contains(Self.password) }, "no query, no form value")
    }

    /// F6: while another process held the write lock, two waiting requests stopped `/healthz`
    /// answering, and after 120 s the answer was a bare 500. Now a write waits a few seconds
    /// on a thread of its own and is answered 503 with `Retry-After`, the headers and a page.
    @Test func f6AWaitingWriteNeitherStopsHealthNorFailsBare() async throws {
        let store = try AuditStore(path: self.store.path, busyTimeout: 1)
        let lock = try DatabaseQueue(path: store.path)
        let holding = AsyncGate(), release = AsyncGate(), released = AsyncGate()
        let holder = Thread {
            try? lock.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                holding.open()
                // Held until the test lets go, however slowly the machine runs the request.
                release.waitBlocking(seconds: 3600)
                try db.execute(sql: "ROLLBACK")
            }
            released.open()
        }
        holder.start()
        await holding.wait()
        do {
            try await test(Workspace(store: store)) { client in
                try await withThrowingTaskGroup(of: TestResponse.self) { group in
                    for _ in 0..<2 {
                        group.addTask { try await signInAttempt(client, name: "auditor-03", password: Self.password) }
                    }
                    let health = try await client.execute(uri: "/healthz", method: .get)
                    #expect(health.status == .ok && !released.isOpen, "/healthz answers while the lock is held")
                    for try await waited in group {
                        #expect(waited.status == .serviceUnavailable && waited.headers[.retryAfter] == "5")
                        #expect(waited.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                        #expect(String(buffer: waited.body).contains("try again in a moment"))
                    }
                }
            }
        } catch {
            release.open()  // the holder thread must end whatever happened
            throw error
        }
        release.open()
    }

    /// F7: ids with a space, a quote, `é`, `/`, `?` or `#` were stored but their links 404'd,
    /// and a link to `VICTIM#x` opened `VICTIM`. Such ids are refused on entry now
    /// (docs/records.md); one stored before that still leads to its own page.
    @Test func f7EveryIdLeadsToItsOwnPage() async throws {
        let ids = ["AUD 1 \"q\" é/x?y", "VICTIM", "VICTIM#x"]
        let records = try scoredSamples().map(\.0).prefix(ids.count).map { record in
            var record = record
            record.auditor = "auditor-03"
            record.status = .draft
            return record
        }
        let renamed = zip(ids, records).map { id, record in
            var record = record
            record.auditId = id
            return record
        }
        let json = "[" + renamed.map(RecordJSONWriter.record).joined(separator: ",") + "]"
        var refused: [String] = []
        let summary = try AuditImport(into: store, at: "t").run(
            JSONRecordSource(bytes: Array(json.utf8), name: "ids.json"), scoringWith: try store.frameworkCatalog()
        ) { if case .refused(let diagnostics) = $0 { refused += diagnostics.map(\.description) } }
        #expect(!summary.committed && refused.count == 2)
        #expect(refused.allSatisfy { $0.contains("; an audit id may hold only letters A-Z and a-z, digits") })
        // As a store made before ids were checked holds them.
        let catalog = try store.frameworkCatalog()
        _ = try AuditImport(into: store, at: "t").transaction(for: "ids.json") { session in
            for (id, record) in zip(ids, records) {
                var (stored, result) = (record, try catalog.score(record))
                stored.auditId = id
                result.auditId = id
                _ = try session.add(.init(stored, result))
            }
        }
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            let worklist = try await page(client, "/", as: auditor).html
            #expect(worklist.contains("href=\"/audits/AUD%201%20%22q%22%20%C3%A9%2Fx%3Fy\""))
            #expect(worklist.contains("href=\"/audits/VICTIM%23x\""))
            let odd = try await page(client, "/audits/AUD%201%20%22q%22%20%C3%A9%2Fx%3Fy", as: auditor)
            #expect(odd.status == .ok && odd.html.contains("Audit AUD 1 &quot;q&quot; é/x?y"))
            let victim = try await page(client, "/audits/VICTIM%23x", as: auditor)
            #expect(victim.html.contains("<h1>Audit VICTIM#x</h1>"))
            let edited = try await post(
                client, "/audits/VICTIM%23x", as: auditor,
                Array(try Self.workedExample(csrf: auditor.csrf, status: "draft").dropFirst()))
            // Saved again, it meets the entry check: its page says why, and links to itself.
            #expect(edited.status != .seeOther)
            #expect(String(buffer: edited.body).contains("an audit id may hold only letters"))
            #expect(String(buffer: edited.body).contains("action=\"/audits/VICTIM%23x\""))
        }
    }

    /// F8 and F12: above a cap, every route answered 413 (sign-in answered 400 and others 403
    /// "expired"); sign-in reads at most 8 KB, and no form more than its fields, before parsing.
    @Test func f8AndF12EveryBodyOverItsCapIs413() async throws {
        try importSamples()
        try await test { client in
            let signInForm = try await signInForm(client)
            var headers = signInForm.cookie
            headers[.contentType] = "application/x-www-form-urlencoded"
            for body in [String(repeating: "a", count: 8 << 10 + 1), String(repeating: "&", count: 4000)] {
                let response = try await client.execute(
                    uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: body))
                #expect(response.status == .contentTooLarge && String(buffer: response.body).contains("too large"))
            }
            let lead = try await signIn(client, as: "lead-1")
            headers = lead.cookie
            headers[.contentType] = "application/x-www-form-urlencoded"
            let routes = [
                "/logout", "/sample/2025-06/assign", "/sample/2025-06/draw", "/audits/AUD-2025-06-0005/moderator",
                "/audits/AUD-2025-06-0005/advice/ADV-1",
            ]
            // The audit form and "Check a plan" may carry a plan document of 20 MiB.
            let uploads = [
                "/audits", "/preview", "/audits/AUD-2025-06-0005", "/audits/AUD-2025-06-0005/preview", "/check",
            ]
            let many = "csrf=\(lead.csrf)" + String(repeating: "&a", count: 10_000)
            for route in routes + uploads {
                let cap = uploads.contains(route) ? (20 << 20) + (1 << 20) : 1 << 20
                let large = "csrf=\(lead.csrf)&" + String(repeating: "a", count: cap)
                for body in [large, many] {
                    let response = try await client.execute(
                        uri: route, method: .post, headers: headers, body: ByteBuffer(string: body))
                    #expect(response.status == .contentTooLarge, "\(route)")
                }
            }
        }
    }

    /// F9: JSON Lines were refused under every JSON Lines content type.
    @Test(arguments: ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"])
    func f9JSONLinesAreStoredUnderTheirContentTypes(_ type: String) async throws {
        let token = Accounts.newToken()
        try store.setToken(hash: Accounts.tokenHash(token), for: "lead-1", at: "t")
        // The audits the late ones moderate are stored first (docs/records.md).
        try importSamples()
        let stored = try store.status().audits
        let lines = try String(contentsOfFile: Project.path("samples/audits-2025-06-late.jsonl"), encoding: .utf8)
        try await test { client in
            let response = try await client.execute(
                uri: "/api/audits", method: .post, headers: [.authorization: "Bearer \(token)", .contentType: type],
                body: ByteBuffer(string: lines))
            #expect(response.status == .ok, "\(String(buffer: response.body))")
        }
        #expect(try store.status().audits == stored + lines.split(separator: "\n").count)
    }

    /// F10: a batch refused as a whole was written to the trail as "6 imported".
    @Test func f10TheTrailSaysWhatWasStoredAndWhatRefused() async throws {
        let token = Accounts.newToken()
        try store.setToken(hash: Accounts.tokenHash(token), for: "lead-1", at: "t")
        let good = try String(contentsOfFile: Project.path("samples/audits-2025-06.json"), encoding: .utf8)
        let bad = try String(
            contentsOfFile: Project.path("samples/invalid/no-needs-advice-rated.json"), encoding: .utf8)
        let mixed = "[" + good.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst().dropLast() + "," + bad + "]"
        let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await test { client in
            _ = try await client.execute(
                uri: "/api/audits", method: .post, headers: headers, body: ByteBuffer(string: mixed))
            _ = try await client.execute(
                uri: "/api/audits", method: .post, headers: headers, body: ByteBuffer(string: good))
        }
        let trail = try store.trail().filter { $0.action.hasPrefix("api.") }
        #expect(trail.map(\.action) == ["api.refused", "api.import"])
        #expect(trail[0].subject.hasPrefix("nothing stored: 1 refused") && trail[0].subject.contains("no needs"))
        #expect(trail[1].subject == "7 stored (0 replacing earlier versions), 0 unchanged")
    }

    /// F11: 20 simultaneous wrong guesses checked 6–7 passwords against a limit of 5, and one
    /// failure after a lock expired locked the name again.
    @Test func f11NoMoreThanFiveGuessesAndAnExpiredLockStartsAfresh() async throws {
        let clock = TestClock()
        var workspace = Workspace(store: store)
        workspace.now = { clock.now }
        try await test(workspace) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<20 {
                    group.addTask { _ = try await signInAttempt(client, name: "auditor-03", password: "wrong") }
                }
                try await group.waitForAll()
            }
            let trail = try store.trail()
            #expect(trail.filter { $0.action == "sign-in.failed" }.count == 5)
            #expect(trail.filter { $0.action == "sign-in.locked" }.count == 15)
            #expect(
                try await signInAttempt(client, name: "auditor-03", password: Self.password).status == .unauthorized)
            clock.advance(by: 16 * 60)
            #expect(try await signInAttempt(client, name: "auditor-03", password: "wrong").status == .unauthorized)
            #expect(
                try store.user(named: "auditor-03")?.lockedUntil == nil, "one failure after the lock is one, not six")
            #expect(try await signInAttempt(client, name: "auditor-03", password: Self.password).status == .seeOther)
        }
    }

    /// Also found: no HSTS behind TLS, signed-in pages cacheable, session ids stored in clear
    /// and their expiry written on every request.
    @Test func headersAndSessionsAsTheReviewAsked() async throws {
        let clock = TestClock()
        var workspace = Workspace(store: store, secureCookies: true)
        workspace.now = { clock.now }
        try await test(workspace) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000")
            let signedIn = try await signInAttempt(client, name: "auditor-03", password: Self.password)
            let cookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("ehcp_session=") })
            #expect(cookie.contains("Secure"))
            let id = String(cookie.split(separator: ";")[0].dropFirst("ehcp_session=".count))
            let headers: HTTPFields = [.cookie: "ehcp_session=\(id)"]
            let page = try await client.execute(uri: "/", method: .get, headers: headers)
            #expect(page.status == .ok && page.headers[.cacheControl] == "no-store")
            let css = try await client.execute(uri: "/static/app.css", method: .get)
            #expect(css.headers[.cacheControl] == "no-cache")

            let keys = try DatabaseQueue(path: store.path).read { db in
                try Row.fetchAll(db, sql: "SELECT key, expires_at FROM sessions")
            }
            #expect(keys.count == 1 && (keys[0]["key"] as String) != id, "the id is not in the store")
            let expires: String = keys[0]["expires_at"]
            clock.advance(by: 30)
            _ = try await client.execute(uri: "/", method: .get, headers: headers)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try sessionExpiry() == expires, "not written again within a minute")
            clock.advance(by: 60)
            _ = try await client.execute(uri: "/", method: .get, headers: headers)
            var moved = false
            for _ in 0..<50 where !moved {
                try await Task.sleep(for: .milliseconds(100))
                moved = try sessionExpiry() > expires
            }
            #expect(moved, "written again after a minute")
        }
    }

    private func sessionExpiry() throws -> String {
        try DatabaseQueue(path: store.path).read { db in try String.fetchOne(db, sql: "SELECT expires_at FROM sessions")
        }
            ?? ""
    }
}

/// A count shared between threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}

/// A clock a test moves on.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time = Date()
    var now: Date { lock.withLock { time } }
    func advance(by seconds: TimeInterval) { lock.withLock { time += seconds } }
}

/// A gate one side opens and the other waits on, from a thread or a task.
final class AsyncGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var opened = false
    var isOpen: Bool { condition.withLock { opened } }

    func open() {
        condition.withLock {
            opened = true
            condition.broadcast()
        }
    }

    func waitBlocking(seconds: TimeInterval) {
        condition.withLock {
            let deadline = Date().addingTimeInterval(seconds)
            while !opened && condition.wait(until: deadline) {}
        }
    }

    func wait() async {
        while !isOpen { try? await Task.sleep(for: .milliseconds(10)) }
    }
}

/// The lines a logger was given.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var all: [String] { lock.withLock { lines } }
    func append(_ line: String) { lock.withLock { lines.append(line) } }
}

struct CapturingLogHandler: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.append("\(event.message)")
    }
}
