/// Items made on a thread of their own, in batches, ahead of the thread that takes them,
/// so that making the next ones overlaps with using the ones before: a record file read
/// while its records are converted, or scored and written while the store inserts them.
///
/// The items, and how the making ended (what `produce` returned or threw), come out exactly
/// as `produce` gives them and in the same order, one at a time (``next()``) or a batch at
/// a time (``takeAll(_:)``); only the work moves.
///
/// Safety: from `init` on, `produce` and `mark`, and whatever they capture (the file being
/// read), belong to the making thread (``startThread(moving:)``); the place in the batch
/// being taken belongs to the taker (a `MadeAhead` is not `Sendable`, so it is used from
/// one thread at a time). The two share only a ``BoundedHandoff`` of whole batches, which
/// locks.
///
/// Waiting and memory: the maker waits for room when ``Batching/depth`` batches wait, so at
/// most that many batches of ``Batching/size`` items wait, one is being made and one taken,
/// however long the file; the taker waits for the next batch.
///
/// Errors: what `produce` throws ends the last batch, after the items made before it;
/// ``next()`` throws it once those have been taken, and gives nil after.
///
/// Stopping early: dropping the `MadeAhead`, or ``stop()``, cancels the hand-off, so the
/// next full batch is not handed over and `yield` returns false; `produce` should then
/// return (the pull-style `make` of ``init(_:mark:make:)`` stops at once).
/// ``stop()`` also waits until the making thread has stopped: `produce` has returned and
/// touches nothing more.
///
/// ```swift
/// let entries = MadeAhead(mark: { source.bytesRead }, make: source.next)
/// while let entry = try entries.next() { ... }
/// ```
///
/// `@inlinable` where items pass one by one, so that each caller gets code made for its own
/// items: unspecialised, each item would cost a look-up of the batch's generic type (a
/// population's plans were stored 5% slower so).
@usableFromInline package final class MadeAhead<Item: Sendable, End: Sendable, Failure: Error> {
    @usableFromInline let handoff: BoundedHandoff<Batch>
    /// The batch being handed out, and how far: the taker's alone (not checked for
    /// exclusive access at run time, which would cost a call for every item).
    @exclusivity(unchecked) @usableFromInline var batch = Batch(capacity: 0)
    @exclusivity(unchecked) @usableFromInline var position = 0

    /// Starts making items at once: `produce` runs on a thread of its own, handing each item
    /// to `yield`, which returns false once the taker has gone; `mark` is read there after
    /// each batch is made (the bytes read so far, say).
    @inlinable package init(
        _ batching: Batching = .records, mark: @escaping () -> Int = { 0 },
        produce: @escaping (_ yield: (Item) -> Bool) throws(Failure) -> End
    ) {
        let batchSize = batching.size
        let handoff = BoundedHandoff<Batch>(capacity: batching.depth)
        self.handoff = handoff
        startThread {
            defer { handoff.finish() }
            var batch = Batch(capacity: batchSize)
            let ending: Batch.Ending
            do throws(Failure) {
                ending = .finished(
                    try produce { item in
                        batch.items.append(item)
                        guard batch.items.count == batchSize else { return true }
                        batch.mark = mark()
                        guard handoff.put(batch) else { return false }
                        batch = Batch(capacity: batchSize)
                        return true
                    })
            } catch {
                ending = .failed(error)
            }
            batch.ending = ending
            batch.mark = mark()
            _ = handoff.put(batch)
        }
    }

    deinit { handoff.cancel() }

    /// The next item, nil after the last; throws what `produce` threw, once every item made
    /// before it has been taken.
    @inlinable package func next() throws(Failure) -> Item? {
        while position == batch.items.count {
            switch batch.ending {
            case nil:
                batch = handoff.take()
                position = 0
            case .finished?, .thrown?:
                return nil
            case .failed(let error)?:
                batch.ending = .thrown
                throw error
            }
        }
        defer { position += 1 }
        return batch.items[position]
    }

    /// Hands every item not yet taken to `body`, in order, a batch at a time (a loop over
    /// each batch, quicker than ``next()`` for each item); then returns what `produce`
    /// returned, or throws what it threw. What `body` throws stops the taking and is thrown.
    @inlinable package func takeAll(_ body: (Item) throws -> Void) throws -> End {
        while true {
            let items = batch.items, start = position
            position = items.count
            for item in items[start...] { try body(item) }
            switch batch.ending {
            case nil:
                batch = handoff.take()
                position = 0
            case .finished(let end)?:
                return end
            case .failed(let error)?:
                batch.ending = .thrown
                throw error
            case .thrown?:
                preconditionFailure("takeAll after the making failed")
            }
        }
    }

    /// What `mark` said when the batch being taken was made.
    @inlinable package var mark: Int { batch.mark }

    /// The taker is done: drops the batches waiting and waits until the making thread has
    /// stopped, at the end of the batch it is making.
    @usableFromInline package func stop() {
        handoff.cancel()
        handoff.waitUntilFinished()
    }

    /// Items made in one go, and how the making ended with the last.
    @usableFromInline struct Batch: Sendable {
        @usableFromInline enum Ending: Sendable {
            case finished(End)
            case failed(Failure)
            /// Failed, and the error has been thrown to the taker.
            case thrown
        }

        @usableFromInline var items: [Item] = []
        @usableFromInline var ending: Ending?
        @usableFromInline var mark = 0

        @inlinable init(capacity: Int) { items.reserveCapacity(capacity) }
    }
}

extension MadeAhead where End == Void {
    /// Starts making items by calling `make` on a thread of its own until it gives nil or
    /// throws, or the taker has gone.
    @inlinable package convenience init(
        _ batching: Batching = .records, mark: @escaping () -> Int = { 0 },
        make: @escaping () throws(Failure) -> Item?
    ) {
        self.init(batching, mark: mark) { (yield) throws(Failure) in
            while let item = try make() {
                guard yield(item) else { return }
            }
        }
    }
}

/// How a ``MadeAhead`` batches: ``size`` items a batch, at most ``depth`` batches waiting.
@usableFromInline package struct Batching: Sendable {
    @usableFromInline package var size: Int
    @usableFromInline package var depth: Int

    package init(size: Int, depth: Int) {
        self.size = max(1, size)
        self.depth = max(1, depth)
    }

    /// Records as the readers hand them over: 64 at a time, 4 batches ahead.
    @usableFromInline package static let records = Batching(size: 64, depth: 4)
    /// A population file's plans, which are small: 256 at a time, 4 batches ahead.
    @usableFromInline package static let plans = Batching(size: 256, depth: 4)
}
