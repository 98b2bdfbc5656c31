import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand.Report {
    struct Checks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checks",
            abstract: "The plan checks across the whole caseload: plans checked, and the share with each finding.",
            discussion:
                """
                Each plan counts once, at its latest check made by the end of the month, against the population \
                (by team, phase and primary need). The lead's version ends with the plans with most findings, \
                for caseworkers to follow up; it must not replace the random sample. --public prepares a version \
                the board can publish: no team or plan named, counts from 1 to 4 hidden with every figure that \
                would give one away, shown as [c], as in report monthly --public.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "The month (YYYY-MM): the latest check of each plan made by its end.")
        var month: YearMonth

        @Option(name: .long, help: "text, markdown, csv, json or html.")
        var format: Format = .text

        @Flag(name: .long, help: "Apply disclosure control for publication (no follow-up list).")
        var `public` = false

        @Option(name: .customLong("follow-up"), help: "How many plans the follow-up list holds (default 20).")
        var followUp = PlanCheckCensus.followUpDefault

        @OptionGroup var rules: PlanCheckRulesOptions
        @OptionGroup var destination: ReportDestination

        func validate() throws {
            guard followUp >= 0 else { throw ValidationError("--follow-up must be 0 or more") }
        }

        func run() throws {
            let census = try store.read {
                try $0.planCheckCensus(for: month, isPublic: `public`, followUp: followUp)
            }
            guard let census else {
                StandardError.line(
                    """
                    error: the store holds no plan check made by the end of \(month); store some with \
                    `check --db STORE --plan-id-from FILE.csv FOLDER` first
                    """)
                throw ExitCode.failure
            }
            try destination.write(try render(census))
        }

        private func render(_ census: PlanCheckCensus) throws -> String {
            if format == .json { return PlanCheckCensusJSON.render(census) }
            let words = try rules.words()
            return switch format {
            case .csv: PlanCheckCensusCSV.render(census, words: words)
            case .markdown: MarkdownRenderer.render(PlanCheckCensusLayout.blocks(census, words: words))
            case .html: HTMLRenderer.render(PlanCheckCensusLayout.blocks(census, words: words))
            case .text, .json: TextRenderer.render(PlanCheckCensusLayout.blocks(census, words: words))
            }
        }
    }
}
