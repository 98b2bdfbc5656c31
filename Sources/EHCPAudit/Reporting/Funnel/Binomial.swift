/// The binomial distribution, as the funnel plot's limits need it (docs/comparison.md).
public enum Binomial {
    /// F(k) = P(X ≤ k) for X ~ Binomial(n, p): 0 below 0, 1 from n up, and otherwise
    /// I_{1−p}(n − k, k + 1), the regularized incomplete beta function (no sum of n terms,
    /// no factorial: accurate for n up to a million and more).
    ///
    /// ```swift
    /// Binomial.distribution(1, n: 2, p: 0.5)   // 0.75
    /// ```
    public static func distribution(_ k: Int, n: Int, p: Double) -> Double {
        if k < 0 { return 0 }
        if k >= n || p <= 0 { return 1 }
        if p >= 1 { return 0 }
        return SpecialFunctions.regularizedBeta(1 - p, a: Double(n - k), b: Double(k + 1))
    }

    /// The control limit at tail probability `q` for a unit of `n`, by the exact binomial
    /// with interpolation (Spiegelhalter 2005, appendix A.1.1): `r` is the smallest integer
    /// with F(r) ≥ q, `α = (F(r) − q) / (F(r) − F(r − 1))`, and the limit is `(r − α) / n`.
    ///
    /// ```swift
    /// Binomial.interpolatedLimit(0.975, n: 10, p: 0.5)   // 0.7676: r = 8, α = 0.3244
    /// ```
    public static func interpolatedLimit(_ q: Double, n: Int, p: Double) -> Double {
        guard n > 0 else { return p }
        var low = 0, high = n
        while low < high {
            let middle = (low + high) / 2
            if distribution(middle, n: n, p: p) >= q { high = middle } else { low = middle + 1 }
        }
        let r = low
        let atR = distribution(r, n: n, p: p), below = distribution(r - 1, n: n, p: p)
        let alpha = atR > below ? (atR - q) / (atR - below) : 0
        return (Double(r) - alpha) / Double(n)
    }
}
