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
            switch format {
            case .json: out.line(ScoreJSON.header)
            case .csv: out.line(csv.header)
            case .text: break
            }
            let counts = Inputs.evaluate(files, catalog: catalog) { evaluation in
                guard case .scored(let record, let result) = evaluation else { return }
                switch format {
                case .json: out.line((first ? "" : ",") + ScoreJSON.record(result))
                case .csv: out.line(csv.row(result))
                case .text:
                    if !first { out.line("") }
                    out.line(ScoreText.record(result, framework: catalog.framework(record.framework)!))
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
