import ArgumentParser
import EHCPAuditKit

/// Which plan a checked document is: `--plan-id` for one document, or `--plan-id-from`
/// a CSV `file,planId` (a document's file name may hold a child's name: it is only looked up).
struct PlanIDOptions: ParsableArguments {
    @Option(name: .customLong("plan-id"), help: "The plan's id, when checking one document.")
    var planID: String?

    @Option(
        name: .customLong("plan-id-from"), help: "A CSV with the header file,planId mapping file names to plan ids.")
    var planIDs: String?

    var isGiven: Bool { planID != nil || planIDs != nil }

    func validate(documents: Int) throws {
        if planID != nil, documents != 1 { throw ValidationError("--plan-id names the plan of one document only") }
        if planID != nil, planIDs != nil { throw ValidationError("give --plan-id or --plan-id-from, not both") }
    }

    /// Looks each file's plan id up; a file without one is an error naming the map, never the file's name.
    func resolver() throws -> (String) throws -> String {
        if let planID { return { _ in planID } }
        guard let planIDs else { return { _ in throw ValidationError("no plan id: give --plan-id or --plan-id-from") } }
        let map: PlanIDMap
        do {
            map = try PlanIDMap.read(path: planIDs)
        } catch {
            StandardError.report(error.diagnostics)
            throw ExitCode.failure
        }
        return { file in
            let name = file.split(separator: "/").last.map(String.init) ?? file
            guard let id = map.ids[name] else {
                StandardError.line("\(file): error: \(planIDs) has no plan id for this file")
                throw ExitCode.failure
            }
            return id
        }
    }
}
