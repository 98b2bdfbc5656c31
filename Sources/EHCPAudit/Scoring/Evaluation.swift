/// What became of one record: scored, or refused with every reason.
public enum Evaluation: Sendable {
    case scored(AuditRecord, AuditResult)
    case refused([Diagnostic])
}

extension FrameworkCatalog {
    /// Validates and scores a record read from `file`, placing every problem in the file.
    /// A record read is new to the store, so it meets the entry checks too
    /// (``AuditRecord/entryProblems``), which scoring a stored record does not apply.
    ///
    /// A record with problems of form is still checked against its framework where it
    /// could be decoded, so the auditor sees every error in one pass.
    public func evaluate(_ entry: RecordEntry, file: String) -> Evaluation {
        var diagnostics = entry.diagnostics
        if let record = entry.record {
            func place(_ problems: [RecordProblem]) -> [Diagnostic] {
                problems.map {
                    $0.diagnostic(file: file, recordIndex: entry.index, auditId: record.auditId, root: entry.root)
                }
            }
            diagnostics += place(record.entryProblems)
            do throws(RecordError) {
                let result = try score(record)
                if diagnostics.isEmpty { return .scored(record, result) }
            } catch {
                diagnostics += place(error.problems)
            }
        }
        return .refused(diagnostics)
    }
}
