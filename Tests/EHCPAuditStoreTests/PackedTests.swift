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
}
