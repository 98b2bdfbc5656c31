import Foundation

/// A value worked out on a thread of its own while the caller goes on; ``value`` waits for
/// it. How a reading command runs the integrity check alongside its reads, and the monthly
/// report reads the months before and its re-audits while it reads the month (on a
/// connection of its own: SQLite connections read side by side).
///
/// ```swift
/// let reaudits = Concurrent { try store.reaudits(for: period, framework: framework) }
/// let figures = try store.monthFigures(month, framework: framework.id)
/// let pairs = try reaudits.value
/// ```
final class Concurrent<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Set once, by the thread, under `condition`.
    private var outcome: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            let outcome = Result { try work() }
            condition.lock()
            self.outcome = outcome
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The value, once worked out; rethrows what the work threw.
    var value: Value {
        get throws {
            condition.lock()
            defer { condition.unlock() }
            while outcome == nil { condition.wait() }
            return try outcome!.get()
        }
    }
}
