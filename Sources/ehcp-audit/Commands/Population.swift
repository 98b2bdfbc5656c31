import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct Population: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage population snapshots (the open plans the monthly sample is drawn from).",
            subcommands: [Import.self]
        )
    }
}

extension EHCPAuditCommand.Population {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Store a snapshot of open plans from a population CSV or a DfE SEN2 person-level XML return.",
            discussion: """
                CSV: the columns of docs/sampling.md (plan_id required). SEN2 XML: open plans as of the date, \
                each child given a keyed pseudonymous reference; names, birth dates, postcodes and UPNs are \
                never stored or printed.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(name: .customLong("as-of"), help: "The date the snapshot describes (YYYY-MM-DD).")
        var asOf: CalendarDate

        @Argument(help: "A population .csv, or a SEN2 return .xml.")
        var file: String

        func run() throws {
            let store = try store.open()
            let stored: PopulationImport.Stored
            do {
                stored = try PopulationImport(into: store, asOf: asOf, at: Clock.now()).run(path: file)
            } catch {
                guard Messages.report(error) else { throw error }
                StandardError.line("\(file): nothing of this file was stored.")
                throw ExitCode.failure
            }
            let note = stored.children.map { " (\($0) children in the return)" } ?? ""
            Output.standard.line("\(file): \(stored.plans) open plans as of \(asOf) stored\(note).")
        }
    }
}
