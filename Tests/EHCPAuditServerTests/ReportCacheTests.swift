import Foundation
import Testing

@testable import EHCPAuditServer

/// Reports kept while the store is unchanged, and made once however many ask at once.
struct ReportCacheTests {
    /// Counts the reports made.
    final class Made: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func one() { lock.withLock { count += 1 } }
        var total: Int { lock.withLock { count } }
    }

    struct Failed: Error {}

    @Test func aReportAskedForByManyAtOnceIsMadeOnce() {
        let cache = ReportCache(), made = Made()
        let answers = Made()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let report = cache.report("monthly 2025-06", stamp: "1:2") { () -> String in
                made.one()
                Thread.sleep(forTimeInterval: 0.05)  // long enough for the others to ask meanwhile
                return "the report"
            }
            if report == "the report" { answers.one() }
        }
        #expect(made.total == 1)
        #expect(answers.total == 16)
    }

    @Test func aChangedStoreMakesTheReportAgain() {
        let cache = ReportCache(), made = Made()
        for stamp in ["1", "1", "2", "2", "1"] {
            _ = cache.report("monthly", stamp: stamp) { () -> Int in
                made.one()
                return 0
            }
        }
        #expect(made.total == 3, "made for 1, again for 2, and again for 1 (only the latest is kept)")
    }

    @Test func aReportThatFailsIsMadeByTheNextToAsk() throws {
        let cache = ReportCache()
        #expect(throws: Failed.self) { try cache.report("advice", stamp: "1") { () throws -> Int in throw Failed() } }
        #expect(try cache.report("advice", stamp: "1") { 7 } == 7)
    }
}
