/// The frameworks loaded for a run, found by the id and version a record names.
///
/// Records are scored against the framework version they were made against, so an older
/// version stays usable after a newer one is loaded.
public struct FrameworkCatalog: Sendable {
    private var scorers: [FrameworkReference: Scorer] = [:]

    public init(_ frameworks: [Framework] = []) {
        for framework in frameworks { add(framework) }
    }

    public mutating func add(_ framework: Framework) {
        scorers[FrameworkReference(id: framework.id, version: framework.version)] = Scorer(framework)
    }

    /// The loaded frameworks, by id then version.
    public var frameworks: [Framework] {
        scorers.values.map(\.framework).sorted { ($0.id, $0.version) < ($1.id, $1.version) }
    }

    /// The framework a record names, if loaded.
    public func framework(_ reference: FrameworkReference) -> Framework? { scorers[reference]?.framework }

    /// Scores a record against the framework it names, or throws why it cannot be scored.
    public func score(_ record: AuditRecord) throws(RecordError) -> AuditResult {
        guard let scorer = scorers[record.framework] else {
            let loaded = scorers.keys.map(\.description).sorted().joined(separator: ", ")
            throw RecordError(problems: [RecordProblem(
                path: "framework", line: record.line,
                message: "record names framework \(record.framework), which is not loaded (loaded: \(loaded.isEmpty ? "none" : loaded))"
            )])
        }
        return try scorer.score(record)
    }
}
