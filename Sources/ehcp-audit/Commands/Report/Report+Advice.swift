import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand.Report {
    struct Advice: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "advice",
            abstract: "Advice quality and timeliness by provider, for designated clinical and social care officers."
        )

        @OptionGroup var store: StoreOptions
        @OptionGroup var period: PeriodOptions

        @Option(name: .long, help: "Only this agency (education, health, social-care, educational-psychology, other).")
        var agency: Agency?

        @Option(name: .long, help: "Only this provider, as written in the records.")
        var provider: String?

        @Option(name: .long, help: "text, markdown or html.")
        var format: DocumentFormat = .text

        @Option(name: .long, help: "Report audits made against this framework id (default: the most used).")
        var framework: String?

        @OptionGroup var destination: ReportDestination

        func run() throws {
            let report = try store.read {
                try $0.adviceReport(for: period.period, agency: agency, provider: provider, framework: framework)
            }
            try destination.write(format.render(AdviceLayout.blocks(report)))
        }
    }
}
