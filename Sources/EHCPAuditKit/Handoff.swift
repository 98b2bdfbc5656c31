import Foundation

/// Batches passed from a thread that makes them to the thread that uses them, under one
/// lock: at most `depth` wait at any time, so the maker never runs far ahead.
///
/// ``ReadAhead`` reads record files through it; ``overlapping(produce:consume:)`` reads
/// populations while the store writes them.
final class Handoff<Batch: Sendable>: @unchecked Sendable {
    private let depth: Int
    private let condition = NSCondition()
    private var waiting: [Batch] = []
    private var cancelled = false
    private var finished = false

    init(depth: Int) { self.depth = depth }

    /// Waits for room, then hands over `batch`; false once the taker has gone.
    func put(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= depth && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        waiting.append(batch)
        condition.broadcast()
        return true
    }

    /// Waits for the next batch.
    func take() -> Batch {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty { condition.wait() }
        condition.broadcast()
        return waiting.removeFirst()
    }

    /// The taker has gone: every batch waiting is dropped and no more are taken.
    func cancel() {
        condition.lock()
        cancelled = true
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The maker's last word: it has stopped and touches nothing more.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the maker has stopped.
    func waitUntilFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}

/// Runs `produce` on a thread of its own while this thread hands each item it yields to
/// `consume`, in order, a batch at a time, so that reading a file overlaps with storing
/// what it holds. Returns what `produce` returned, or throws the first error of either; an
/// error in `consume` stops `produce` at its next batch, and this returns only once it has
/// stopped.
///
/// ```swift
/// let children = try overlapping(
///     produce: { yield in try SEN2Return.read(path: path, asOf: day, references: references, each: yield) },
///     consume: { plan in try add(plan) })
/// ```
func overlapping<Item: Sendable, Result: Sendable>(
    produce: @escaping @Sendable (_ yield: (Item) throws -> Void) throws -> Result,
    consume: (Item) throws -> Void
) throws -> Result {
    let handoff = Handoff<Produced<Item, Result>>(depth: 4)
    Thread.detachNewThread {
        defer { handoff.finish() }
        var items: [Item] = []
        items.reserveCapacity(Produced<Item, Result>.size)
        let end: Swift.Result<Result, any Error>
        do {
            end = .success(
                try produce { item in
                    items.append(item)
                    guard items.count == Produced<Item, Result>.size else { return }
                    guard handoff.put(Produced(items: items)) else { throw Produced<Item, Result>.Stopped() }
                    items.removeAll(keepingCapacity: true)
                })
        } catch is Produced<Item, Result>.Stopped {
            return
        } catch {
            end = .failure(error)
        }
        _ = handoff.put(Produced(items: items, end: end))
    }
    do {
        while true {
            let batch = handoff.take()
            for item in batch.items { try consume(item) }
            if let end = batch.end { return try end.get() }
        }
    } catch {
        handoff.cancel()
        handoff.waitUntilFinished()
        throw error
    }
}

/// A batch of items, and the producer's result with the last.
private struct Produced<Item: Sendable, Result: Sendable>: Sendable {
    static var size: Int { 256 }
    /// Thrown inside the producer when the consumer has gone.
    struct Stopped: Error {}

    var items: [Item]
    var end: Swift.Result<Result, any Error>?
}
