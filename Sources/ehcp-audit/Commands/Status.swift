import ArgumentParser
import EHCPAuditStore

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show what the store holds.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    func run() throws {
        let status = try store.open(.readOnly).status()
        switch format {
        case .json:
            Output.standard.line("{\"audits\":\(status.audits),\"frameworks\":\(status.frameworks),\"populations\":\(status.populations),\"samples\":\(status.samples),\"imports\":\(status.imports),\"latestMonth\":\(status.latestMonth.map { "\"\($0)\"" } ?? "null")}")
        case .text:
            Output.standard.line("""
                Store \(store.path)
                  audits:      \(status.audits)
                  frameworks:  \(status.frameworks)
                  populations: \(status.populations)
                  samples:     \(status.samples)
                  imports:     \(status.imports)
                  latest month with audits: \(status.latestMonth ?? "none")
                """)
        }
    }
}
