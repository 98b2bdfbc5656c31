import ArgumentParser
import EHCPAudit
import EHCPAuditFormats
import EHCPAuditReports
import EHCPAuditStore

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

extension AuditStore {
    /// The framework whose words a report uses: the one most of the period's audits were
    /// made against, else the latest stored.
    func reportFramework(from first: YearMonth, to last: YearMonth) throws -> Framework {
        let stored = try storedFrameworks()
        let used = try frameworkUse(from: first, to: last)
        guard let chosen = used.first.flatMap({ use in stored.first { $0.id == use.id && $0.version == use.version } }) ?? stored.last else {
            StandardError.line("\(path): error: the store holds no framework; import audits with --criteria first")
            throw ExitCode.failure
        }
        do {
            return try FrameworkLoader.load(text: chosen.content, file: chosen.file)
        } catch {
            StandardError.report(error.diagnostics)
            throw ExitCode.failure
        }
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
        let store = try store.open(.readOnly)
        let first = month.adding(months: -11)
        let framework = try store.reportFramework(from: month, to: month)
        var figures = try store.gradeCounts(from: first, to: month.adding(months: -1))
        figures.append(try store.monthFigures(month))
        let report = MonthlyReport.build(figures: figures, progress: try store.progress(from: first, to: month).months, framework: framework, isPublic: `public`)
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
    var agency: String?

    @Option(name: .long, help: "Only this provider, as written in the records.")
    var provider: String?

    @Option(name: .long, help: "text, markdown or html.")
    var format: DocumentFormat = .text

    @OptionGroup var destination: ReportDestination

    func run() throws {
        let (first, last) = try period.range()
        let agency = try self.agency.map { name -> Agency in
            guard let agency = Agency(rawValue: name) else { throw ValidationError("unknown agency \"\(name)\"") }
            return agency
        }
        let store = try store.open(.readOnly)
        let framework = try store.reportFramework(from: first, to: last)
        let corrections = try store.loggedRefusals().filter { refusal in
            refusal.rule == .noNeedsAdviceRated && refusal.month.flatMap { YearMonth($0) }.map { $0 >= first && $0 <= last } ?? false
        }.map { (agency: $0.agency, provider: $0.provider) }
        let report = AdviceReport.build(
            from: first, to: last, figures: try store.adviceFigures(from: first, to: last, agency: agency, provider: provider),
            ratings: try store.adviceCriterionRatings(from: first, to: last), corrections: corrections, framework: framework
        )
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
        let (first, last) = try period.range()
        let store = try store.open(.readOnly)
        let framework = try store.reportFramework(from: first, to: last)
        let length = (last.year - first.year) * 12 + last.month - first.month + 1
        let report = LearningReport.build(
            grouping: by, from: first, to: last, current: try store.groupFacts(by, from: first, to: last),
            previous: try store.groupFacts(by, from: first.adding(months: -length), to: first.adding(months: -1)), framework: framework
        )
        try destination.write(format.render(LearningLayout.blocks(report)))
    }
}

extension LearningReport.Grouping: ExpressibleByArgument {}
