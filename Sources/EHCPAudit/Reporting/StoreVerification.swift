/// What `verify-store` finds in a store file or a backup: whether SQLite finds it whole,
/// whether this version knows its schema, and what it holds. The store module finds it
/// (`AuditStore.verify(path:)`); the reports print it.
///
/// ```swift
/// let report = try AuditStore.verify(path: "backups/ehcp-audit-2025-07-01.sqlite")
/// if !report.isSound { report.problems.forEach { print($0) } }
/// print(report.counts.map { "\($0.name): \($0.value)" })
/// ```
public struct StoreVerification: Sendable, Equatable {
    /// One figure of what the store holds, in words: `final audits`, `plans audited`, …
    public struct Count: Sendable, Equatable {
        public var name: String
        public var value: Int

        public init(name: String, value: Int) {
            self.name = name
            self.value = value
        }
    }

    public var path: String
    /// Damage found by SQLite's `integrity_check` and `foreign_key_check`, in SQLite's words
    /// and ours; empty for a whole store.
    public var damage: [String]
    /// The schema changes (migrations) applied to the store, oldest first.
    public var appliedMigrations: [String]
    /// The schema changes this version knows, oldest first.
    public var knownMigrations: [String]
    public var counts: [Count]

    public init(path: String, damage: [String], appliedMigrations: [String], knownMigrations: [String], counts: [Count])
    {
        self.path = path
        self.damage = damage
        self.appliedMigrations = appliedMigrations
        self.knownMigrations = knownMigrations
        self.counts = counts
    }

    /// Migrations applied by a newer version of ehcp-audit that this version does not know.
    public var unknownMigrations: [String] { appliedMigrations.filter { !knownMigrations.contains($0) } }

    /// Migrations this version would apply when the store is next opened for writing.
    public var pendingMigrations: [String] { knownMigrations.filter { !appliedMigrations.contains($0) } }

    /// Whole, and of a schema this version can read; an older schema is sound (it is
    /// brought up to date when opened for writing).
    public var isSound: Bool { damage.isEmpty && unknownMigrations.isEmpty }

    /// Every reason the store is not sound, in plain English.
    public var problems: [String] {
        var problems = damage.map { "the store is damaged: \($0); restore it from a backup" }
        if !unknownMigrations.isEmpty {
            problems.append(
                """
                the store was made by a newer version of ehcp-audit (schema changes \
                \(unknownMigrations.joined(separator: ", ")) are unknown to this one); read and back it up with that \
                version or a later one
                """)
        }
        return problems
    }

    /// What is worth knowing but is not a problem.
    public var notes: [String] {
        guard !pendingMigrations.isEmpty else { return [] }
        return [
            """
            the store was made by an older version: schema changes \(pendingMigrations.joined(separator: ", ")) \
            are applied when it is next opened for writing (an import, a user added, or serve)
            """
        ]
    }
}
