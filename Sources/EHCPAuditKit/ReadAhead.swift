import Foundation

/// A record source read ahead of its reader on a thread of its own, so that parsing the
/// next records overlaps with scoring, storing or writing the ones before.
///
/// The entries, and the error that stops the file, come out exactly as the wrapped source
/// gives them and in the same order; only the work moves. At most ``depth`` batches of
/// ``batchSize`` entries wait at any time, so memory stays flat whatever the file holds.
/// Dropping the reader stops the thread after the batch it is reading.
///
/// ```swift
/// let source = ReadAhead(try RecordReader.source(path: "audits.xml"))
/// while let entry = try source.next() { ... }
/// ```
public final class ReadAhead: RecordSource {
    public static let batchSize = 64
    public static let depth = 4

    public let file: String
    private let channel = Handoff<Batch>(depth: ReadAhead.depth)
    /// The batch being handed out, and how far.
    private var batch = Batch()
    private var position = 0

    /// Starts reading `source` at once. From here on only the reading thread touches it.
    public init(_ source: RecordSource) {
        file = source.file
        let producer = Producer(source: source, channel: channel)
        Thread.detachNewThread { producer.run() }
    }

    deinit { channel.cancel() }

    /// Bytes the wrapped source had read when it finished the batch being handed out.
    public var bytesRead: Int { batch.bytesRead }

    public func next() throws(Diagnostic) -> RecordEntry? {
        while position == batch.entries.count {
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
        return batch.entries[position]
    }

    /// Entries read in one go, and how the file ended if it did.
    fileprivate struct Batch: Sendable {
        enum End: Sendable {
            case finished
            case failed(Diagnostic)
        }

        var entries: [RecordEntry] = []
        var end: End?
        var bytesRead = 0
    }

    /// The reading thread's side. `@unchecked Sendable`: the source moves to that thread
    /// when reading starts and is never touched by any other after.
    private final class Producer: @unchecked Sendable {
        let source: RecordSource
        let channel: Handoff<Batch>

        init(source: RecordSource, channel: Handoff<Batch>) {
            self.source = source
            self.channel = channel
        }

        func run() {
            while true {
                var batch = Batch()
                batch.entries.reserveCapacity(ReadAhead.batchSize)
                do throws(Diagnostic) {
                    while batch.entries.count < ReadAhead.batchSize {
                        guard let entry = try source.next() else {
                            batch.end = .finished
                            break
                        }
                        batch.entries.append(entry)
                    }
                } catch {
                    batch.end = .failed(error)
                }
                batch.bytesRead = source.bytesRead
                guard channel.put(batch), batch.end == nil else { return }
            }
        }
    }
}
