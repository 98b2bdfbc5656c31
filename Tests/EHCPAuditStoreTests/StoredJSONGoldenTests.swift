import EHCPAuditTestSupport
import Foundation
import GRDB
import Testing

@testable import EHCPAuditStore

/// Records as stores hold them today read back as the same JSON forever: Fixtures/StoredJSON
/// holds, for each audit, the bytes a store wrote (`.stored`) and the record's JSON
/// (`.json`), made once by the code of record format 1 and never made again (see the
/// folder's README.md).
struct StoredJSONGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/StoredJSON")

    /// The audit ids of the golden files.
    static let auditIds: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".stored") }.map { String($0.dropLast(".stored".count)) }.sorted()
    }()

    static func golden(_ auditId: String) throws -> (stored: [UInt8], json: String) {
        let stored = try Data(contentsOf: folder.appendingPathComponent(auditId + ".stored"))
        let json = try Data(contentsOf: folder.appendingPathComponent(auditId + ".json"))
        return ([UInt8](stored), String(decoding: json, as: UTF8.self))
    }

    @Test(arguments: auditIds)
    func storedBytesReadAsTheSameJSON(_ auditId: String) throws {
        let (stored, json) = try Self.golden(auditId)
        #expect(try StoredJSON.unpack(stored) == json)
        #expect(StoredJSON.pack(json) == stored, "version 1 is still written as it was")
    }

    /// Through the store: importing the records today writes the very bytes stored before,
    /// and each reads back as its JSON.
    @Test func aStoreWritesAndReadsTheSameRows() throws {
        let store = try temporaryStore()
        for name in ["ehcp-qa", "annual-review", "family-voice"] {
            let text = try String(contentsOfFile: Project.path("criteria/\(name).yaml"), encoding: .utf8)
            _ = try store.addFramework(text: text, file: "\(name).yaml", at: "t")
        }
        let text = "[" + (try Self.auditIds.map { try Self.golden($0).json }).joined(separator: ",\n") + "]"
        var refused: [String] = []
        _ = try AuditImport(into: store, at: "t").run(
            try RecordReader.source(bytes: Array(text.utf8), name: "golden.json"),
            scoringWith: try store.frameworkCatalog()
        ) {
            if case .refused(let diagnostics) = $0 { refused += diagnostics.map(\.description) }
        }
        #expect(refused == [])
        for auditId in Self.auditIds {
            let (stored, json) = try Self.golden(auditId)
            let row = try store.pool.read { db in
                try Data.fetchOne(
                    db, sql: "SELECT record_json FROM audit_records WHERE audit_id = ?", arguments: [auditId])
            }
            #expect(row.map { [UInt8]($0) } == stored)
            #expect(try store.recordJSON(auditId: auditId) == json)
        }
    }

    /// The golden records hold what packing has to get right: drafts with criteria left out,
    /// advices, moderation links, plan checks, every framework, and comments with non-ASCII
    /// text, escapes and text that looks like a piece.
    @Test func theGoldenRecordsCoverEveryKindOfRecord() throws {
        var records: [AuditRecord] = []
        for auditId in Self.auditIds {
            let json = try Self.golden(auditId).json
            let source = try RecordReader.source(bytes: Array(json.utf8), name: auditId + ".json")
            let entry = try #require(try source.next())
            let record = try #require(entry.record)
            #expect(entry.diagnostics.isEmpty)
            #expect(record.auditId == auditId)
            records.append(record)
        }
        #expect(records.count >= 24)
        let complete = records.filter { $0.framework.id == "ehcp-qa" && $0.isCounted }.map(\.judgements.count).max()
        #expect(
            records.contains { $0.status == .draft && !$0.advices.isEmpty && $0.judgements.count < complete ?? 0 },
            "a draft with criteria left out, and advices")
        #expect(records.contains { $0.moderates != nil })
        #expect(records.contains { $0.planChecks != nil })
        #expect(Set(records.map(\.framework.id)) == ["ehcp-qa", "annual-review", "family-voice"])
        let comments = records.flatMap { $0.judgements + $0.advices.flatMap(\.judgements) }.compactMap(\.comment)
        #expect(comments.contains { $0.unicodeScalars.contains { $0.value > 0xFFFF } }, "an emoji")
        #expect(comments.contains { $0.contains("\t") && $0.contains("\n") && $0.contains("\\") })
        #expect(comments.contains { $0.contains(#"","rating":"good"}"#) })
    }
}
