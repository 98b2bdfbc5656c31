import ArgumentParser
import EHCPAuditKit
import EHCPAuditServer
import Foundation
import Hummingbird
import Logging

extension EHCPAuditCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The auditors' workspace: audits entered in the browser, over the same store.",
            discussion: """
                Routes, roles and security: docs/workspace.md. Create the first lead with \
                `ehcp-audit user add --role lead --password-stdin`, then open \
                http://127.0.0.1:8080/ and sign in. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: CriteriaHelp.framework(" Stored before serving, as import does. Repeatable."))
        var criteria: [String] = []

        @Option(name: .long, help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(name: .long, help: "The port to listen on.")
        var port = 8080

        @Option(name: .customLong("rules"), help: CriteriaHelp.rules)
        var rulesName = "plan-checks"

        @Flag(name: .long, help: "Mark the session cookie Secure, behind TLS.")
        var secureCookies = false

        func run() async throws {
            let store = try store.open(busyTimeout: Workspace.busyTimeout)
            _ = try Inputs.storedFrameworks(store, adding: criteria)
            var rules: CriteriaSource?
            do {
                rules = try CriteriaSource.planCheckRules(rulesName)
            } catch {
                StandardError.report(error.diagnostics)
                StandardError.line("\(rulesName): without plan-check rules, \"Check a plan\" is off.")
            }
            let workspace = Workspace(
                store: store, secureCookies: secureCookies, planCheckRules: rules.map { ($0.file, $0.text) })
            StandardError.line("Serving \(store.path) on http://\(host):\(port)/ (Ctrl-C to stop).")
            // One line per request on standard error, with the signed-in user (docs/workspace.md, "The log").
            let logger = Logger(label: "ehcp-audit.serve") { StreamLogHandler.standardError(label: $0) }
            try await workspace.application(host: host, port: port, logger: logger).runService()
        }
    }
}
