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

        @Option(name: .long, help: "A framework to store before serving (YAML or JSON), as import does. Repeatable.")
        var criteria: [String] = []

        @Option(name: .long, help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(name: .long, help: "The port to listen on.")
        var port = 8080

        @Option(name: .customLong("rules"), help: "The plan-check rules for \"Check a plan\".")
        var rulesFile = "criteria/plan-checks.yaml"

        @Flag(name: .long, help: "Mark the session cookie Secure, behind TLS.")
        var secureCookies = false

        @Option(name: .long, help: "Sign in through the council's OpenID Connect provider: its settings (YAML).")
        var oidc: String?

        @Flag(name: .long, help: "Only the identity provider signs people in: no passwords (needs --oidc).")
        var noPasswords = false

        func validate() throws {
            if noPasswords && oidc == nil {
                throw ValidationError("--no-passwords needs --oidc: otherwise no one could sign in")
            }
        }

        func run() async throws {
            let store = try store.open(busyTimeout: Workspace.busyTimeout)
            _ = try Inputs.storedFrameworks(store, adding: criteria)
            let rules = try? String(contentsOfFile: rulesFile, encoding: .utf8)
            if rules == nil {
                StandardError.line("\(rulesFile): cannot read the plan-check rules; \"Check a plan\" is off.")
            }
            // Every role but admin, which works through the command line only.
            let roles = AuditStore.Role.allCases.filter { $0 != .admin }.map(\.rawValue)
            let openID = try oidc.map { try OpenIDSettings.read(path: $0, roles: roles) }
            let workspace = Workspace(
                store: store, secureCookies: secureCookies, planCheckRules: rules.map { (rulesFile, $0) },
                openID: openID, passwords: !noPasswords)
            StandardError.line("Serving \(store.path) on http://\(host):\(port)/ (Ctrl-C to stop).")
            // One line per request on standard error, with the signed-in user (docs/workspace.md, "The log").
            let logger = Logger(label: "ehcp-audit.serve") { StreamLogHandler.standardError(label: $0) }
            try await workspace.application(host: host, port: port, logger: logger).runService()
        }
    }
}
