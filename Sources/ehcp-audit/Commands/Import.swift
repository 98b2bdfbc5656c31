import ArgumentParser
import EHCPAuditKit
import Foundation

extension EHCPAuditCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score audit records and keep them in the store, each file whole or not at all.",
            discussion: """
                Each file is atomic: one invalid record and nothing of that file is stored (every error is listed). \
                Re-importing an identical audit changes nothing; the same auditId with different content is refused \
                unless --replace, which keeps the earlier version in history. Records are scored against the framework \
                version they name, from --criteria or from the store.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: CriteriaHelp.framework(" Stored and scored with. Repeatable."))
        var criteria: [String] = []

        @Flag(name: .long, help: "Store a changed audit over the stored one, keeping the earlier version in history.")
        var replace = false

        @Argument(help: "Audit record files: .json, .jsonl, .ndjson or .xml.")
        var files: [String]

        func run() throws {
            let store = try store.open()
            let catalog = try Inputs.storedFrameworks(store, adding: criteria)
            var totals = AuditImport.Summary(file: "")
            var unstored = 0
            for path in files {
                do {
                    let source = try RecordReader.source(path: path)
                    let progress = ProgressLine(file: path)
                    let summary = try AuditImport(into: store, at: Clock.now(), replace: replace).run(
                        source, scoringWith: catalog, readingAhead: true
                    ) {
                        switch $0 {
                        case .refused(let diagnostics): StandardError.report(diagnostics)
                        case .conflict(let place, let error):
                            var diagnostic = place
                            diagnostic.message = Messages.store(error)
                            StandardError.report([diagnostic])
                        case .progress(let records, let bytes): progress.update(records: records, bytes: bytes)
                        }
                    }
                    progress.finish()
                    report(summary)
                    if summary.committed {
                        totals.imported += summary.imported + summary.replaced
                        totals.unchanged += summary.unchanged
                    } else {
                        unstored += 1
                    }
                    totals.refused += summary.refused
                } catch let error as Diagnostic {
                    StandardError.report([error])
                    StandardError.line("\(path): nothing of this file was stored.")
                    unstored += 1
                }
            }
            var line = "\(totals.imported) imported, \(totals.unchanged) unchanged, \(totals.refused) refused"
            if unstored > 0 { line += "; nothing was stored from \(unstored) of the \(files.count) files" }
            Output.standard.line(line + ".")
            if unstored > 0 { throw ExitCode.failure }
        }

        private func report(_ summary: AuditImport.Summary) {
            if summary.committed {
                var parts = ["\(summary.imported) imported", "\(summary.unchanged) unchanged"]
                if summary.replaced > 0 {
                    parts.append("\(summary.replaced) replaced (earlier versions kept in history)")
                }
                Output.standard.line("\(summary.file): \(parts.joined(separator: ", ")).")
            } else {
                StandardError.line(
                    """
                    \(summary.file): \(summary.refused) \(summary.refused == 1 ? "record" : "records") refused, \
                    so nothing of this file was stored.
                    """
                )
            }
        }
    }
}

/// A progress line on standard error for large files, only when it is a terminal.
final class ProgressLine {
    private let file: String
    private let size: Int
    private let enabled: Bool
    private var lastShown = 0

    init(file: String) {
        self.file = file
        size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        enabled = isatty(STDERR_FILENO) == 1 && size > 5_000_000
    }

    func update(records: Int, bytes: Int) {
        guard enabled, records - lastShown >= 1000 else { return }
        lastShown = records
        let percent = size > 0 ? min(100, 100 * bytes / size) : 0
        StandardError.write("\r\(file): \(records) records read (\(percent)%)")
    }

    func finish() {
        if enabled && lastShown > 0 { StandardError.write("\r\u{1B}[K") }
    }
}
