import GRDB
import Testing

@testable import EHCPAuditStore

/// Packed columns split by bytes must give back exactly what was packed, whatever the text.
struct PackedTests {
    @Test(arguments: [
        [["A1", "good"], ["A2", "na"]],
        [["F", "55.5", "good"], ["G", "", ""]],
        [["é", "e\u{301}"], ["😀", "👩‍👩‍👧"], ["", ""]],
        [["only"]],
    ])
    func unpackGivesBackWhatWasPacked(_ items: [[String]]) {
        #expect(Packed.unpack(Packed.pack(items)).map { $0.map(String.init) } == items)
    }

    /// (So one empty item reads back as none: no packed column holds one.)
    @Test func nothingPackedIsNoItems() {
        #expect(Packed.unpack("").isEmpty)
    }

    /// Read in place from a row, the same items and fields as `unpack` gives.
    @Test(arguments: [
        [["A1", "good"], ["A2", "na"]],
        [["F", "55.5", "good"], ["G", "", ""]],
        [["é", "e\u{301}"], ["😀", "👩‍👩‍👧"], ["", ""]],
        [["only"]],
    ])
    func itemsReadFromARowAreThoseUnpacked(_ items: [[String]]) throws {
        let text = Packed.pack(items)
        let read = try DatabaseQueue().read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT ?, NULL", arguments: [text])
            var read: [[String]] = [], none = 0
            while let row = try rows.next() {
                try Packed.forEachItem(in: row, at: 0) { item in read.append((0..<item.count).map(item.text)) }
                try Packed.forEachItem(in: row, at: 1) { _ in none += 1 }
            }
            #expect(none == 0, "NULL holds no items")
            return read
        }
        #expect(read == Packed.unpack(text).map { $0.map(String.init) })
    }
}
