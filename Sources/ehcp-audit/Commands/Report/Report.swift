import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                """
                Reports from the stored audits: the monthly board report, advice quality by provider, learning packs, \
                moderation, and the plan checks across the caseload.
                """,
            subcommands: [Monthly.self, Advice.self, Learning.self, Moderation.self, Checks.self]
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, csv, json, html }
    }
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

    /// Writes what `body` writes as it writes it: to standard output, or to the file, whole
    /// or not at all.
    func stream(_ body: (Output) throws -> Void) throws {
        guard let output else { return try body(Output.standard) }
        let file = try AtomicFile(path: output)
        do {
            try body(file.output)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
        StandardError.line("Wrote \(output).")
    }
}

/// How a document report (advice, learning) is written.
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
