import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand.Report {
    struct Monthly: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "monthly",
            abstract:
                """
                The monthly report for the improvement board: target, grades, sections, actions, timeliness, \
                advice and trends.
                """,
            discussion:
                """
                --public prepares a version the board can publish: no auditor, caseworker or team identifiers, \
                counts from 1 to 4 hidden, and with them every figure that would let a reader work one out (a \
                second cell of a total, a share, a complement, the same count elsewhere in the report), shown as \
                [c]; percentages of hidden counts withheld.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "The month (YYYY-MM).")
        var month: YearMonth

        @Option(name: .long, help: "text, markdown, csv, json or html.")
        var format: Format = .text

        @Option(name: .long, help: "Report audits made against this framework id (default: the most used).")
        var framework: String?

        @Flag(name: .long, help: "Apply disclosure control for publication.")
        var `public` = false

        @Option(
            name: .long,
            help: "Calculate the control chart's limits again from this month (YYYY-MM), after a deliberate change.")
        var baselineFrom: YearMonth?

        @OptionGroup var rules: PlanCheckRulesOptions
        @OptionGroup var destination: ReportDestination

        func run() throws {
            let report = try store.read {
                try $0.monthlyReport(for: month, isPublic: `public`, framework: framework, baselineFrom: baselineFrom)
            }
            try destination.write(render(report))
        }

        private func render(_ report: MonthlyReport) throws -> String {
            switch format {
            case .json: return MonthlyReportJSON.render(report)
            case .csv: return MonthlyReportCSV.render(report)
            default: break
            }
            // The checks' names are needed only for the whole caseload paragraph.
            let blocks = MonthlyLayout.blocks(
                report, words: report.caseload == nil ? PlanCheckWords(nil) : try rules.words())
            switch format {
            case .markdown: return MarkdownRenderer.render(blocks)
            case .html: return HTMLRenderer.render(blocks)
            case .text, .csv, .json: return TextRenderer.render(blocks)
            }
        }
    }
}
