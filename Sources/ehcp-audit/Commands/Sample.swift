import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample",
            abstract: "Draw the month's fair, reproducible sample of plans to audit (docs/sampling.md).",
            discussion: """
                With a store (--db, EHCP_AUDIT_DB, or ./ehcp-audit.sqlite present), each plan's last audit date also \
                comes from stored audits, the population defaults to the latest stored snapshot, and the drawn sample \
                is \
                recorded; drawing the same month again with other inputs is refused unless --replace.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "The month to sample (YYYY-MM).")
        var month: YearMonth

        @Option(name: .long, help: "The published seed: anyone with it and the population re-derives the same plans.")
        var seed: String

        @Option(name: .long, help: "A population CSV. Default: the latest snapshot in the store.")
        var population: String?

        @Option(name: .long, parsing: .unconditional, help: "Share of open plans to audit, above 0 and at most 1.")
        var rate: Double = SampleParameters.defaultRate

        @Option(name: .long, help: "Population columns that define strata, comma-separated.")
        var strata: String = SampleParameters.defaultStrata.map(\.rawValue).joined(separator: ",")

        @Option(
            name: .long, parsing: .unconditional,
            help: "Months back within which a plan counts as recently audited (0 to 1200).")
        var lookback: Int = SampleParameters.defaultLookback

        @Flag(name: .long, help: "Replace a sample already drawn for this month with other inputs.")
        var replace = false

        @Option(name: .long, help: "text, json (docs/sampling.md) or csv (plan_id,stratum,rank).")
        var format: Format = .text

        func run() throws {
            let keys: [StratumKey]
            switch StratumKey.list(strata) {
            case .success(let list): keys = list
            case .failure(let error): throw ValidationError(error.message)
            }
            let parameters: SampleParameters
            do {
                parameters = try SampleParameters(
                    month: month, seed: seed, rate: rate, strata: keys, lookback: lookback)
            } catch { throw ValidationError(error.message) }

            let sample: EHCPAuditSampling.Sample
            if store.isChosen {
                let population = try self.population.map { path in
                    (plans: try PopulationCSV.read(path: path), digest: try AuditStore.fileDigest(path: path))
                }
                sample = try store.open().drawSample(
                    parameters, population: population, at: Clock.now(), replace: replace)
            } else if let population {
                sample = try SampleDraw.draw(populationPath: population, parameters: parameters)
            } else {
                throw ValidationError(Messages.store(.noPopulation(month: month.description)))
            }
            switch format {
            case .json: Output.standard.line(SampleOutput.json(sample))
            case .csv: Output.standard.line(SampleOutput.csv(sample))
            case .text: Output.standard.line(SampleOutput.text(sample))
            }
        }
    }
}
