/// The whole months a report covers, first to last.
///
/// ```swift
/// let june = ReportPeriod(month: YearMonth("2025-06")!)
/// ReportPeriod.year(endingWith: june.last).first   // 2024-07: the monthly report's trend
/// ReportPeriod(from: YearMonth("2025-04")!, to: YearMonth("2025-06")!)!.previous
///     // 2025-01 to 2025-03: what a learning pack compares with
/// ```
public struct ReportPeriod: Sendable, Hashable, CustomStringConvertible {
    public let first: YearMonth
    public let last: YearMonth

    /// The months from `first` to `last`; nil when `first` is after `last`.
    public init?(from first: YearMonth, to last: YearMonth) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    public init(month: YearMonth) {
        first = month
        last = month
    }

    /// The twelve months ending with `month`, over which the monthly report's trend runs.
    public static func year(endingWith month: YearMonth) -> ReportPeriod {
        ReportPeriod(from: month.adding(months: -11), to: month)!
    }

    /// How many months the period covers.
    public var length: Int { (last.year - first.year) * 12 + last.month - first.month + 1 }

    /// The period of the same length that ends the month before this one starts.
    public var previous: ReportPeriod {
        ReportPeriod(from: first.adding(months: -length), to: first.adding(months: -1))!
    }

    public func contains(_ month: YearMonth) -> Bool { first <= month && month <= last }

    /// `2025-06`, or `2025-04 to 2025-06`.
    public var description: String { first == last ? "\(first)" : "\(first) to \(last)" }
}
