import EHCPAuditConcurrency
import EHCPAuditTestSupport
import Foundation
import Testing

struct ReadAheadTests {
    /// A source of `count` numbered entries, then `end` (nil: the end of the file).
    final class Scripted: RecordSource, @unchecked Sendable {
        let file = "scripted.jsonl"
        let count: Int
        let end: Diagnostic?
        private(set) var bytesRead = 0
        private var given = 0

        init(count: Int, end: Diagnostic? = nil) {
            self.count = count
            self.end = end
        }

        func next() throws(Diagnostic) -> RecordEntry? {
            guard given < count else {
                if let end { throw end }
                return nil
            }
            given += 1
            bytesRead += 10
            return RecordEntry(
                index: given, root: "$", line: given, auditId: "A\(given)", record: nil, diagnostics: [])
        }
    }

    static let broken = Diagnostic(file: "scripted.jsonl", line: 99, message: "invalid JSON: the file stops here")

    private func drain(_ source: RecordSource) -> (ids: [String], error: Diagnostic?) {
        var ids: [String] = []
        do throws(Diagnostic) {
            while let entry = try source.next() { ids.append(entry.auditId ?? "?") }
            return (ids, nil)
        } catch {
            return (ids, error)
        }
    }

    @Test(arguments: [
        0, 1, Batching.records.size - 1, Batching.records.size, Batching.records.size * Batching.records.depth * 3 + 5,
    ])
    func handsOutEveryEntryInOrder(_ count: Int) throws {
        let source = ReadAhead(Scripted(count: count))
        let (ids, error) = drain(source)
        #expect(error == nil)
        #expect(ids == (0..<count).map { "A\($0 + 1)" })
        #expect(source.bytesRead == 10 * count)
        #expect(try source.next() == nil)
    }

    @Test(arguments: [0, 1, Batching.records.size, Batching.records.size * 2 + 3])
    func theErrorThatStopsTheFileComesAfterTheEntriesBeforeIt(_ count: Int) throws {
        let source = ReadAhead(Scripted(count: count, end: Self.broken))
        let (ids, error) = drain(source)
        #expect(ids.count == count)
        #expect(ids.last == (count > 0 ? "A\(count)" : nil))
        #expect(error == Self.broken)
        // Once the file has stopped, nothing more comes.
        #expect(try source.next() == nil)
    }

    @Test(arguments: ["samples/audits-2025-06.xml", "samples/audits-2025-06.json", "samples/invalid"])
    func givesWhatTheFileReaderGives(_ sample: String) throws {
        let paths =
            sample.hasSuffix("invalid")
            ? try FileManager.default.contentsOfDirectory(atPath: Project.path(sample)).sorted().map {
                Project.path("\(sample)/\($0)")
            }.filter { RecordReader.Format(name: $0) != nil }
            : [Project.path(sample)]
        #expect(!paths.isEmpty)
        for path in paths {
            func entries(_ wrap: (RecordSource) -> RecordSource) -> [String] {
                var out: [String] = []
                do throws(Diagnostic) {
                    let source = wrap(try RecordReader.source(path: path))
                    while let entry = try source.next() {
                        out.append("\(entry.index) \(entry.auditId ?? "-") \(entry.diagnostics) \(entry.record != nil)")
                    }
                } catch {
                    out.append("stopped: \(error)")
                }
                return out
            }
            #expect(entries { ReadAhead($0) } == entries { $0 }, "\(path)")
        }
    }
}
