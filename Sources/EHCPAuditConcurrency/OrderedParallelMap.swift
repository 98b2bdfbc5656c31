import Foundation

/// Inputs made one after another on one thread, each mapped by one of several worker
/// threads at once, and the outputs handed back in the order the inputs were made:
/// `ParallelScoring` decodes, scores and renders batches of records so, and the plan
/// checks read documents so.
///
/// Each worker thread calls `makeWorker` once and applies what it returns to every input
/// it takes, so that function may keep state of its own (a decoder's words) with no lock.
///
/// Safety: `make`, and what it captures (the file being split), belongs to the making
/// thread (``startThread(moving:)``); each worker's function to its worker thread; the
/// inputs waiting, the outputs done and the counts are read and written with one
/// `NSCondition` locked. Inputs and outputs are `Sendable` and move whole.
///
/// Who waits on what: the maker while as many inputs as ``window(workers:)`` are out (made
/// and not yet handed back); a worker while no input waits; the taker until the output
/// next in order is done. Memory therefore stays flat however long the input.
///
/// Errors: what `make` throws is thrown by ``next()`` once every output of the inputs made
/// before it has been handed back; then ``next()`` gives nil. A worker's function does not
/// throw: it returns failures as outputs (a `Result`), in their place.
///
/// Stopping early: dropping the map cancels it: what waits is dropped, the maker stops at
/// its next input and each worker after the input it is on.
///
/// ```swift
/// let work = OrderedParallelMap(workers: 2, make: { lines.next() }, makeWorker: { { batch in batch.map(score) } })
/// while let scored = try work.next() { write(scored) }
/// ```
package final class OrderedParallelMap<Input: Sendable, Output: Sendable, Failure: Error> {
    private let shared: Shared

    /// How many inputs may be out at once for `workers` threads: enough that none waits
    /// for work while the taker writes.
    package static func window(workers: Int) -> Int { workers * 2 + 2 }

    /// Starts the making thread and `workers` worker threads at once.
    package init(
        workers: Int, make: @escaping () throws(Failure) -> Input?,
        makeWorker: @escaping @Sendable () -> (Input) -> Output
    ) {
        let workers = max(1, workers)
        let shared = Shared(window: Self.window(workers: workers))
        self.shared = shared
        startThread {
            do throws(Failure) {
                while let input = try make() {
                    guard shared.put(input) else { return }
                }
                shared.finish(nil)
            } catch {
                shared.finish(error)
            }
        }
        for _ in 0..<workers {
            Thread.detachNewThread { shared.work(with: makeWorker()) }
        }
    }

    deinit { shared.cancel() }

    /// The next output, in the order the inputs were made; nil after the last.
    package func next() throws(Failure) -> Output? { try shared.next() }

    /// The state the threads share, under one lock.
    private final class Shared: @unchecked Sendable {
        private let condition = NSCondition()
        private let window: Int
        /// Made and not yet taken by a worker, by number.
        private var waiting: [(number: Int, input: Input)] = []
        /// Mapped and not yet handed back, by number.
        private var done: [Int: Output] = [:]
        private var made = 0
        private var handed = 0
        private var finished = false
        private var failure: Failure?
        private var cancelled = false

        init(window: Int) { self.window = window }

        /// Waits for room, then queues `input`; false once the taker has gone.
        func put(_ input: Input) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while made - handed >= window && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            waiting.append((made, input))
            made += 1
            condition.broadcast()
            return true
        }

        /// No more inputs will be made; `failure` is why, if making failed.
        func finish(_ failure: Failure?) {
            condition.lock()
            finished = true
            self.failure = failure
            condition.broadcast()
            condition.unlock()
        }

        /// A worker thread's life: takes inputs until none are left or the taker has gone.
        func work(with body: (Input) -> Output) {
            while true {
                condition.lock()
                while waiting.isEmpty && !finished && !cancelled { condition.wait() }
                guard !cancelled, !waiting.isEmpty else {
                    condition.unlock()
                    return
                }
                let (number, input) = waiting.removeFirst()
                condition.unlock()
                let output = body(input)
                condition.lock()
                done[number] = output
                condition.broadcast()
                condition.unlock()
            }
        }

        func next() throws(Failure) -> Output? {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let output = done.removeValue(forKey: handed) {
                    handed += 1
                    condition.broadcast()
                    return output
                }
                if finished && handed == made {
                    guard let failure else { return nil }
                    self.failure = nil
                    throw failure
                }
                condition.wait()
            }
        }

        func cancel() {
            condition.lock()
            cancelled = true
            waiting.removeAll()
            done.removeAll()
            condition.broadcast()
            condition.unlock()
        }
    }
}
