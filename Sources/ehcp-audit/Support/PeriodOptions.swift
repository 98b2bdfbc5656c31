import ArgumentParser
import EHCPAudit

/// A period: `--month M`, or `--from M1 --to M2`.
struct PeriodOptions: ParsableArguments {
    @Option(name: .long, help: "One month (YYYY-MM).")
    var month: YearMonth?

    @Option(name: .long, help: "First month (YYYY-MM).")
    var from: YearMonth?

    @Option(name: .long, help: "Last month (YYYY-MM).")
    var to: YearMonth?

    func validate() throws {
        if month != nil && (from != nil || to != nil) { throw ValidationError("give --month, or --from and --to, not both") }
        if month == nil && (from == nil || to == nil) { throw ValidationError("give --month M, or --from M1 --to M2") }
    }

    func range() throws -> (YearMonth, YearMonth) {
        let first = month ?? from!, last = month ?? to!
        guard first <= last else { throw ValidationError("--from must not be after --to") }
        return (first, last)
    }
}
