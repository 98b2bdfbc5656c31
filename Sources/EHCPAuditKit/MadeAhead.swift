import Foundation

/// Items made ahead of their taker on a thread of their own, so that making the next ones
/// overlaps with using the ones before: ``ReadAhead`` reads record files through it, and
/// ``AuditStore/importRecords(readingAhead:scoringWith:at:replace:observe:)`` reads and
/// scores records while the store writes.
///
/// The items, and the error that stops them, come out exactly as `make` gives them and in
/// the same order; only the work moves. At most ``depth`` batches of ``batchSize`` items
/// wait at any time, so memory stays flat. Dropping the taker stops the thread after the
/// batch it is making.
final class MadeAhead<Item: Sendable> {
    static var batchSize: Int { 64 }
    static var depth: Int { 4 }

    private let channel = Handoff<Batch>(depth: MadeAhead.depth)
    /// The batch being handed out, and how far.
    private var batch = Batch()
    private var position = 0

    /// Starts making items at once: from here on only the making thread calls `make`, and
    /// `mark` (a figure read after each batch, such as the bytes read so far).
    init(make: @escaping () throws(Diagnostic) -> Item?, mark: @escaping () -> Int = { 0 }) {
        let maker = Maker(make: make, mark: mark, channel: channel)
        Thread.detachNewThread { maker.run() }
    }

    deinit { channel.cancel() }

    /// What `mark` said when the batch being handed out was made.
    var mark: Int { batch.mark }

    func next() throws(Diagnostic) -> Item? {
        while position == batch.items.count {
            switch batch.end {
            case .none:
                batch = channel.take()
                position = 0
            case .finished?:
                return nil
            case .failed(let diagnostic)?:
                batch.end = .finished
                throw diagnostic
            }
        }
        defer { position += 1 }
        return batch.items[position]
    }

    /// Items made in one go, and how the making ended if it did.
    fileprivate struct Batch: Sendable {
        enum End: Sendable {
            case finished
            case failed(Diagnostic)
        }

        var items: [Item] = []
        var end: End?
        var mark = 0
    }

    /// The making thread's side. `@unchecked Sendable`: the closures (and whatever source
    /// they read) move to that thread when making starts and are never called from another.
    private final class Maker: @unchecked Sendable {
        let make: () throws(Diagnostic) -> Item?
        let mark: () -> Int
        let channel: Handoff<Batch>

        init(make: @escaping () throws(Diagnostic) -> Item?, mark: @escaping () -> Int, channel: Handoff<Batch>) {
            self.make = make
            self.mark = mark
            self.channel = channel
        }

        func run() {
            while true {
                var batch = Batch()
                batch.items.reserveCapacity(MadeAhead.batchSize)
                do throws(Diagnostic) {
                    while batch.items.count < MadeAhead.batchSize {
                        guard let item = try make() else {
                            batch.end = .finished
                            break
                        }
                        batch.items.append(item)
                    }
                } catch {
                    batch.end = .failed(error)
                }
                batch.mark = mark()
                guard channel.put(batch), batch.end == nil else { return }
            }
        }
    }
}
