import EHCPAudit

/// A drawn monthly sample (docs/sampling.md, "Machine output of `sample`").
public struct Sample: Sendable, Equatable {
    public struct Stratum: Sendable, Equatable {
        public var stratum: String
        public var eligible: Int
        public var quota: Int
    }

    public struct Selection: Sendable, Equatable {
        public var planId: String
        public var stratum: String
        /// Lowercase hex SHA-256 of `seed:month:planId`.
        public var rank: String
        /// Whether the plan was audited within the look-back window (drawn only when the
        /// eligible plans ran out).
        public var recent: Bool
    }

    public var parameters: SampleParameters
    /// N: plans in the population.
    public var population: Int
    /// E: plans not audited within the look-back window.
    public var eligible: Int
    /// T: plans to draw.
    public var target: Int
    public var strata: [Stratum]
    /// Ordered by stratum (byte-wise), then rank.
    public var selected: [Selection]
}
