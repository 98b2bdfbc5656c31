import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check audit records (and the framework) and list every error.",
            discussion:
                """
                With --criteria alone, checks just the framework. Errors are printed as FILE:LINE: error: \
                MESSAGE; the exit status is 1 if there is any.
                """
        )

        @Option(name: .long, help: CriteriaHelp.framework(" Repeatable."))
        var criteria: [String]

        @Argument(help: "Audit record files: .json, .jsonl or .ndjson.")
        var files: [String] = []

        func validate() throws {
            if criteria.isEmpty {
                throw ValidationError("give a framework with --criteria NAME or FILE (ehcp-qa is built in)")
            }
        }

        func run() throws {
            let catalog = try Inputs.frameworks(criteria)
            let frameworks = catalog.frameworks.map { "\($0.id) version \($0.version)" }.joined(separator: ", ")
            guard !files.isEmpty else {
                Output.standard.line("Framework valid: \(frameworks).")
                return
            }
            let counts = Inputs.score(files, catalog: catalog, empty: {}, render: { _, _, _ in }, each: { _ in })
            Output.standard.line(Summary.records(counts, verb: "valid"))
            if counts.refused + counts.unreadable > 0 { throw ExitCode.failure }
        }
    }
}
