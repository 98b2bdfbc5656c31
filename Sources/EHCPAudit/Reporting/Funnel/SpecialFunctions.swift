import RealModule

/// The two special functions the funnel plot needs, computed in log space so that they stay
/// finite and accurate for a million trials: the regularized incomplete beta function (the
/// binomial distribution function) and the regularized lower incomplete gamma function (the
/// χ² distribution function). Both by the continued fractions of Numerical Recipes (3rd ed.,
/// §6.2 and §6.4), with the modified Lentz method.
enum SpecialFunctions {
    private static let epsilon = 1e-15
    private static let tiny = 1e-300
    private static let mostSteps = 100_000

    /// I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1.
    ///
    /// ```swift
    /// SpecialFunctions.regularizedBeta(0.5, a: 2, b: 2)   // 0.5
    /// ```
    static func regularizedBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront =
            Double.logGamma(a + b) - Double.logGamma(a) - Double.logGamma(b) + a * Double.log(x)
            + b * Double.log(onePlus: -x)
        // The fraction converges fast below the mean; above it, by symmetry.
        if x < (a + 1) / (a + b + 2) {
            return Double.exp(logFront) * betaFraction(x, a: a, b: b) / a
        }
        return 1 - Double.exp(logFront) * betaFraction(1 - x, a: b, b: a) / b
    }

    private static func betaFraction(_ x: Double, a: Double, b: Double) -> Double {
        func guarded(_ value: Double) -> Double { abs(value) < tiny ? tiny : value }
        var c = 1.0
        var d = 1 / guarded(1 - (a + b) * x / (a + 1))
        var h = d
        for m in 1...mostSteps {
            let m = Double(m)
            let even = m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m))
            d = 1 / guarded(1 + even * d)
            c = guarded(1 + even / c)
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1 + 2 * m))
            d = 1 / guarded(1 + odd * d)
            c = guarded(1 + odd / c)
            let step = d * c
            h *= step
            if abs(step - 1) < epsilon { break }
        }
        return h
    }

    /// P(a, x), the regularized lower incomplete gamma function, for a > 0 and x ≥ 0.
    static func regularizedGamma(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        let logFront = a * Double.log(x) - x - Double.logGamma(a)
        if x < a + 1 {
            // The series.
            var term = 1 / a, sum = term, ap = a
            for _ in 0..<mostSteps {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * epsilon { break }
            }
            return sum * Double.exp(logFront)
        }
        // The continued fraction for Q = 1 − P.
        func guarded(_ value: Double) -> Double { abs(value) < tiny ? tiny : value }
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...mostSteps {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = 1 / guarded(an * d + b)
            c = guarded(b + an / c)
            let step = d * c
            h *= step
            if abs(step - 1) < epsilon { break }
        }
        return 1 - Double.exp(logFront) * h
    }

    /// The `q` quantile of χ² with `degrees` degrees of freedom, by bisection of its
    /// distribution function to 1e-10.
    ///
    /// ```swift
    /// SpecialFunctions.chiSquaredQuantile(0.95, degrees: 9)   // 16.919
    /// ```
    static func chiSquaredQuantile(_ q: Double, degrees: Int) -> Double {
        let k = Double(degrees)
        var low = 0.0, high = k + 20 * (2 * k).squareRoot() + 100
        while high - low > 1e-10 * max(1, high) {
            let middle = (low + high) / 2
            if regularizedGamma(k / 2, middle / 2) < q { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
