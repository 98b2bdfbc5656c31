import Foundation

/// Batches made on one thread, worked on by several threads at once and handed back in
/// the order they were made: ``ParallelScoring`` decodes, scores and renders records so.
///
/// At most twice as many batches as workers, and two more, are out (made and not yet
/// handed back) at any time, so memory stays flat however long the input. Each worker thread calls `makeWorker` once and
/// applies what it returns to every batch it takes, so that function may keep state of
/// its own (a decoder's words) with no lock. Dropping the taker stops every thread after
/// the batch it is on.
///
/// ```swift
/// let work = OrderedWork(workers: 2, make: { lines.next() }, makeWorker: { { batch in batch.map(score) } })
/// while let scored = try work.next() { write(scored) }
/// ```
final class OrderedWork<Input: Sendable, Output: Sendable> {
    private let shared: Shared

    init(
        workers: Int, make: @escaping () throws(Diagnostic) -> Input?,
        makeWorker: @escaping @Sendable () -> (Input) -> Output
    ) {
        let workers = max(1, workers)
        shared = Shared(depth: workers * 2 + 2)
        let maker = Maker(make: make, shared: shared)
        Thread.detachNewThread { maker.run() }
        for _ in 0..<workers {
            let shared = shared
            Thread.detachNewThread { shared.work(with: makeWorker()) }
        }
    }

    deinit { shared.cancel() }

    /// The next batch's output, in the order the batches were made; nil after the last.
    /// Throws what `make` threw, once every batch made before it has been handed back.
    func next() throws(Diagnostic) -> Output? { try shared.next() }

    /// The state the threads share, under one lock.
    private final class Shared: @unchecked Sendable {
        private let condition = NSCondition()
        private let depth: Int
        /// Made and not yet taken by a worker, by number.
        private var waiting: [(number: Int, input: Input)] = []
        /// Worked on and not yet handed back, by number.
        private var done: [Int: Output] = [:]
        private var made = 0
        private var handed = 0
        private var finished = false
        private var failure: Diagnostic?
        private var cancelled = false

        init(depth: Int) { self.depth = depth }

        /// Waits for room, then queues `input`; false once the taker has gone.
        func put(_ input: Input) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while made - handed >= depth && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            waiting.append((made, input))
            made += 1
            condition.broadcast()
            return true
        }

        /// No more batches will be made; `failure` is why, if making failed.
        func finish(_ failure: Diagnostic?) {
            condition.lock()
            finished = true
            self.failure = failure
            condition.broadcast()
            condition.unlock()
        }

        /// A worker thread's life: takes batches until none are left or the taker has gone.
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

        func next() throws(Diagnostic) -> Output? {
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

    /// The making thread's side. `@unchecked Sendable`: `make` (and whatever source it
    /// reads) moves to that thread when making starts and is never called from another.
    private final class Maker: @unchecked Sendable {
        let make: () throws(Diagnostic) -> Input?
        let shared: Shared

        init(make: @escaping () throws(Diagnostic) -> Input?, shared: Shared) {
            self.make = make
            self.shared = shared
        }

        func run() {
            do throws(Diagnostic) {
                while let input = try make() {
                    guard shared.put(input) else { return }
                }
                shared.finish(nil)
            } catch {
                shared.finish(error)
            }
        }
    }
}
