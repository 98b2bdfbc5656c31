import Testing

@testable import EHCPAuditSampling

struct HexTests {
    @Test func writesTwoLowercaseDigitsPerByteAfterThePrefix() {
        #expect(Hex.lowercase([0x0F, 0xA0, 0x00, 0xFF, 0x9B]) == "0fa000ff9b")
        #expect(Hex.lowercase([0x0F, 0xA0], prefix: "S2-") == "S2-0fa0")
        #expect(Hex.lowercase([UInt8]()) == "")
        let all = (0...255).map { UInt8($0) }
        #expect(Hex.lowercase(all) == all.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
    }
}
