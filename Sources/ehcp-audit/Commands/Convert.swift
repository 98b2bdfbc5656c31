import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert audit records between JSON and XML, losing nothing (judgement comments included).",
            discussion:
                """
                Records are checked for form (fields, types, schema) but not scored, so no framework is needed. \
                With -o, the file is written only when every record converted.
                """
        )

        enum Target: String, ExpressibleByArgument, CaseIterable {
            case xml, json
        }

        @Option(name: .long, help: "xml (an <audits> document) or json (an array, one record per line).")
        var to: Target

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?

        @Argument(help: "Audit record files: .json, .jsonl, .ndjson or .xml.")
        var files: [String]

        func run() throws {
            let file = try output.map { try AtomicFile(path: $0) }
            let out = file?.output ?? Output.standard
            var first = true
            var failed = false
            out.line(to == .xml ? RecordXMLWriter.header : "[")
            for path in files {
                do throws(Diagnostic) {
                    let source = ReadAhead(try RecordReader.source(path: path))
                    while let entry = try source.next() {
                        let problems = entry.formDiagnostics(file: source.file)
                        guard problems.isEmpty, let record = entry.record else {
                            StandardError.report(problems)
                            failed = true
                            continue
                        }
                        do throws(RecordXMLWriter.UnwritableText) {
                            let text = to == .xml ? try RecordXMLWriter.record(record) : RecordJSONWriter.record(record)
                            out.line(to == .xml || first ? text : "," + text)
                            first = false
                        } catch {
                            StandardError.line(
                                """
                                \(source.file):\(entry.line.map(String.init) ?? "?"): error: record \
                                #\(entry.index) \(record.auditId): \(error.field) holds character \
                                U+\(String(error.character, radix: 16, uppercase: true)), which XML 1.0 cannot \
                                carry
                                """
                            )
                            failed = true
                        }
                    }
                } catch {
                    StandardError.report([error])
                    failed = true
                }
            }
            out.line(to == .xml ? RecordXMLWriter.footer : "]")
            if failed {
                file?.discard()
                throw ExitCode.failure
            }
            try file?.commit()
        }
    }
}
