import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Audits completed against the monthly target, month by month, with running totals."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @OptionGroup var store: StoreOptions

        @OptionGroup var period: PeriodOptions

        @Option(name: .long, help: "text, json or csv.")
        var format: Format = .text

        func run() throws {
            let report = try store.read { try $0.progress(for: period.period) }
            switch format {
            case .json: Output.standard.line(ProgressOutput.json(report))
            case .csv: Output.standard.line(ProgressOutput.csv(report))
            case .text: Output.standard.line(ProgressOutput.text(report))
            }
        }
    }
}
