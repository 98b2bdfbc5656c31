import Foundation

/// Items passed from the one thread that makes them to the one that takes them: at most
/// `capacity` wait at any time, so the maker never runs far ahead.
///
/// Safety: every stored property is read and written with `condition` locked, and an item
/// is `Sendable` and handed over whole, so the two threads share nothing unlocked (hence
/// `@unchecked Sendable`).
///
/// Who waits on what: the maker in ``put(_:)`` while `capacity` items wait; the taker in
/// ``take()`` while none does; whoever calls ``waitUntilFinished()`` until the maker's
/// ``finish()``. Every change wakes every waiter, who looks again.
///
/// Errors and stopping: the hand-off carries none of its own; the maker hands over how it
/// ended in its last item, so ``take()`` waits for an item that always comes. When the
/// taker goes early it calls ``cancel()``: what waits is dropped and every ``put(_:)``
/// returns false at once, so the maker stops instead of waiting for room for ever.
///
/// ```swift
/// let handoff = BoundedHandoff<[Int]>(capacity: 4)
/// startThread { _ = handoff.put([1, 2]); handoff.finish() }
/// handoff.take()   // [1, 2]
/// ```
@usableFromInline package final class BoundedHandoff<Item: Sendable>: @unchecked Sendable {
    private let capacity: Int
    private let condition = NSCondition()
    private var waiting: [Item] = []
    private var cancelled = false
    private var finished = false

    @usableFromInline package init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Waits for room, then hands over `item`; false (and `item` dropped) once the taker has
    /// gone.
    @usableFromInline package func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        waiting.append(item)
        condition.broadcast()
        return true
    }

    /// Waits for the next item.
    @usableFromInline package func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty { condition.wait() }
        condition.broadcast()
        return waiting.removeFirst()
    }

    /// The taker has gone: every item waiting is dropped and no more are taken.
    package func cancel() {
        condition.lock()
        cancelled = true
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The maker's last word: it has stopped and touches nothing more.
    @usableFromInline package func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the maker has called ``finish()``.
    package func waitUntilFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
