import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand.Report {
    struct Moderation: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "moderation",
            abstract: "Do our auditors agree? Moderation audits set against the audits they moderate.",
            discussion: """
                Grade and criterion agreement (Krippendorff's alpha, exact and within one step), N/A \
                disagreements, Bland–Altman limits for the percent, each auditor against the moderators, and the \
                criteria read most differently (docs/moderation.md).
                """
        )

        /// `ID` or `ID@VERSION`.
        struct FrameworkChoice: ExpressibleByArgument {
            var id: String
            var version: String?

            init?(argument: String) {
                let parts = argument.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
                guard let id = parts.first, !id.isEmpty, parts.count == 1 || !parts[1].isEmpty else { return nil }
                self.id = String(id)
                version = parts.count == 2 ? String(parts[1]) : nil
            }
        }

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, html }

        @OptionGroup var store: StoreOptions
        @OptionGroup var period: PeriodOptions

        @Option(name: .long, help: "Compare this framework (ID or ID@VERSION); default: the most moderated.")
        var framework: FrameworkChoice?

        @Option(name: .long, help: "text, markdown, json or html.")
        var format: Format = .text

        @OptionGroup var rules: PlanCheckRulesOptions

        @OptionGroup var destination: ReportDestination

        func run() throws {
            let informs = try rules.informs()
            let report = try store.read {
                try $0.moderationReport(
                    for: period.period, framework: framework.map { ($0.id, $0.version) },
                    informs: informs)
            }
            switch format {
            case .json: try destination.write(ModerationReportJSON.render(report))
            case .text: try destination.write(TextRenderer.render(ModerationLayout.blocks(report)))
            case .markdown: try destination.write(MarkdownRenderer.render(ModerationLayout.blocks(report)))
            case .html: try destination.write(HTMLRenderer.render(ModerationLayout.blocks(report)))
            }
        }
    }
}
