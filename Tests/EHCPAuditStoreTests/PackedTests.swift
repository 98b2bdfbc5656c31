import GRDB
import Testing

@testable import EHCPAuditStore

/// Packed columns, read back in place from a row, give exactly what was packed, whatever
/// the text.
struct PackedTests {
    /// The items of a packed text, as the reports read them from a row.
    func read(_ text: String?) throws -> [[String]] {
        try DatabaseQueue().read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT ?", arguments: [text])
            var items: [[String]] = []
            while let row = try rows.next() {
                try Packed.forEachItem(in: row, at: 0) { item in items.append((0..<item.count).map(item.text)) }
            }
            return items
        }
    }

    @Test(arguments: [
        [["A1", "good"], ["A2", "na"]],
        [["F", "55.5", "good"], ["G", "", ""]],
        [["é", "e\u{301}"], ["😀", "👩‍👩‍👧"], ["", ""]],
        [["only"]],
    ])
    func readingGivesBackWhatWasPacked(_ items: [[String]]) throws {
        #expect(try read(Packed.pack(items)) == items)
    }

    /// (So one empty item reads back as none: no packed column holds one.)
    @Test func nothingPackedAndNULLAreNoItems() throws {
        #expect(try read("").isEmpty)
        #expect(try read(nil).isEmpty)
    }
}
