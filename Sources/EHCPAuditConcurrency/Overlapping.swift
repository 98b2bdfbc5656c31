/// Runs `produce` on a thread of its own while this thread hands each item it yields to
/// `consume`, in order, in ``Batching/plans`` batches, so that reading a file
/// overlaps with storing or ranking what it holds. Returns what `produce` returned, or
/// throws the first error of either: an error in `consume` stops `produce` at its next
/// batch (its `yield` throws), and this returns only once it has stopped.
///
/// The push-style side of ``MadeAhead``, whose batches carry the items across (and which
/// is `@inlinable` for the same reason). `produce` is `Sendable` because it runs while this
/// thread goes on consuming.
///
/// ```swift
/// let children = try overlapping(
///     produce: { yield in try SEN2Return.read(path: path, asOf: day, references: references, each: yield) },
///     consume: { plan in try add(plan) })
/// ```
@inlinable package func overlapping<Item: Sendable, Result: Sendable>(
    produce: @escaping @Sendable (_ yield: (Item) throws -> Void) throws -> Result,
    consume: (Item) throws -> Void
) throws -> Result {
    let items = MadeAhead<Item, Result, any Error>(.plans) { yield in
        try produce { item in
            guard yield(item) else { throw ConsumerGone() }
        }
    }
    do {
        return try items.takeAll(consume)
    } catch {
        items.stop()
        throw error
    }
}

/// Thrown at ``overlapping(produce:consume:)``'s `produce` when the consumer has gone; the
/// batch that carries it is dropped unread.
@usableFromInline struct ConsumerGone: Error {
    @inlinable init() {}
}
