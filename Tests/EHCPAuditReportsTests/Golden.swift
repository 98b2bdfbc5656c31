import Foundation
import Testing

/// Golden files: rendered output compared byte for byte with a file kept under
/// Tests/EHCPAuditReportsTests/Golden, which pins what the renderers write today.
///
/// A change to a report's wording or layout fails the comparison until the files are
/// written again on purpose: `scripts/update-goldens` (or `UPDATE_GOLDENS=1 swift test
/// --filter Golden`) writes them, and `git diff` shows what changed.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Whether this run writes the golden files instead of comparing with them.
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" }

    /// Compares `text` with the golden file `name`, or writes it when ``updating``. A
    /// difference is recorded as an issue naming the first line that differs.
    static func check(_ text: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        guard let golden = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden file \(name): write it with scripts/update-goldens", sourceLocation: sourceLocation)
            return
        }
        if let difference = firstDifference(golden: Array(golden), now: Array(text.utf8)) {
            Issue.record(
                """
                \(name) differs from its golden file (if the change is meant, scripts/update-goldens \
                writes it again) at \(difference)
                """,
                sourceLocation: sourceLocation)
        }
    }

    /// Where two texts first differ, by bytes, in words: the line and both versions of it,
    /// or which one ends first; nil when the bytes are the same.
    static func firstDifference(golden: [UInt8], now: [UInt8]) -> String? {
        guard golden != now else { return nil }
        let goldenLines = golden.split(separator: 0x0A, omittingEmptySubsequences: false)
        let nowLines = now.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (number, (goldenLine, nowLine)) in zip(goldenLines, nowLines).enumerated() where goldenLine != nowLine {
            return """
                line \(number + 1):
                  golden: \(String(decoding: goldenLine, as: UTF8.self))
                  now:    \(String(decoding: nowLine, as: UTF8.self))
                """
        }
        let more = abs(goldenLines.count - nowLines.count)
        let lines = more == 1 ? "1 more line" : "\(more) more lines"
        return goldenLines.count < nowLines.count
            ? "line \(goldenLines.count + 1): the golden file ends, the output goes on for \(lines)"
            : "line \(nowLines.count + 1): the output ends, the golden file goes on for \(lines)"
    }
}
