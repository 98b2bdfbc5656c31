import ArgumentParser
import EHCPAuditKit
import EHCPAuditServer
import Foundation
import Hummingbird
import Logging
import Metrics

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

        @Option(name: .long, help: "Sign in through the council's OpenID Connect provider: its settings (YAML).")
        var oidc: String?

        @Flag(name: .long, help: "Only the identity provider signs people in: no passwords (needs --oidc).")
        var noPasswords = false

        @Option(name: .long, help: "Serve /metrics (Prometheus) on 127.0.0.1 at this port; off when not given.")
        var metricsPort: Int?

        @Option(name: .long, help: "The request log: text (one line per request) or json (one JSON object per line).")
        var logFormat: LogFormat = .text

        @Option(
            name: .long,
            help: "The council's name, contact and texts for /accessibility and /privacy (YAML; docs/deploying.md).")
        var siteInfo: String?

        enum LogFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        func validate() throws {
            if noPasswords && oidc == nil {
                throw ValidationError("--no-passwords needs --oidc: otherwise no one could sign in")
            }
        }

        func run() async throws {
            // Read before the store is opened: a mistake in it changes nothing.
            let siteInfo = try siteInfo.map { try SiteInfoLoader.load(path: $0) }
            let store = try store.open(busyTimeout: Workspace.busyTimeout)
            _ = try Inputs.storedFrameworks(store, adding: criteria)
            var rules: CriteriaSource?
            do {
                rules = try CriteriaSource.planCheckRules(rulesName)
            } catch {
                StandardError.report(error.diagnostics)
                StandardError.line("\(rulesName): without plan-check rules, \"Check a plan\" is off.")
            }
            // Every role but admin, which works through the command line only.
            let roles = AuditStore.Role.allCases.filter { $0 != .admin }.map(\.rawValue)
            let openID = try oidc.map { try OpenIDSettings.read(path: $0, roles: roles) }
            var workspace = Workspace(
                store: store, secureCookies: secureCookies, planCheckRules: rules.map { ($0.file, $0.text) },
                openID: openID, passwords: !noPasswords)
            workspace.siteInfo = siteInfo
            workspace.logFields = logFormat == .json
            if metricsPort != nil {
                let metrics = WorkspaceMetrics()
                // Anything else in the process that measures through swift-metrics lands in the same registry.
                MetricsSystem.bootstrap(metrics.factory)
                workspace.metrics = metrics
            }
            StandardError.line("Serving \(store.path) on http://\(host):\(port)/ (Ctrl-C to stop).")
            if let metricsPort { StandardError.line("Metrics on http://127.0.0.1:\(metricsPort)/metrics.") }
            // One line per request on standard error, with the signed-in user (docs/workspace.md, "The log").
            let logger = Logger(label: "ehcp-audit.serve") { label in
                switch logFormat {
                case .text: StreamLogHandler.standardError(label: label)
                case .json: JSONLogHandler.standardError(label: label)
                }
            }
            try await workspace.application(host: host, port: port, metricsPort: metricsPort, logger: logger)
                .runService()
        }
    }
}
