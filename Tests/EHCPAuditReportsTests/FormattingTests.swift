import EHCPAuditTestSupport
import Testing

@testable import EHCPAuditReports

struct FormattingTests {
    @Test(arguments: [
        (63.254, "63.25"), (75, "75.00"), (0.005, "0.01"), (99.999, "100.00"), (-1.5, "-1.50"), (100.0 / 3, "33.33"),
        (200.0 / 3, "66.67"),
    ])
    func roundsToTwoDecimals(_ value: Double, _ text: String) {
        #expect(Formatting.fixed2(value) == text)
    }

    @Test func wrapsAtTheWidth() {
        let text = Formatting.wrap(String(repeating: "word ", count: 40), width: 30, indent: "  ")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 30 && $0.hasPrefix("  ") })
    }
}
