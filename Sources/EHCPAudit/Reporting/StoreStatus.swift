/// What a store holds, as `status` shows it: the store module counts it
/// (`AuditStore.status()`); the reports print it.
///
/// ```swift
/// let status = try store.status()
/// print("\(status.audits) audits, the latest in \(status.latestMonth ?? "no month")")
/// ```
public struct StoreStatus: Sendable, Equatable {
    public var audits: Int
    public var frameworks: Int
    public var populations: Int
    public var samples: Int
    public var imports: Int
    /// The latest month that has audits, if any.
    public var latestMonth: String?

    public init(audits: Int, frameworks: Int, populations: Int, samples: Int, imports: Int, latestMonth: String?) {
        self.audits = audits
        self.frameworks = frameworks
        self.populations = populations
        self.samples = samples
        self.imports = imports
        self.latestMonth = latestMonth
    }
}
