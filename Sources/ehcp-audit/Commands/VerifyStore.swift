import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct VerifyStore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-store",
            abstract: "Check a store or a backup: SQLite's integrity, the schema version, and what it holds.",
            discussion: "Changes nothing. The exit status is 1 when the file is damaged or of a newer version."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "The store or backup file.")
        var file: String

        @Option(name: .long, help: "text or json.")
        var format: Format = .text

        func run() throws {
            let report = try AuditStore.verify(path: file)
            switch format {
            case .json: Output.standard.line(StoreVerificationOutput.json(report))
            case .text: Output.standard.line(StoreVerificationOutput.text(report))
            }
            for problem in report.problems { StandardError.line("\(file): error: \(problem)") }
            if !report.isSound { throw ExitCode.failure }
        }
    }
}
