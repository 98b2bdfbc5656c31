import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand.Report {
    struct Learning: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "learning",
            abstract: "Learning-loop packs by auditor, team, caseworker or provider, against the partnership.",
            discussion:
                """
                Packs name auditors, teams and caseworkers, so they are for internal practice meetings, not for \
                publication.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, html }

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "auditor, team, caseworker or provider.")
        var by: LearningReport.Grouping

        @OptionGroup var period: PeriodOptions

        @Option(name: .long, help: "text, markdown, html or json (with the funnel plot's figures).")
        var format: Format = .text

        @Option(name: .long, help: "Report audits made against this framework id (default: the most used).")
        var framework: String?

        @OptionGroup var destination: ReportDestination

        func run() throws {
            let report = try store.read {
                try $0.learningReport(by: by, for: period.period, framework: framework)
            }
            switch format {
            case .json: try destination.write(LearningReportJSON.render(report))
            case .text: try destination.write(TextRenderer.render(LearningLayout.blocks(report)))
            case .markdown: try destination.write(MarkdownRenderer.render(LearningLayout.blocks(report)))
            case .html: try destination.write(HTMLRenderer.render(LearningLayout.blocks(report)))
            }
        }
    }
}
