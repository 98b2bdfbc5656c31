/// SplitMix64: small, fast and the same on every machine, so a seed always gives the same data.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Seeds from a text (FNV-1a of its UTF-8 bytes).
    public init(seed: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        state = hash
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// One of `choices`, with the given weights.
    public mutating func pick<T>(_ choices: [(T, Double)]) -> T {
        let total = choices.reduce(0) { $0 + $1.1 }
        var x = unit() * total
        for (choice, weight) in choices {
            x -= weight
            if x < 0 { return choice }
        }
        return choices[choices.count - 1].0
    }

    /// Roughly normal (sum of three uniforms), clamped to 0–1.
    public mutating func level(around mean: Double, spread: Double) -> Double {
        let z = (unit() + unit() + unit() - 1.5) * 2
        return min(1, max(0, mean + z * spread))
    }

    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    public mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
}
