/// Krippendorff's alpha: how far coders agree beyond what chance would give, for any
/// number of coders and with missing values (Krippendorff 2011, *Computing
/// Krippendorff's Alpha-Reliability*).
///
/// Each unit holds the values its coders gave (a missing value is simply left out):
///
/// 1. Units with fewer than 2 values are dropped: they cannot be paired.
/// 2. Coincidences: in a unit of `m` values, every ordered pair of two different positions
///    `(c, k)` adds `1 / (m − 1)` to `o[c][k]`; `n_c = Σ_k o[c][k]` and `n = Σ_c n_c`.
/// 3. `D_o = Σ o[c][k] δ²(c, k)` and `D_e = Σ n_c n_k δ²(c, k) / (n − 1)`;
///    `α = 1 − D_o / D_e`, or nil when no unit has 2 values or `D_e` is 0.
///
/// The distance `δ²` depends on the ``Level``. On the paper's reliability data, alpha is
/// 0.743421 (nominal), 0.815388 (ordinal) and 0.849107 (interval).
///
/// ```swift
/// KrippendorffAlpha.alpha([[1, 1], [2, 2], [3, 2]], level: .interval)   // 1 − 2 / 6.8 = 0.705882
/// ```
public enum KrippendorffAlpha {
    /// How values are compared.
    public enum Level: String, Sendable, CaseIterable {
        /// Categories: any two different values are equally far apart (`δ² = 1`).
        case nominal
        /// Ranks: the distance between two values grows with how many values were given
        /// between them, `δ²(c, k) = (Σ_{g = c…k} n_g − (n_c + n_k) / 2)²`, the values
        /// ordered as numbers (give points, or grade positions best first).
        case ordinal
        /// Numbers: `δ²(c, k) = (c − k)²`.
        case interval
    }

    /// Alpha over `units`, each the values its coders gave.
    public static func alpha(_ units: [[Double]], level: Level) -> Double? {
        let paired = units.filter { $0.count >= 2 }
        guard !paired.isEmpty else { return nil }
        let values = Array(Set(paired.joined())).sorted()
        let index = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        var o = [[Double]](repeating: [Double](repeating: 0, count: values.count), count: values.count)
        for unit in paired {
            let weight = 1 / Double(unit.count - 1)
            for i in unit.indices {
                for j in unit.indices where i != j {
                    o[index[unit[i]]!][index[unit[j]]!] += weight
                }
            }
        }
        let marginals = o.map { $0.reduce(0, +) }
        let n = marginals.reduce(0, +)
        let distance = distances(values, marginals: marginals, level: level)
        var observed = 0.0, expected = 0.0
        for c in values.indices {
            for k in values.indices {
                observed += o[c][k] * distance[c][k]
                expected += marginals[c] * marginals[k] * distance[c][k]
            }
        }
        expected /= n - 1
        guard expected > 0 else { return nil }
        return 1 - observed / expected
    }

    /// `δ²` between every two values (sorted ascending), given how often each occurs.
    static func distances(_ values: [Double], marginals: [Double], level: Level) -> [[Double]] {
        values.indices.map { c in
            values.indices.map { k in
                switch level {
                case .nominal: return c == k ? 0 : 1
                case .interval: return (values[c] - values[k]) * (values[c] - values[k])
                case .ordinal:
                    let between = marginals[min(c, k)...max(c, k)].reduce(0, +)
                    let d = between - (marginals[c] + marginals[k]) / 2
                    return d * d
                }
            }
        }
    }
}
