import EHCPAudit
import Foundation

/// Which plan each plan document is: a CSV with the header `file,planId`, a document's file
/// name (without folders) and its plan id (docs/plan-checks.md, "Census and records").
///
/// File names may hold a child's name, so they are only ever used to look a plan id up;
/// the plan id is checked as any plan id is (no name, no date).
public struct PlanIDMap: Sendable {
    public var ids: [String: String]

    public init(ids: [String: String]) {
        self.ids = ids
    }

    /// The most bytes a map may have: 640,000 plans with long names fit in 64 MiB.
    static let mostBytes = 64 << 20

    public static func read(path: String) throws(FrameworkLoadError) -> PlanIDMap {
        let bytes = try BoundedFile.bytes(path, mostBytes: mostBytes, what: "the plan id map")
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String) throws(FrameworkLoadError) -> PlanIDMap {
        var ids: [String: String] = [:]
        var problems: [Diagnostic] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if index == 0 {
                if line.trimmingCharacters(in: .whitespaces) != "file,planId" {
                    problems.append(Diagnostic(file: file, line: 1, message: "the first line must be file,planId"))
                    break
                }
                continue
            }
            if line.isEmpty { continue }
            guard let comma = line.lastIndex(of: ","), !line[..<comma].isEmpty else {
                problems.append(Diagnostic(file: file, line: index + 1, message: "expected FILE,PLANID"))
                continue
            }
            let name = String(line[..<comma]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            let id = String(line[line.index(after: comma)...])
            if let problem = RecordText.wordProblem(id) ?? RecordText.referenceProblem(id, example: "P0001234") {
                problems.append(Diagnostic(file: file, line: index + 1, message: "planId \"\(id)\" \(problem)"))
            } else if ids.updateValue(id, forKey: name) != nil {
                problems.append(Diagnostic(file: file, line: index + 1, message: "a second plan id for the same file"))
            }
            if problems.count > 50 { break }
        }
        guard problems.isEmpty else { throw FrameworkLoadError(problems) }
        return PlanIDMap(ids: ids)
    }
}
