import EHCPAuditKit
import Foundation

/// The stored frameworks, parsed once: a framework's id and version name its content for
/// good (the store refuses other content under them), so each is read from its YAML only
/// the first time a page needs it, not on every request. Which framework most audits use
/// is counted again at most once a minute.
final class FrameworkCache: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: Framework] = [:]
    private var mostUsed: (id: String?, at: Date)?

    /// Every stored framework, as the catalog that scores records.
    func catalog(_ store: AuditStore) throws -> FrameworkCatalog {
        var catalog = FrameworkCatalog()
        for stored in try store.storedFrameworks() { try catalog.add(try framework(stored)) }
        return catalog
    }

    /// The framework a new audit is made against: the latest stored version of `id`, or,
    /// with no id, of the framework most stored audits use (else the latest stored).
    func current(_ store: AuditStore, id: String? = nil, now: Date) throws -> Framework? {
        let stored = try store.storedFrameworks()
        // A fresh store opens the plan audit's form, not family voice's (asked for by id).
        let fallback = stored.last { $0.id != FamilyVoice.frameworkId } ?? stored.last
        let chosen = try id ?? mostUsedId(store, now: now) ?? fallback?.id
        guard let latest = stored.last(where: { $0.id == chosen }) else { return nil }
        return try framework(latest)
    }

    private func framework(_ stored: AuditStore.StoredFramework) throws -> Framework {
        let key = stored.id + "\u{0}" + stored.version
        if let known = lock.withLock({ parsed[key] }) { return known }
        let framework = try FrameworkLoader.load(text: stored.content, file: stored.file)
        lock.withLock { parsed[key] = framework }
        return framework
    }

    private func mostUsedId(_ store: AuditStore, now: Date) throws -> String? {
        if let known = lock.withLock({ mostUsed }), now.timeIntervalSince(known.at) < 60 { return known.id }
        let id = try store.mostUsedFrameworkId()
        lock.withLock { mostUsed = (id, now) }
        return id
    }
}
