import EHCPAuditTestSupport
import Foundation
import Testing

/// `ParallelScoring` decodes and scores on several threads: whatever a file holds, the
/// outcome must be what reading it one record at a time gives, in the same order.
struct ParallelScoringTests {
    /// One line per record: scored (id, grade, percent) or refused (every diagnostic); then
    /// the error that stopped the file, if any.
    private func oneAtATime(_ open: @escaping () throws(Diagnostic) -> RecordSource) -> [String] {
        var lines: [String] = []
        do throws(Diagnostic) {
            let source = try open()
            while let entry = try source.next() {
                switch Project.catalog.evaluate(entry, file: source.file) {
                case .scored(_, let result): lines.append(Self.line(result))
                case .refused(let diagnostics): lines.append("refused \(diagnostics)")
                }
            }
        } catch {
            lines.append("stopped: \(error)")
        }
        return lines
    }

    private func inParallel(_ open: @escaping () throws(Diagnostic) -> RecordSource, threads: Int) -> [String] {
        var lines: [String] = []
        do throws(Diagnostic) {
            try ParallelScoring.score(
                try open(), catalog: Project.catalog, threads: threads, empty: { [String]() },
                render: { lines, _, result in lines.append(Self.line(result)) },
                each: { batch in
                    // Which of the batch's records were refused is not said, only how many:
                    // refused records are compared as a list after the scored ones.
                    #expect(batch.scored == batch.rendering.count)
                    lines += batch.rendering
                    lines += batch.refused.map { "refused \($0)" }
                })
        } catch {
            lines.append("stopped: \(error)")
        }
        return lines
    }

    private static func line(_ result: AuditResult) -> String {
        "\(result.auditId) \(result.grade.id) \(result.percent) \(result.actions.map(\.criterion))"
    }

    /// The same lines, scored and refused in separate lists (a batch keeps each in order).
    private func sorted(_ lines: [String]) -> [[String]] {
        [lines.filter { !$0.hasPrefix("refused") }, lines.filter { $0.hasPrefix("refused") }]
    }

    @Test(arguments: Project.recordFiles)
    func givesWhatReadingOneAtATimeGives(_ file: String) {
        let open = { () throws(Diagnostic) in try RecordReader.source(path: Project.path(file)) }
        let parallel = inParallel(open, threads: 2)
        let reference = oneAtATime(open)
        #expect(sorted(parallel) == sorted(reference))
    }

    /// `count` copies of the late sample's records, each with an auditId of its own; every
    /// 50th rates a criterion the framework lacks.
    private func manyRecords(_ count: Int) throws -> [String] {
        let lines = try String(contentsOfFile: Project.path("samples/audits-2025-06-late.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        return (1...count).map { i in
            var line = String(lines[(i - 1) % lines.count])
            let id = line.firstRange(of: #/"auditId": "[^"]+"/#)!
            line.replaceSubrange(id, with: "\"auditId\": \"AUD-MANY-\(i)\"")
            if i % 50 == 0 { line = line.replacing("\"criterion\": \"A1\"", with: "\"criterion\": \"Z9\"") }
            return line
        }
    }

    @Test(arguments: [1, 2, 3])
    func manyBatchesComeBackInFileOrder(_ threads: Int) throws {
        let lines = try manyRecords(ParallelScoring.batchSize * 9 + 5)
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let open = { () throws(Diagnostic) in try RecordReader.source(bytes: bytes, name: "many.jsonl") }
        let parallel = inParallel(open, threads: threads)
        let reference = oneAtATime(open)
        #expect(sorted(parallel) == sorted(reference))
        let numbers = parallel.filter { !$0.hasPrefix("refused") }.map { line in
            Int(line.split(separator: " ")[0].dropFirst("AUD-MANY-".count))!
        }
        #expect(numbers == (1...lines.count).filter { $0 % 50 != 0 })
    }

    @Test func aFileThatStopsGivesEveryRecordBeforeItThenItsError() throws {
        // A JSON array cut short after several batches: the records before come out, then the error.
        let lines = try manyRecords(ParallelScoring.batchSize * 3 + 10)
        let bytes = Array(("[" + lines.joined(separator: ",\n") + ",\n{\"auditId\": \"AUD-CUT\", \"plan").utf8)
        let open = { () throws(Diagnostic) in try RecordReader.source(bytes: bytes, name: "cut.json") }
        let parallel = inParallel(open, threads: 2)
        let reference = oneAtATime(open)
        #expect(sorted(parallel) == sorted(reference))
        #expect(parallel.last?.hasPrefix("stopped: cut.json") == true)
        #expect(parallel.filter { $0.hasPrefix("AUD-MANY-") }.count == lines.count - lines.count / 50)
    }
}
