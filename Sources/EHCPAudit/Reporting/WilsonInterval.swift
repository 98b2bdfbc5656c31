/// A share with its Wilson score 95% interval, so a board can see how sure a figure is.
///
/// With `z = 1.959964`, `n` records and `k` of them counted:
/// centre `(p + z²/2n) / (1 + z²/n)`, half-width `z √(p(1−p)/n + z²/4n²) / (1 + z²/n)`,
/// where `p = k/n`. Unlike `p ± z√(p(1−p)/n)`, it stays within 0–1 and works for small n.
public struct Share: Sendable, Equatable {
    public var count: Int
    public var total: Int
    public var share: Double
    public var low: Double
    public var high: Double

    public static let z = 1.959964

    /// Nil when there are no records to share.
    public init?(_ count: Int, of total: Int) {
        guard total > 0 else { return nil }
        let n = Double(total), p = Double(count) / n, z2 = Self.z * Self.z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = Self.z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        self.count = count
        self.total = total
        share = p
        low = max(0, centre - half)
        high = min(1, centre + half)
    }
}
