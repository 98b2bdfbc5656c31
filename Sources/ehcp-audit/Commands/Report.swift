import ArgumentParser
import EHCPAuditKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reports from the stored audits: the monthly board report, advice quality by provider, learning packs.",
        subcommands: [MonthlyReportCommand.self, AdviceReportCommand.self, LearningReportCommand.self]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, csv, json, html }
}

/// Where a report goes: standard output, or a file written whole.
struct ReportDestination: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func write(_ text: String) throws {
        guard let output else {
            Output.standard.write(text.hasSuffix("\n") ? text : text + "\n")
            return
        }
        let file = try AtomicFile(path: output)
        file.output.write(text.hasSuffix("\n") ? text : text + "\n")
        try file.commit()
        StandardError.line("Wrote \(output).")
    }
}

struct MonthlyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monthly",
        abstract: "The monthly report for the improvement board: target, grades, sections, actions, timeliness, advice and trends.",
        discussion: "--public prepares a version the board can publish: no auditor, caseworker or team identifiers, counts from 1 to 4 hidden, and with them every figure that would let a reader work one out (a second cell of a total, a share, a complement, the same count elsewhere in the report), shown as [c]; percentages of hidden counts withheld."
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "The month (YYYY-MM).")
    var month: YearMonth

    @Option(name: .long, help: "text, markdown, csv, json or html.")
    var format: Report.Format = .text

    @Flag(name: .long, help: "Apply disclosure control for publication.")
    var `public` = false

    @OptionGroup var destination: ReportDestination

    func run() throws {
        let report = try store.open(.readOnly).monthlyReport(for: month, isPublic: `public`)
        try destination.write(render(report))
    }

    private func render(_ report: MonthlyReport) -> String {
        switch format {
        case .json: MonthlyReportJSON.render(report)
        case .csv: MonthlyReportCSV.render(report)
        case .text: TextRenderer.render(MonthlyLayout.blocks(report))
        case .markdown: MarkdownRenderer.render(MonthlyLayout.blocks(report))
        case .html: HTMLRenderer.render(MonthlyLayout.blocks(report))
        }
    }
}

enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html

    func render(_ blocks: [Block]) -> String {
        switch self {
        case .text: TextRenderer.render(blocks)
        case .markdown: MarkdownRenderer.render(blocks)
        case .html: HTMLRenderer.render(blocks)
        }
    }
}

struct AdviceReportCommand: ParsableCommand {
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

    @OptionGroup var destination: ReportDestination

    func run() throws {
        let report = try store.open(.readOnly).adviceReport(for: period.period, agency: agency, provider: provider)
        try destination.write(format.render(AdviceLayout.blocks(report)))
    }
}

struct LearningReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learning",
        abstract: "Learning-loop packs by auditor, team, caseworker or provider, against the partnership.",
        discussion: "Packs name auditors, teams and caseworkers, so they are for internal practice meetings, not for publication."
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "auditor, team, caseworker or provider.")
    var by: LearningReport.Grouping

    @OptionGroup var period: PeriodOptions

    @Option(name: .long, help: "text, markdown or html.")
    var format: DocumentFormat = .text

    @OptionGroup var destination: ReportDestination

    func run() throws {
        let report = try store.open(.readOnly).learningReport(by: by, for: period.period)
        try destination.write(format.render(LearningLayout.blocks(report)))
    }
}

extension LearningReport.Grouping: ExpressibleByArgument {}
extension Agency: ExpressibleByArgument {}
