import EHCPAuditKit
import Foundation

/// Reports already made, kept while nothing they read has changed
/// (``AuditStore/changeStamp()``): a report over a year of audits takes tens of
/// milliseconds to make, and many people open the same month's report.
final class ReportCache: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [String: (stamp: String, report: any Sendable)] = [:]
    /// The most reports kept; the oldest is let go first.
    private let limit = 64
    private var order: [String] = []

    /// The report under `key`, made by `make` unless the one kept was made under the same stamp.
    func report<T: Sendable>(_ key: String, stamp: String, make: () throws -> T) rethrows -> T {
        if let kept = lock.withLock({ reports[key] }), kept.stamp == stamp, let report = kept.report as? T {
            return report
        }
        let report = try make()
        lock.withLock {
            if reports.updateValue((stamp, report), forKey: key) == nil { order.append(key) }
            if order.count > limit { reports[order.removeFirst()] = nil }
        }
        return report
    }
}
