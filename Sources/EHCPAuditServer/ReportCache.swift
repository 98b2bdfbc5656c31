import EHCPAuditKit
import Foundation

/// Reports already made, kept while nothing they read has changed
/// (``AuditStore/changeStamp()``): a report over a year of audits takes tens of
/// milliseconds to make, and many people open the same month's report. A report being made
/// is made once: whoever asks for the same report meanwhile waits for it rather than make
/// it again (after an import, every open report page asks at once).
final class ReportCache: @unchecked Sendable {
    private let lock = NSCondition()
    private var reports: [String: (stamp: String, report: any Sendable)] = [:]
    /// The most reports kept; the oldest is let go first.
    private let limit = 64
    private var order: [String] = []
    /// The reports being made, by key and stamp.
    private var making: Set<String> = []

    /// The report under `key`, made by `make` unless the one kept was made under the same stamp.
    func report<T: Sendable>(_ key: String, stamp: String, make: () throws -> T) rethrows -> T {
        let flight = key + "\n" + stamp
        lock.lock()
        while true {
            if let kept = reports[key], kept.stamp == stamp, let report = kept.report as? T {
                lock.unlock()
                return report
            }
            if making.insert(flight).inserted { break }
            lock.wait()  // another thread is making this report; it broadcasts when done
        }
        lock.unlock()
        defer {
            lock.lock()
            making.remove(flight)
            lock.broadcast()
            lock.unlock()
        }
        let report = try make()
        lock.lock()
        if reports.updateValue((stamp, report), forKey: key) == nil { order.append(key) }
        if order.count > limit { reports[order.removeFirst()] = nil }
        lock.unlock()
        return report
    }
}
