import Foundation

/// A value worked out on a thread of its own while the caller goes on; ``value`` waits for
/// it. How a reading command runs the integrity check alongside its reads, and the monthly
/// report reads the months before and its re-audits while it reads the month.
///
/// Safety: the outcome is written once, by the working thread, and read by any thread,
/// always with `condition` locked (hence `@unchecked Sendable`); `work` is `Sendable`, as
/// it runs while the caller goes on.
///
/// Who waits on what: ``value`` waits until the work has ended, then gives the same
/// outcome to every caller, each time.
///
/// Errors: what `work` throws, ``value`` rethrows. No cancellation: a future whose value is
/// never asked for still runs its work to the end (on a thread of its own, holding what it
/// captured until then).
///
/// ```swift
/// let reaudits = Future { try store.reaudits(for: period, framework: framework) }
/// let figures = try store.monthFigures(month, framework: framework.id)
/// let pairs = try reaudits.value
/// ```
package final class Future<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Set once, by the working thread, under `condition`.
    private var outcome: Result<Value, any Error>?

    /// Starts `work` at once on a thread of its own.
    package init(_ work: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            let outcome = Result { try work() }
            condition.lock()
            self.outcome = outcome
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The value, once worked out; rethrows what the work threw.
    package var value: Value {
        get throws {
            condition.lock()
            defer { condition.unlock() }
            while outcome == nil { condition.wait() }
            return try outcome!.get()
        }
    }
}
