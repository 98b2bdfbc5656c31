// What every test target shares: the project's folders, temporary files and stores, the
// default framework and its sample records, and a small store seeded with known audits.
@_exported import EHCPAuditKit
@_exported import EHCPAuditSynthetic
import Foundation

/// The project's folders, found from this file's place in Tests/TestSupport.
public enum Project {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A path inside the project: `Project.path("samples/audits-2025-06.json")`.
    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// The default framework, criteria/ehcp-qa.yaml.
    public static let framework = try! FrameworkLoader.load(path: path("criteria/ehcp-qa.yaml"))
    public static let catalog = try! FrameworkCatalog([framework])
    /// The shipped plan checks, criteria/plan-checks.yaml, and a checker applying them.
    public static let planCheckRules = try! PlanCheckRulesLoader.load(
        path: path("criteria/plan-checks.yaml"), framework: framework)
    public static let planChecker = PlanChecker(rules: planCheckRules, framework: framework)

    /// Record files to read every way there is: the valid samples in each format, and every
    /// invalid sample a record reader takes (paths relative to the project).
    public static let recordFiles: [String] = {
        let invalid = try! FileManager.default.contentsOfDirectory(atPath: path("samples/invalid")).sorted()
            .map { "samples/invalid/\($0)" }
        return ["samples/audits-2025-06.json", "samples/audits-2025-06.xml", "samples/audits-2025-06-late.jsonl"]
            + invalid.filter { RecordReader.Format(name: $0) != nil }
    }()
}

/// A new, empty folder, inside one folder per test run that is removed when the run ends
/// (every run used to leave a few hundred folders behind in the system's temporary folder).
public func temporaryFolder() throws -> URL {
    let folder = TestRunFolder.url.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// The folder that holds every ``temporaryFolder()`` of this test process.
enum TestRunFolder {
    static let url: URL = {
        atexit { try? FileManager.default.removeItem(at: TestRunFolder.url) }
        return FileManager.default.temporaryDirectory.appendingPathComponent("ehcp-audit-tests-\(UUID().uuidString)")
    }()
}

/// Writes `text` to a new file in a fresh temporary folder and returns its path.
public func temporaryFile(_ name: String, _ text: String) throws -> String {
    let path = try temporaryFolder().appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// A new, empty store in a fresh temporary folder.
public func temporaryStore() throws -> AuditStore {
    try AuditStore(path: try temporaryFolder().appendingPathComponent("test.sqlite").path)
}

/// The scored records of a sample file, all of which must be valid.
public func scoredSamples(_ name: String = "audits-2025-06.json") throws -> [(AuditRecord, AuditResult)] {
    let source = try RecordReader.source(path: Project.path("samples/" + name))
    var records: [(AuditRecord, AuditResult)] = []
    while let entry = try source.next() {
        guard case .scored(let record, let result) = Project.catalog.evaluate(entry, file: name) else {
            throw FixtureError(message: "sample \(name) record #\(entry.index) should be valid")
        }
        records.append((record, result))
    }
    return records
}

/// A store holding the default framework and the given records, imported as one file.
public func store(with records: [AuditRecord]) throws -> AuditStore {
    let store = try temporaryStore()
    let text = try String(contentsOfFile: Project.path("criteria/ehcp-qa.yaml"), encoding: .utf8)
    try store.addFramework(text: text, file: "ehcp-qa.yaml", at: "2025-07-01T00:00:00Z")
    let json = "[" + records.map(RecordJSONWriter.record).joined(separator: ",\n") + "]"
    let source = try RecordReader.source(bytes: Array(json.utf8), name: "seeded.json")
    var problems: [String] = []
    let summary = try AuditImport(into: store, at: "2025-07-01T00:00:00Z").run(
        source, scoringWith: try store.frameworkCatalog()
    ) {
        if case .refused(let diagnostics) = $0 { problems += diagnostics.map(\.description) }
    }
    guard summary.committed else { throw FixtureError(message: problems.joined(separator: "\n")) }
    return store
}

/// A fixture that could not be made: a broken sample, a refused seed record.
public struct FixtureError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension AuditRecord {
    /// The record without source lines, which differ between a file, its XML twin and the
    /// store's JSON.
    public var withoutLines: AuditRecord {
        var copy = self
        copy.line = nil
        copy.judgements = judgements.map {
            var j = $0
            j.line = nil
            return j
        }
        copy.advices = advices.map { advice in
            var a = advice
            a.line = nil
            a.judgements = advice.judgements.map {
                var j = $0
                j.line = nil
                return j
            }
            return a
        }
        return copy
    }
}
