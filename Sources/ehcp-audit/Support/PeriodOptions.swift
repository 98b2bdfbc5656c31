import ArgumentParser
import EHCPAuditKit

/// A period: `--month M`, or `--from M1 --to M2`.
struct PeriodOptions: ParsableArguments {
    @Option(name: .long, help: "One month (YYYY-MM).")
    var month: YearMonth?

    @Option(name: .long, help: "First month (YYYY-MM).")
    var from: YearMonth?

    @Option(name: .long, help: "Last month (YYYY-MM).")
    var to: YearMonth?

    func validate() throws {
        if month != nil && (from != nil || to != nil) {
            throw ValidationError("give --month, or --from and --to, not both")
        }
        if month == nil && (from == nil || to == nil) { throw ValidationError("give --month M, or --from M1 --to M2") }
        if let from, let to, from > to { throw ValidationError("--from must not be after --to") }
    }

    /// The period asked for; `validate()` has made sure there is one.
    var period: ReportPeriod {
        if let month { return ReportPeriod(month: month) }
        return ReportPeriod(from: from!, to: to!)!
    }
}
