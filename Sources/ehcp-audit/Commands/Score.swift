import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grade audit records: percent, grade, section grades, caps and improvement actions.",
            discussion:
                """
                Valid records are printed even when others are refused; every error goes to standard error and \
                the exit status is then 1.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, csv
        }

        @Option(
            name: .long,
            help: CriteriaHelp.framework(" Repeat to score records made against several versions."))
        var criteria: [String]

        @Option(name: .long, help: "text (for a person), json (docs/scoring.md §5) or csv (one row per record).")
        var format: Format = .text

        @Argument(help: "Audit record files: .json (object or array), .jsonl or .ndjson.")
        var files: [String]

        func validate() throws {
            if criteria.isEmpty {
                throw ValidationError("give a framework with --criteria NAME or FILE (ehcp-qa is built in)")
            }
            if files.isEmpty { throw ValidationError("give at least one audit record file") }
        }

        func run() throws {
            let catalog = try Inputs.frameworks(criteria)
            let out = Output.standard
            let counts: (scored: Int, refused: Int, unreadable: Int)
            switch format {
            case .json:
                let writer = ScoreJSON.Writer(frameworks: catalog.frameworks)
                out.line(ScoreJSON.header)
                var any = false
                counts = Inputs.score(
                    files, catalog: catalog, empty: { JSONWriter(capacity: 1 << 19) },
                    render: { json, _, result in writer.appendLine(result, to: &json) },
                    each: { json in
                        guard !json.isEmpty else { return }
                        if any { out.write(",") }
                        json.withBytes { out.write(bytes: $0) }
                        any = true
                    })
                out.line(ScoreJSON.footer)
            case .csv:
                let csv = ScoreCSV(frameworks: catalog.frameworks)
                out.line(csv.header)
                counts = Inputs.score(
                    files, catalog: catalog, empty: { [UInt8]() },
                    render: { bytes, _, result in
                        bytes += csv.row(result).utf8
                        bytes.append(UInt8(ascii: "\n"))
                    }, each: { bytes in bytes.withUnsafeBufferPointer { out.write(bytes: $0) } })
            case .text:
                counts = text(catalog)
                out.line("\n\(Summary.records(counts))")
            }
            if counts.refused + counts.unreadable > 0 { throw ExitCode.failure }
        }

        /// For a person: each record's score, and what changed since its previous audit
        /// (`PreviousAudits`) among those before it in the files given, in file order.
        private func text(_ catalog: FrameworkCatalog) -> (scored: Int, refused: Int, unreadable: Int) {
            let out = Output.standard
            var first = true
            var earlier = PreviousAudits<Reaudit.Audit>()
            // Scored on every core; written here, in order, as each needs the ones before.
            return Inputs.score(
                files, catalog: catalog, empty: { [(AuditRecord, AuditResult)]() },
                render: { scored, record, result in scored.append((record, result)) },
                each: { scored in
                    for (record, result) in scored {
                        if !first { out.line("") }
                        first = false
                        let framework = catalog.framework(record.framework)!
                        out.line(ScoreText.record(result, framework: framework))
                        guard record.isCounted else { continue }
                        let audit = Reaudit.Audit(record, result)
                        if let previous = earlier.previous(of: record) {
                            out.line(
                                ScoreText.change(
                                    Reaudit(previous: previous, latest: audit, framework: framework), framework))
                        }
                        earlier.add(record, audit)
                    }
                })
        }
    }
}
