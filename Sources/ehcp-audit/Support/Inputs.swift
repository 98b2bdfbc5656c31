import ArgumentParser
import EHCPAuditKit
import Foundation

/// Opening the command's inputs: frameworks and record files.
enum Inputs {
    /// Loads every framework, built in or from a file (``CriteriaSource``), reporting every
    /// problem; throws (exit 1) if any is invalid.
    static func frameworks(_ names: [String]) throws -> FrameworkCatalog {
        var catalog = FrameworkCatalog()
        var failed = false
        for name in names {
            do {
                try catalog.add(try FrameworkLoader.load(named: name))
            } catch let error as FrameworkLoadError {
                StandardError.report(error.diagnostics)
                failed = true
            } catch {
                StandardError.line("\(name): error: \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
        return catalog
    }

    /// The frameworks stored, plus any given, built in or from a file (which are stored first).
    static func storedFrameworks(_ store: AuditStore, adding names: [String]) throws -> FrameworkCatalog {
        var failed = false
        for name in names {
            do {
                let source = try CriteriaSource.framework(name)
                try store.addFramework(text: source.text, file: source.file, at: Clock.now())
            } catch {
                if !Messages.report(error) { StandardError.line("\(name): error: \(error)") }
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
        return try store.frameworkCatalog()
    }

    /// Reads, scores and renders every record of every file on every core (see
    /// ``ParallelScoring``), calling `body` in file order with what `render` made of each
    /// batch's scored records; reports every refused record and every file that could not
    /// be read on standard error, and returns how many records were scored and refused and
    /// how many files could not be read.
    static func score<Rendering: Sendable>(
        _ paths: [String], catalog: FrameworkCatalog, empty: @escaping @Sendable () -> Rendering,
        render: @escaping @Sendable (inout Rendering, AuditRecord, AuditResult) -> Void,
        each body: (Rendering) -> Void
    ) -> (scored: Int, refused: Int, unreadable: Int) {
        var counts = (scored: 0, refused: 0, unreadable: 0)
        for path in paths {
            do throws(Diagnostic) {
                try ParallelScoring.score(
                    try RecordReader.source(path: path), catalog: catalog, empty: empty, render: render,
                    each: { batch in
                        counts.scored += batch.scored
                        counts.refused += batch.refused.count
                        for diagnostics in batch.refused { StandardError.report(diagnostics) }
                        body(batch.rendering)
                    })
            } catch {
                counts.unreadable += 1
                StandardError.report([error])
            }
        }
        return counts
    }
}
