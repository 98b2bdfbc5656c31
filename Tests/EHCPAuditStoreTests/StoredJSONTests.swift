import EHCPAuditFormats
import EHCPAuditTestSupport
import GRDB
import Testing

@testable import EHCPAuditStore

/// A record's JSON, packed as the store keeps it, comes back byte for byte, and is smaller.
struct StoredJSONTests {
    @Test func everySampleRecordComesBackAsItWasAndSmaller() throws {
        let records = try scoredSamples().map { RecordJSONWriter.record($0.0) }
        #expect(!records.isEmpty)
        for json in records {
            let packed = try #require(StoredJSON.pack(json))
            #expect(try StoredJSON.unpack(packed) == json)
            #expect(packed.count * 2 < json.utf8.count, "judgements are most of a record")
        }
    }

    @Test(arguments: [
        "", "{", "\"", ",", #"{"criterion":""#, #"{"criterion":"A1","rating":"good"}"#, #"","rating":"na"}x"#,
        #"{"criterion":"é","rating":"👩‍👩‍👧","comment":"\"quoted\", with {braces}"}"#,
        #"}]}"}]}",{"id":"",{"criterion":"#, String(repeating: #","rating":"good"}"#, count: 3) + "\"",
    ])
    func anyTextWithoutControlBytesComesBack(_ text: String) throws {
        let packed = try #require(StoredJSON.pack(text))
        #expect(try StoredJSON.unpack(packed) == text)
        #expect(packed.count <= text.utf8.count)
    }

    @Test func aTextWithAControlByteIsKeptAsText() {
        #expect(StoredJSON.pack("{\"a\":\"\u{1}\"}") == nil)
        #expect(StoredJSON.pack("line\nbreak") == nil)
        guard case .text(let kept) = StoredJSON.Form("tab\there") else {
            Issue.record("a text with a control byte should be kept as text")
            return
        }
        #expect(kept == "tab\there")
    }

    @Test func aByteThatNamesNoPieceIsDamage() {
        #expect(throws: StoredJSON.Damage.self) { try StoredJSON.unpack([0x7B, 0x1F, 0x7D]) }
        #expect(throws: StoredJSON.Damage.self) { try StoredJSON.unpack([0x00]) }
    }

    /// Read back through the store: a packed record that names no piece is a damaged store.
    @Test func aDamagedPackedRecordIsReportedAsADamagedStore() throws {
        let store = try temporaryStore()
        let (record, result) = try #require(try scoredSamples().first)
        _ = try store.importFile("a.json", at: "t", replace: false) { try $0.add(.init(record, result)) }
        #expect(try store.recordJSON(auditId: record.auditId) == RecordJSONWriter.record(record))
        try store.pool.write { db in
            try db.execute(sql: "UPDATE audit_records SET record_json = X'7B1F7D'")
        }
        #expect {
            try store.recordJSON(auditId: record.auditId)
        } throws: { error in
            guard case StoreError.corrupt(_, let detail)? = error as? StoreError else { return false }
            return detail.contains(record.auditId)
        }
        #expect(try store.recordJSON(auditId: "no-such-audit") == nil)
    }
}
