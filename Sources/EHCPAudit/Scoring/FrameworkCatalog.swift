/// The frameworks loaded for a run, found by the id and version a record names.
///
/// Records are scored against the framework version they were made against, so an older
/// version stays usable after a newer one is loaded.
public struct FrameworkCatalog: Sendable {
    private var scorers: [FrameworkReference: Scorer] = [:]

    /// An empty catalog.
    public init() {}

    /// A catalog of `frameworks`; throws if two share an id and version but differ.
    public init(_ frameworks: [Framework]) throws(FrameworkConflict) {
        for framework in frameworks { try add(framework) }
    }

    /// Adds `framework`. The same framework twice is harmless; two that share an id and
    /// version but differ are refused, since audits name only the id and version and
    /// could not say which they were made against.
    public mutating func add(_ framework: Framework) throws(FrameworkConflict) {
        let reference = FrameworkReference(id: framework.id, version: framework.version)
        if let known = scorers[reference] {
            guard known.framework == framework else { throw FrameworkConflict(reference: reference) }
            return
        }
        scorers[reference] = Scorer(framework)
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
            throw RecordError(problems: [
                RecordProblem(
                    path: "framework", line: record.line,
                    message:
                        """
                        record names framework \(record.framework), which is not loaded (loaded: \
                        \(loaded.isEmpty ? "none" : loaded))
                        """
                )
            ])
        }
        return try scorer.score(record)
    }
}

/// Two different frameworks under one id and version.
public struct FrameworkConflict: Error, Sendable, Equatable, CustomStringConvertible {
    public var reference: FrameworkReference

    public var description: String {
        "framework \(reference) is already loaded with different content; give the changed framework a new version"
    }
}
