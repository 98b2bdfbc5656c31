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
                CSV: the columns of docs/sampling.md (plan_id required). SEN2 XML: open plans as of the date, each child \
                given a keyed pseudonymous reference; names, birth dates, postcodes and UPNs are never stored or \
                printed.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(name: .customLong("as-of"), help: "The date the snapshot describes (YYYY-MM-DD).")
        var asOf: CalendarDate

        @Argument(help: "A population .csv, or a SEN2 return .xml.")
        var file: String

        func run() throws {
            let store = try store.open()
            var count = 0, note = ""
            let isSEN2 = file.lowercased().hasSuffix(".xml")
            // The key is read (or made) before the snapshot's own transaction begins.
            let references =
                isSEN2 ? PlanReference(key: try store.planReferenceKey(generate: PlanReference.newKey)) : nil
            do {
                let digest = try AuditStore.fileDigest(path: file)
                try store.savePopulation(asOf: asOf, source: file, digest: digest, at: Clock.now()) { add in
                    let keep: (PopulationPlan) throws -> Void = { plan in
                        try add(plan)
                        count += 1
                    }
                    if let references {
                        let persons = try SEN2Return.read(path: file, asOf: asOf, references: references, each: keep)
                        note = " (\(persons) children in the return)"
                    } else {
                        try PopulationCSV.read(path: file, each: keep)
                    }
                }
            } catch let error as PopulationCSVError {
                StandardError.report(error.diagnostics)
                StandardError.line("\(file): nothing of this file was stored.")
                throw ExitCode.failure
            } catch let error as Diagnostic {
                StandardError.report([error])
                StandardError.line("\(file): nothing of this file was stored.")
                throw ExitCode.failure
            }
            Output.standard.line("\(file): \(count) open plans as of \(asOf) stored\(note).")
        }
    }
}
