import Foundation
import Testing

@testable import EHCPAuditStore

/// Work done on a thread of its own gives its value, or its error, to whoever waits.
struct ConcurrentTests {
    struct Failure: Error, Equatable {}

    @MainActor @Test func givesTheValueWorkedOutOnAnotherThread() throws {
        let work = Concurrent { (!Thread.isMainThread, (1...1000).reduce(0, +)) }
        let (elsewhere, sum) = try work.value
        #expect(elsewhere && sum == 500_500)
        #expect(try work.value.1 == 500_500, "asked again, the same value")
    }

    @Test func rethrowsWhatTheWorkThrew() {
        let work = Concurrent<Int> { throw Failure() }
        #expect(throws: Failure()) { try work.value }
    }
}
