/// What became of one record: scored, or refused with every reason.
public enum Evaluation: Sendable {
    case scored(AuditRecord, AuditResult)
    case refused([Diagnostic])
}

extension FrameworkCatalog {
    /// Validates and scores a record read from `file`, placing every problem in the file.
    ///
    /// A record with problems of form is still checked against its framework where it
    /// could be decoded, so the auditor sees every error in one pass.
    public func evaluate(_ entry: RecordEntry, file: String) -> Evaluation {
        var diagnostics = entry.diagnostics
        if let record = entry.record {
            do throws(RecordError) {
                let result = try score(record)
                if diagnostics.isEmpty { return .scored(record, result) }
            } catch {
                diagnostics += error.problems.map {
                    $0.diagnostic(file: file, recordIndex: entry.index, auditId: record.auditId, root: entry.root)
                }
            }
        }
        return .refused(diagnostics)
    }
}
