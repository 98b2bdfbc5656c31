import EHCPAuditConcurrency
import EHCPAuditTestSupport
import Foundation
import Testing

/// An import reading ahead reads and scores on a thread of its own: whatever a file holds,
/// the store must end as an import without leaves it, with the same summary and
/// the same events in the same order.
struct AuditImportReadingAheadTests {
    let time = "2025-07-01T09:00:00Z"

    /// What one import did: its summary, its events, and what the store then holds.
    struct Outcome: Equatable {
        var summary: AuditImport.Summary?
        var thrown: String?
        var events: [String]
        var audits: Int
        var refusals: [AuditStore.Refusal]
    }

    private func importing(
        _ sources: [() throws -> RecordSource], readingAhead: Bool
    ) throws -> [Outcome] {
        let store = try temporaryStore()
        let text = try String(contentsOfFile: Project.path("criteria/ehcp-qa.yaml"), encoding: .utf8)
        try store.addFramework(text: text, file: "ehcp-qa.yaml", at: time)
        return try sources.map { open in
            var events: [String] = []
            func observe(_ event: AuditImport.Event) { events.append("\(event)") }
            var outcome = Outcome(summary: nil, thrown: nil, events: [], audits: 0, refusals: [])
            do {
                let source = try open()
                outcome.summary =
                    readingAhead
                    ? try AuditImport(into: store, at: time).run(
                        source, scoringWith: Project.catalog, readingAhead: true, observe: observe)
                    : try AuditImport(into: store, at: time).run(source, scoringWith: Project.catalog, observe: observe)
            } catch {
                outcome.thrown = "\(error)"
            }
            outcome.events = events
            outcome.audits = try store.status().audits
            outcome.refusals = try store.loggedRefusals()
            return outcome
        }
    }

    @Test(arguments: Project.recordFiles)
    func storesWhatImportingInPlaceStores(_ file: String) throws {
        let source = { try RecordReader.source(path: Project.path(file)) }
        let ahead = try importing([source], readingAhead: true)
        let inPlace = try importing([source], readingAhead: false)
        #expect(ahead == inPlace)
        #expect(!ahead[0].events.isEmpty || ahead[0].thrown != nil)
    }

    /// `count` copies of the late sample's records, each with an auditId of its own; the
    /// record at `broken` (1-based), if any, rates a criterion the framework lacks.
    private func manyRecords(_ count: Int, broken: Int? = nil, changed: Int? = nil) throws -> [UInt8] {
        let lines = try String(contentsOfFile: Project.path("samples/audits-2025-06-late.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        var text = ""
        for i in 1...count {
            var line = String(lines[(i - 1) % lines.count])
            let id = line.firstRange(of: #/"auditId": "[^"]+"/#)!
            line.replaceSubrange(id, with: "\"auditId\": \"AUD-MANY-\(i)\"")
            line = line.replacing(#/"moderates": "[^"]+", /#, with: "")
            line = line.replacing("\"kind\": \"moderation\"", with: "\"kind\": \"routine\"")
            if i == broken { line = line.replacing("\"criterion\": \"A1\"", with: "\"criterion\": \"Z9\"") }
            if i == changed { line = line.replacing("\"auditor\": \"", with: "\"auditor\": \"changed-") }
            text += line + "\n"
        }
        return Array(text.utf8)
    }

    @Test func manyBatchesLandWholeOrNotAtAll() throws {
        let count = Batching.records.size * Batching.records.depth * 2 + 7
        let sources: [() throws -> RecordSource] = [
            { try RecordReader.source(bytes: manyRecords(count, broken: count - 5), name: "broken.jsonl") },
            { try RecordReader.source(bytes: manyRecords(count), name: "whole.jsonl") },
            { try RecordReader.source(bytes: manyRecords(count), name: "again.jsonl") },
            { try RecordReader.source(bytes: manyRecords(count, changed: count / 2), name: "changed.jsonl") },
        ]
        let ahead = try importing(sources, readingAhead: true)
        #expect(ahead == (try importing(sources, readingAhead: false)))
        #expect(ahead.map(\.summary?.committed) == [false, true, true, false])
        #expect(ahead.map(\.audits) == [0, count, count, count])
        #expect(ahead[0].summary?.refused == 1 && ahead[0].events.filter { $0.hasPrefix("refused") }.count == 1)
        #expect(ahead[2].summary?.unchanged == count)
        let conflicts = ahead[3].events.filter { $0.hasPrefix("conflict") }
        #expect(conflicts.count == 1 && conflicts[0].contains("AUD-MANY-\(count / 2)"))
        #expect(ahead[1].events.last == "progress(records: \(count), bytes: \(try manyRecords(count).count))")
    }

    @Test func aFileThatStopsStoresNothingAndThrowsItsError() throws {
        // A JSON array cut short after three batches of records: the file stops there.
        let lines = try String(decoding: manyRecords(Batching.records.size * 3), as: UTF8.self).split(separator: "\n")
        let bytes = Array(("[" + lines.joined(separator: ",\n") + ",\n{\"auditId\": \"AUD-CUT\", \"plan").utf8)
        let source = { try RecordReader.source(bytes: bytes, name: "cut.json") }
        let ahead = try importing([source], readingAhead: true)
        #expect(ahead == (try importing([source], readingAhead: false)))
        #expect(ahead[0].thrown?.contains("cut.json") == true && ahead[0].audits == 0)
    }
}
