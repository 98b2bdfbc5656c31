import Foundation
import HTTPTypes

/// Audit ids the server assigns (`AUD-YYYY-MM-NNNN`), handed out one form at a time: the next
/// free id is read and the audit stored under one lock, so forms submitted at the same moment
/// never take the same id (and a draft never lands on another's audit of the same content).
/// SQLite writes one transaction at a time anyway, so the lock costs no writing speed. A form
/// waits for it until `deadline` at most (the busy timeout from when the form arrived, so
/// time spent queueing for a thread counts too), and is then told the store is busy.
final class AuditIdAssignment: Sendable {
    private let lock = NSLock()

    /// `store` run while no other form is being given an id.
    func assigning<T>(until deadline: Date, _ store: () throws -> T) throws -> T {
        // Past the deadline the lock is still taken if it is free.
        guard lock.lock(before: deadline) else { throw PageError.storeBusy }
        defer { lock.unlock() }
        return try store()
    }
}
