internal import EHCPAuditConcurrency
import Foundation

/// Records read, scored and rendered on every core at once, handed back in file order:
/// how `score` and `validate` keep up with a national month.
///
/// One thread splits the file into batches of records; worker threads each decode a batch
/// (JSON: each its own decoder; XML is decoded as it is split, by libxml2's one reader),
/// score it (each with its own `unshared()` copy of the frameworks) and render its scored
/// records; this thread takes the batches back in order (an `OrderedParallelMap`).
/// The outcome is exactly that of reading the source with `RecordSource.next()` and
/// `FrameworkCatalog.evaluate(_:file:)` one record at a time; only the work moves.
///
/// ```swift
/// let source = try RecordReader.source(path: "audits.jsonl")
/// try ParallelScoring.score(
///     source, catalog: catalog, empty: { [UInt8]() },
///     render: { bytes, _, result in bytes += Array("\(result.auditId) \(result.grade.id)\n".utf8) },
///     each: { batch in print(String(decoding: batch.rendering, as: UTF8.self), terminator: "") })
/// ```
public enum ParallelScoring {
    /// What became of a run of consecutive records.
    public struct Batch<Rendering: Sendable>: Sendable {
        /// What `render` made of the scored records, in file order.
        public var rendering: Rendering
        /// How many records were scored.
        public var scored = 0
        /// Each refused record's diagnostics, in file order.
        public var refused: [[Diagnostic]] = []
    }

    /// Records in a batch.
    public static var batchSize: Int { 64 }

    /// Scores every record of `source`, calling `render` for each scored record on a worker
    /// thread (starting each batch from `empty()`) and `each` with every batch, in file
    /// order, on this thread. Throws what stops the file being read (after every batch read
    /// before it); a refused record is in its batch and reading goes on.
    public static func score<Rendering: Sendable>(
        _ source: RecordSource, catalog: FrameworkCatalog,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        empty: @escaping @Sendable () -> Rendering,
        render: @escaping @Sendable (inout Rendering, AuditRecord, AuditResult) -> Void,
        each: (Batch<Rendering>) -> Void
    ) throws(Diagnostic) {
        let file = source.file
        let work = OrderedParallelMap(workers: threads, make: batches(of: source)) {
            var decoder = JSONRecordSource.Decoder(file: file)
            // Texts of its own, so that no two threads count references to the same text.
            let catalog = catalog.unshared()
            return { records in
                var batch = Batch(rendering: empty())
                func evaluate(_ entry: RecordEntry) {
                    switch catalog.evaluate(entry, file: file) {
                    case .scored(let record, let result):
                        render(&batch.rendering, record, result)
                        batch.scored += 1
                    case .refused(let diagnostics):
                        batch.refused.append(diagnostics)
                    }
                }
                switch records {
                case .split(let splits): for split in splits { evaluate(decoder.entry(split)) }
                case .entries(let entries): for entry in entries { evaluate(entry) }
                }
                return batch
            }
        }
        while let batch = try work.next() { each(batch) }
    }

    /// A batch as the splitting thread hands it on: JSON records still to be decoded, or
    /// entries a source decoded as it read.
    enum Records: Sendable {
        case split([JSONRecordSource.Split])
        case entries([RecordEntry])
    }

    /// The batches of `source`, made on the splitting thread. An error keeps until the
    /// records read before it have gone out as a batch.
    static func batches(of source: RecordSource) -> () throws(Diagnostic) -> Records? {
        var pending: Diagnostic?
        func batch<Item>(_ next: () throws(Diagnostic) -> Item?) throws(Diagnostic) -> [Item]? {
            if let error = pending {
                pending = nil
                throw error
            }
            var items: [Item] = []
            items.reserveCapacity(batchSize)
            do throws(Diagnostic) {
                while items.count < batchSize, let item = try next() { items.append(item) }
            } catch {
                guard !items.isEmpty else { throw error }
                pending = error
            }
            return items.isEmpty ? nil : items
        }
        if let json = source as? JSONRecordSource {
            return { () throws(Diagnostic) in try batch(json.nextSplit).map(Records.split) }
        }
        return { () throws(Diagnostic) in try batch(source.next).map(Records.entries) }
    }
}
