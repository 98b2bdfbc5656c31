import ArgumentParser
import EHCPAuditKit
import Foundation

/// The `ehcp-audit` command: scores EHCP quality-assurance audits against a criteria
/// framework. Each subcommand is thin; the rules live in the `EHCPAudit` library.
@main
struct EHCPAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ehcp-audit",
        abstract: "Score quality-assurance audits of Education, Health and Care Plans.",
        discussion: """
            Audits are JSON (.json, .jsonl, .ndjson) or XML (.xml) records rated against a criteria framework: \
            ehcp-qa, built in, by default; `ehcp-audit criteria` lists the built-in ones, and a YAML or JSON file \
            may be given instead. Errors go to standard error as FILE:LINE: error: MESSAGE; the exit status is 0 \
            only when everything was valid.

            \(CriteriaHelp.names)
            """,
        version: Release.version,
        subcommands: [
            Score.self, Validate.self, Criteria.self, Convert.self, Import.self, Status.self, Population.self,
            Sample.self, Progress.self, Report.self, Generate.self, Serve.self, User.self, Check.self,
            Backup.self, VerifyStore.self, Retention.self, Erase.self, Benchmark.self,
        ]
    )

    /// Runs the command, then makes sure everything it wrote reached standard output: a
    /// write error (a full disk, `> /dev/full`) fails the command with a message.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            Output.standard.flush()
            exit(withError: Messages.report(error) ? ExitCode.failure : error)
        }
        do {
            try Output.standard.finish()
        } catch {
            StandardError.line("error: \(error)")
            exit(withError: ExitCode.failure)
        }
    }
}
