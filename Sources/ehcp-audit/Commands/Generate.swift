import ArgumentParser
import EHCPAuditKit
import EHCPAuditSynthetic
import Foundation

extension EHCPAuditCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write synthetic, pseudonymous but realistic data for demos, training and benchmarks.",
            discussion: """
                Writes population.csv and a SEN2-style sen2.xml for the plans, and the audits as audits.jsonl and \
                audits.xml (the same audits), spread over --months months ending with --last-month. The same seed \
                gives \
                the same files; everything is written as it is made, so any size fits in memory.

                --plan-documents N writes N fictional plan documents (.docx, .odt, .md) to OUT/plans/, with \
                truth.jsonl (the findings the plan checks must give, one a line, sorted) and plan-ids.csv \
                (file,planId). --plans and --audits may then be left out (give both or neither); with them, the \
                plan ids are drawn from the population written.
                """
        )

        @Option(name: .long, parsing: .unconditional, help: "Open plans in the population (1 to 2000000).")
        var plans: Int?

        @Option(name: .long, parsing: .unconditional, help: "Audits to write (0 to 10000000).")
        var audits: Int?

        @Option(
            name: .customLong("plan-documents"), parsing: .unconditional,
            help: "Fictional plan documents to write to OUT/plans/ with their truth (1 to 100000).")
        var planDocuments: Int?

        @Option(
            name: .customLong("plan-words"), parsing: .unconditional,
            help: "About how many words each plan document holds (500 to 50000).")
        var planWords = SyntheticPlanDocuments.defaultWords

        @Option(name: .long, help: "Seed: the same seed gives the same data.")
        var seed: String

        @Option(name: .long, help: "Folder to write into (made if missing).")
        var out: String

        @Option(name: .long, parsing: .unconditional, help: "Months the audits are spread over (1 to 120).")
        var months: Int = 12

        @Option(name: .customLong("last-month"), help: "The last month of audits (YYYY-MM).")
        var lastMonth = YearMonth(year: 2025, month: 6)!

        @Option(name: .long, help: CriteriaHelp.framework(" The audits are made against it."))
        var criteria: String = "ehcp-qa"

        /// Ten million audits: some 25 years of a national programme.
        static let mostAudits = 10_000_000

        /// A hundred thousand plan documents: a large partnership's whole caseload, several times over.
        static let mostPlanDocuments = 100_000

        func validate() throws {
            if planDocuments == nil || plans != nil || audits != nil {
                guard let plans else { throw ValidationError("Missing expected argument '--plans <plans>'") }
                guard let audits else { throw ValidationError("Missing expected argument '--audits <audits>'") }
                guard (1...InputLimits.mostPlans).contains(plans) else {
                    throw ValidationError("--plans must be from 1 to \(InputLimits.mostPlans)")
                }
                guard (0...Self.mostAudits).contains(audits) else {
                    throw ValidationError("--audits must be from 0 to \(Self.mostAudits)")
                }
            }
            if let planDocuments {
                guard (1...Self.mostPlanDocuments).contains(planDocuments) else {
                    throw ValidationError("--plan-documents must be from 1 to \(Self.mostPlanDocuments)")
                }
                guard planDocuments <= plans ?? planDocuments else {
                    throw ValidationError("--plan-documents must be at most --plans")
                }
            }
            guard (500...50_000).contains(planWords) else {
                throw ValidationError("--plan-words must be from 500 to 50000")
            }
            guard (1...120).contains(months) else { throw ValidationError("--months must be from 1 to 120") }
        }

        func run() throws {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let population = try plans.map { try writePopulationAndAudits(plans: $0, audits: audits ?? 0) }
            if let planDocuments {
                try writePlanDocuments(planDocuments, population: population)
                Output.standard.line(
                    "Wrote \(planDocuments) plan documents to \(self.out)/plans/ (with truth.jsonl and plan-ids.csv).")
            }
        }

        /// Writes population.csv, sen2.xml, audits.jsonl and audits.xml, and gives the population.
        private func writePopulationAndAudits(plans: Int, audits: Int) throws -> [PopulationPlan] {
            let framework = try Inputs.frameworks([criteria]).frameworks[0]
            let asOf = lastMonth.firstDay
            let population = SyntheticPopulation(count: plans, seed: seed, asOf: asOf).plans

            try write("population.csv") { out in PopulationCSV.write(population, line: out.line) }
            try write("sen2.xml") { out in
                var random = SeededRandom(seed: seed + ":sen2")
                out.line(SEN2Writer.header)
                for (i, plan) in population.enumerated() {
                    out.line(SEN2Writer.person(plan, index: i + 1, asOf: asOf, random: &random))
                }
                out.line(SEN2Writer.footer)
            }
            let records = {
                SyntheticAudits(
                    framework: framework, plans: population, count: audits, months: months, last: lastMonth, seed: seed)
            }
            try write("audits.jsonl") { out in
                for record in records() { out.line(RecordJSONWriter.record(record)) }
            }
            try write("audits.xml") { out in
                out.line(RecordXMLWriter.header)
                for record in records() { out.line(try RecordXMLWriter.record(record)) }
                out.line(RecordXMLWriter.footer)
            }
            Output.standard.line(
                """
                Wrote \(plans) plans and \(audits) audits to \(self.out)/ (population.csv, sen2.xml, \
                audits.jsonl, audits.xml).
                """
            )
            return population
        }

        /// Writes `name` under `out`, whole or not at all.
        func write(_ name: String, _ body: (Output) throws -> Void) throws {
            let file = try AtomicFile(path: (out as NSString).appendingPathComponent(name))
            do {
                try body(file.output)
                try file.commit()
            } catch {
                file.discard()
                throw error
            }
        }
    }
}
