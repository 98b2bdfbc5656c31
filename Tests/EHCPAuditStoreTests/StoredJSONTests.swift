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
        "{", "{\"", "{,", #"{"criterion":""#, #"{"criterion":"A1","rating":"good"}"#, #"{"id":"","rating":"na"}x"#,
        #"{"criterion":"é","rating":"👩‍👩‍👧","comment":"\"quoted\", with {braces}"}"#,
        #"{}]}"}]}",{"id":"",{"criterion":"#, "{" + String(repeating: #","rating":"good"}"#, count: 3) + "\"",
    ])
    func anyTextOpeningWithABraceWithoutControlBytesComesBack(_ text: String) throws {
        let packed = try #require(StoredJSON.pack(text))
        #expect(packed.first == UInt8(ascii: "{"), "the opening brace says the format is version 1")
        #expect(try StoredJSON.unpack(packed) == text)
        #expect(packed.count <= text.utf8.count)
    }

    @Test func aTextWithAControlByteIsKeptAsText() {
        #expect(StoredJSON.pack("{\"a\":\"\u{1}\"}") == nil)
        #expect(StoredJSON.pack("{line\nbreak") == nil)
        guard case .text(let kept) = StoredJSON.Form("{tab\there") else {
            Issue.record("a text with a control byte should be kept as text")
            return
        }
        #expect(kept == "{tab\there")
    }

    /// Only a text opening with `{` packs: its first byte then says which format it is.
    @Test(arguments: ["", "\"", ",", "[1]", #","rating":"good"}"#, " {}"])
    func aTextNotOpeningWithABraceIsKeptAsText(_ text: String) {
        #expect(StoredJSON.pack(text) == nil)
    }

    @Test func bytesOfNoFormatAreDamage() {
        #expect(throws: StoredJSON.Unreadable.damaged("holds byte 31, which names nothing")) {
            try StoredJSON.unpack([0x7B, 0x1F, 0x7D])
        }
        #expect(throws: StoredJSON.Unreadable.damaged("is empty")) { try StoredJSON.unpack([]) }
        for bytes: [UInt8] in [[0x00], [0x00, 0x01, 0x7B], [0x01, 0x7D], [0x22]] {
            #expect(
                throws: StoredJSON.Unreadable.damaged("begins with byte \(bytes[0]), which begins no stored format")
            ) {
                try StoredJSON.unpack(bytes)
            }
        }
    }

    @Test func aLaterVersionIsRefusedNotMisread() {
        #expect(throws: StoredJSON.Unreadable.laterVersion(2)) { try StoredJSON.unpack([0x00, 0x02, 0x7B, 0x01]) }
        #expect(throws: StoredJSON.Unreadable.laterVersion(255)) { try StoredJSON.unpack([0x00, 0xFF]) }
    }

    /// Read back through the store: a packed record that names no piece is a damaged store.
    @Test func aDamagedPackedRecordIsReportedAsADamagedStore() throws {
        let (store, auditId) = try storeOfOneAudit()
        try store.pool.write { db in
            try db.execute(sql: "UPDATE audit_records SET record_json = X'7B1F7D'")
        }
        #expect(
            throws: StoreError.corrupt(
                path: store.path, detail: "the record of audit \(auditId) holds byte 31, which names nothing")
        ) {
            try store.recordJSON(auditId: auditId)
        }
        #expect(try store.recordJSON(auditId: "no-such-audit") == nil)
    }

    /// A record a later version packed is refused, naming the audit and the store, rather than misread.
    @Test func aRecordOfALaterFormatIsRefusedWithAMessage() throws {
        let (store, auditId) = try storeOfOneAudit()
        try store.pool.write { db in
            try db.execute(sql: "UPDATE audit_records SET record_json = X'00027B01'")
        }
        #expect(throws: StoreError.laterRecordFormat(path: store.path, auditId: auditId, version: 2)) {
            try store.recordJSON(auditId: auditId)
        }
        let message = StoreError.laterRecordFormat(path: store.path, auditId: auditId, version: 2).description
        #expect(
            message == """
                \(store.path): audit \(auditId) was stored by a later version of ehcp-audit, in record format 2, which \
                this version (format 1) cannot read; open the store with that later version
                """)
    }

    /// A store holding the first sample audit, and its id; its record reads back as it was.
    private func storeOfOneAudit() throws -> (AuditStore, String) {
        let record = try #require(try scoredSamples().first).0
        let store = try EHCPAuditTestSupport.store(with: [record])
        #expect(try store.recordJSON(auditId: record.auditId) == RecordJSONWriter.record(record))
        return (store, record.auditId)
    }
}
