import ArgumentParser
import EHCPAudit
import EHCPAuditReports

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Audits completed against the monthly target, month by month, with running totals."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "One month (YYYY-MM).")
    var month: String?

    @Option(name: .long, help: "First month of a range (YYYY-MM).")
    var from: String?

    @Option(name: .long, help: "Last month of a range (YYYY-MM).")
    var to: String?

    @Option(name: .long, help: "text, json or csv.")
    var format: Format = .text

    func validate() throws {
        if month != nil && (from != nil || to != nil) { throw ValidationError("give --month, or --from and --to, not both") }
        if month == nil && (from == nil || to == nil) { throw ValidationError("give --month M, or --from M1 --to M2") }
    }

    func run() throws {
        guard let first = YearMonth(month ?? from!), let last = YearMonth(month ?? to!) else {
            throw ValidationError("months are written YYYY-MM")
        }
        guard first <= last else { throw ValidationError("--from must not be after --to") }
        let report = try store.open().progress(from: first, to: last)
        switch format {
        case .json: print(ProgressOutput.json(report))
        case .csv: print(ProgressOutput.csv(report))
        case .text: print(ProgressOutput.text(report))
        }
    }
}
