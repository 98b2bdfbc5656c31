import ArgumentParser
import EHCPAuditKit
import Foundation

/// Where the store is: `--db PATH`, else `EHCP_AUDIT_DB`, else `./ehcp-audit.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store (SQLite file). Default: $EHCP_AUDIT_DB, else ./ehcp-audit.sqlite.")
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["EHCP_AUDIT_DB"] ?? AuditStore.defaultPath }

    /// Whether a store was asked for, or already exists where the default points.
    var isChosen: Bool {
        db != nil || ProcessInfo.processInfo.environment["EHCP_AUDIT_DB"] != nil
            || FileManager.default.fileExists(atPath: AuditStore.defaultPath)
    }

    /// Opens the store for writing, making it if it is missing; a write waits up to
    /// `busyTimeout` seconds for another process's.
    func open(busyTimeout: TimeInterval = 120) throws -> AuditStore {
        try explained { try AuditStore(path: path, access: .readWrite, busyTimeout: busyTimeout) }
    }

    /// Opens an existing store for writing: a missing one is an error, never made.
    func openExisting() throws -> AuditStore {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        return try open()
    }

    /// Opens the store read-only, which never makes or changes a file, and reads it while
    /// its integrity check runs alongside (``AuditStore/reading(path:_:)``).
    func read<T>(_ body: (AuditStore) throws -> T) throws -> T {
        try explained { try AuditStore.reading(path: path, body) }
    }

    private func explained<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch  where !(error is StoreError) {
            StandardError.line("\(path): error: cannot open the store: \(error)")
            throw ExitCode.failure
        }
    }
}

/// The one place the tool reads the clock: timestamps for the import log and samples.
enum Clock {
    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    /// Today's date in UTC.
    static func today() -> CalendarDate {
        CalendarDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
