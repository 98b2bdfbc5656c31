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
            help: "A criteria framework (YAML or JSON). Repeat to score records made against several versions.")
        var criteria: [String]

        @Option(name: .long, help: "text (for a person), json (docs/scoring.md §5) or csv (one row per record).")
        var format: Format = .text

        @Argument(help: "Audit record files: .json (object or array), .jsonl or .ndjson.")
        var files: [String]

        func validate() throws {
            if criteria.isEmpty { throw ValidationError("give a framework with --criteria FILE") }
            if files.isEmpty { throw ValidationError("give at least one audit record file") }
        }

        func run() throws {
            let catalog = try Inputs.frameworks(criteria)
            let out = Output.standard
            let csv = ScoreCSV(frameworks: catalog.frameworks)
            var first = true
            // One buffer for every record's JSON, written out as bytes.
            var json = JSONWriter(capacity: 8192)
            // For a person reading text: each plan's audits so far (final, not moderation), by
            // framework id, to say what changed since the one before.
            var earlier: [String: [Reaudit.Audit]] = [:]
            switch format {
            case .json: out.line(ScoreJSON.header)
            case .csv: out.line(csv.header)
            case .text: break
            }
            let counts = Inputs.evaluate(files, catalog: catalog) { evaluation in
                guard case .scored(let record, let result) = evaluation else { return }
                switch format {
                case .json:
                    json.removeAll()
                    ScoreJSON.write(result, to: &json)
                    if !first { out.write(",") }
                    out.line(bytes: json.bytes)
                case .csv: out.line(csv.row(result))
                case .text:
                    if !first { out.line("") }
                    let framework = catalog.framework(record.framework)!
                    out.line(ScoreText.record(result, framework: framework))
                    guard record.status == .final, record.kind != .moderation else { break }
                    let audit = Reaudit.Audit(record, result)
                    let key = "\(record.framework.id)\u{1F}\(record.planId)"
                    let before = earlier[key, default: []].filter {
                        ($0.date, $0.auditId) < (audit.date, audit.auditId)
                    }
                    if let previous = before.max(by: { ($0.date, $0.auditId) < ($1.date, $1.auditId) }) {
                        out.line(
                            ScoreText.change(
                                Reaudit(previous: previous, latest: audit, framework: framework), framework))
                    }
                    earlier[key, default: []].append(audit)
                }
                first = false
            }
            switch format {
            case .json: out.line(ScoreJSON.footer)
            case .text: out.line("\n\(Summary.records(counts))")
            case .csv: break
            }
            if counts.refused + counts.unreadable > 0 { throw ExitCode.failure }
        }
    }
}
