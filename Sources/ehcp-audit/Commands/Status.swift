import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show what the store holds.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "text or json.")
        var format: Format = .text

        func run() throws {
            let status = try store.read { try $0.status() }
            switch format {
            case .json: Output.standard.line(StatusOutput.json(status))
            case .text: Output.standard.line(StatusOutput.text(status, path: store.path))
            }
        }
    }
}
