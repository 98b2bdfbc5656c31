import Foundation

/// A count that the thread under test writes and the test reads, under a lock.
final class SharedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0

    var value: Int { lock.withLock { stored } }

    func set(_ value: Int) { lock.withLock { stored = value } }

    /// Adds one and returns the new count.
    func add() -> Int {
        lock.withLock {
            stored += 1
            return stored
        }
    }
}

/// What a maker that never ends holds: a test keeps only a weak reference to it, to see
/// that dropping the taker releases the maker and what it holds.
final class Endless: @unchecked Sendable {
    var made = 0

    /// The next number: 1, 2, 3…
    func next() -> Int {
        made += 1
        return made
    }
}

/// Waits while `isHeld` says so, for up to five seconds: a thread lets go in its own time.
func waitForRelease(while isHeld: () -> Bool) async throws {
    for _ in 0..<500 where isHeld() { try await Task.sleep(for: .milliseconds(10)) }
}
