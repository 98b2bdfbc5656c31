import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// Krippendorff's alpha on the reliability data of his 2011 paper and on cases small
/// enough to work by hand.
struct KrippendorffAlphaTests {
    /// Four coders (A–D), twelve units, values 1–5; nil is a missing value.
    static let paper: [[Double?]] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
        [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
    ]
    static let units: [[Double]] = (0..<12).map { u in paper.compactMap { $0[u] } }

    @Test(arguments: [
        (KrippendorffAlpha.Level.nominal, 0.743421), (.ordinal, 0.815388), (.interval, 0.849107),
    ])
    func matchesThePaper(_ level: KrippendorffAlpha.Level, _ published: Double) throws {
        let alpha = try #require(KrippendorffAlpha.alpha(Self.units, level: level))
        #expect(abs(alpha - published) < 5e-7, "\(level): \(alpha)")
    }

    @Test(arguments: KrippendorffAlpha.Level.allCases)
    func perfectAgreementIsOne(_ level: KrippendorffAlpha.Level) {
        #expect(KrippendorffAlpha.alpha([[1, 1], [2, 2, 2], [3, 3]], level: level) == 1)
    }

    @Test func noPairableUnitOrNoVariationGivesNoAlpha() {
        #expect(KrippendorffAlpha.alpha([], level: .nominal) == nil)
        #expect(KrippendorffAlpha.alpha([[1], [2], [3]], level: .interval) == nil, "no unit has 2 values")
        #expect(KrippendorffAlpha.alpha([[2, 2], [2, 2, 2]], level: .ordinal) == nil, "D_e = 0")
        #expect(KrippendorffAlpha.alpha([[1, 2]], level: .nominal) != nil, "one unit is enough when values differ")
    }

    /// Units (1,1), (2,2), (3,2): o = [2 0 0; 0 2 1; 0 1 0], so n_1 = 2, n_2 = 3, n_3 = 1, n = 6.
    /// Interval: D_o = o_23 + o_32 = 2; D_e = 2 (n_1 n_2 · 1 + n_1 n_3 · 4 + n_2 n_3 · 1) / 5
    /// = 2 (6 + 8 + 3) / 5 = 6.8; α = 1 − 2 / 6.8 = 0.705882.
    /// Nominal: D_e = 2 (6 + 2 + 3) / 5 = 4.4; α = 1 − 2 / 4.4 = 0.545455.
    @Test func aSmallCaseWorkedByHand() throws {
        let units: [[Double]] = [[1, 1], [2, 2], [3, 2]]
        #expect(abs(try #require(KrippendorffAlpha.alpha(units, level: .interval)) - (1 - 2 / 6.8)) < 1e-12)
        #expect(abs(try #require(KrippendorffAlpha.alpha(units, level: .nominal)) - (1 - 2 / 4.4)) < 1e-12)
    }

    @Test func theOrderOfValuesInAUnitDoesNotMatter() {
        let a = KrippendorffAlpha.alpha([[1, 3, 2], [2, 2], [4, 1]], level: .ordinal)
        let b = KrippendorffAlpha.alpha([[2, 1, 3], [2, 2], [1, 4]], level: .ordinal)
        #expect(a != nil && a == b)
    }
}
