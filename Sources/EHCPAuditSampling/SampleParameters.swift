import EHCPAudit

/// The inputs of a monthly sample besides the population (docs/sampling.md, "Algorithm").
public struct SampleParameters: Sendable, Equatable {
    public var month: YearMonth
    public var seed: String
    /// Share of plans to audit; the target is `ceil(rate * N - 1e-9)`.
    public var rate: Double
    public var strata: [StratumKey]
    /// Plans audited on or after the first day of the month this many months before
    /// `month` are recent, and drawn only when the eligible plans run out.
    public var lookback: Int

    public static let defaultRate = 0.05
    public static let defaultStrata: [StratumKey] = [.locality, .phase]
    public static let defaultLookback = 12
    /// A hundred years: any longer look-back means "never audited again".
    public static let longestLookback = 1200

    public init(
        month: YearMonth, seed: String, rate: Double = defaultRate, strata: [StratumKey] = defaultStrata,
        lookback: Int = defaultLookback
    ) throws(SampleError) {
        guard rate > 0, rate <= 1 else { throw SampleError("rate must be above 0 and at most 1, found \(rate)") }
        guard (0...Self.longestLookback).contains(lookback) else {
            throw SampleError("lookback must be from 0 to \(Self.longestLookback) months, found \(lookback)")
        }
        guard !strata.isEmpty else { throw SampleError("give at least one stratum key") }
        self.month = month
        self.seed = seed
        self.rate = rate
        self.strata = strata
        self.lookback = lookback
    }

    /// First day of the look-back window: audits on or after it make a plan recent.
    public var recentFrom: CalendarDate { month.adding(months: -lookback).firstDay }
}

/// Why a sample cannot be drawn.
public struct SampleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
