import Dispatch
import EHCPAuditConcurrency
import Foundation
import Testing

/// Work done on a thread of its own gives its value, or its error, to whoever waits.
struct FutureTests {
    struct Failure: Error, Equatable {}

    @MainActor @Test func givesTheValueWorkedOutOnAnotherThread() throws {
        let work = Future { (!Thread.isMainThread, (1...1000).reduce(0, +)) }
        let (elsewhere, sum) = try work.value
        #expect(elsewhere && sum == 500_500)
        #expect(try work.value.1 == 500_500, "asked again, the same value")
    }

    @Test func everyThreadWaitingGetsTheSameValue() {
        let work = Future { (1...1000).reduce(0, +) }
        let sums = Sums()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in sums.add((try? work.value) ?? -1) }
        #expect(sums.all == Array(repeating: 500_500, count: 8))
    }

    @Test func rethrowsWhatTheWorkThrew() {
        let work = Future<Int> { throw Failure() }
        #expect(throws: Failure()) { try work.value }
        #expect(throws: Failure(), "asked again, the same error") { try work.value }
    }

    /// Values added from several threads.
    final class Sums: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int] = []
        var all: [Int] { lock.withLock { values } }
        func add(_ value: Int) { lock.withLock { values.append(value) } }
    }
}
