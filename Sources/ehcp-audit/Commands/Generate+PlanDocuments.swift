import EHCPAuditKit
import EHCPAuditSynthetic
import Foundation

extension EHCPAuditCommand.Generate {
    /// Writes `count` plan documents to `out/plans/`, then `plan-ids.csv` and `truth.jsonl`.
    ///
    /// Each file appears whole or not at all; the two lists are moved into place last, so
    /// a run that fails part way leaves no truth that names a missing document.
    func writePlanDocuments(_ count: Int, population: [PopulationPlan]?) throws {
        let folder = (out as NSString).appendingPathComponent("plans")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let generator = SyntheticPlanDocuments(seed: seed, words: planWords, asOf: lastMonth.firstDay)
        let ids = Self.planIds(count, from: population, seed: seed, asOf: lastMonth.firstDay)
        let truth = try AtomicFile(path: (folder as NSString).appendingPathComponent("truth.jsonl"))
        let mapping = try AtomicFile(path: (folder as NSString).appendingPathComponent("plan-ids.csv"))
        do {
            mapping.output.line("file,planId")
            for number in 1...count {
                let document = try generator.document(number, of: count)
                try write("plans/" + document.fileName) { out in
                    document.bytes.withUnsafeBufferPointer { out.write(bytes: $0) }
                }
                for finding in document.findings { truth.output.line(finding.jsonLine) }
                mapping.output.line("\(document.fileName),\(ids[number - 1])")
            }
            try mapping.commit()
            try truth.commit()
        } catch {
            mapping.discard()
            truth.discard()
            throw error
        }
    }

    /// Plan ids for the documents: distinct plans of `population` picked by the seed, or
    /// without one, the ids of a population of `count` plans made from the same seed.
    static func planIds(
        _ count: Int, from population: [PopulationPlan]?, seed: String, asOf: CalendarDate
    )
        -> [String]
    {
        guard let population else {
            return SyntheticPopulation(count: count, seed: seed, asOf: asOf).plans.map(\.planId)
        }
        var random = SeededRandom(seed: seed + ":plan-document-ids")
        var indexes = Array(population.indices)
        for n in 0..<count { indexes.swapAt(n, random.int(n...indexes.count - 1)) }
        return indexes.prefix(count).map { population[$0].planId }
    }
}
