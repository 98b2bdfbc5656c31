extension AuditRecord {
    /// The checks a record meets as it comes in, whichever way (a file, the API, the
    /// workspace's form), each naming its field (docs/records.md, Entry checks): an audit id
    /// of letters, digits, `-`, `_` and `.`; no name or date in a reference (`planId`,
    /// `auditor`, `plan.team`, `plan.caseworker`); `moderates` an audit id, never the audit's
    /// own; `plan.issueDate` not before `plan.requestDate`.
    ///
    /// ``FrameworkCatalog/evaluate(_:file:)`` applies them to every record read;
    /// ``Scorer/score(_:)`` does not, so that an audit stored before a check was added still
    /// scores, and still has its page. A value that breaks ``RecordText/wordProblem(_:)`` is
    /// left to ``formProblems``, which names it once.
    public var entryProblems: [RecordProblem] {
        var problems: [RecordProblem] = []
        func add(_ path: String, _ value: String, _ problem: String?) {
            guard let problem else { return }
            problems.append(RecordProblem(path: path, line: line, message: "\(path) \"\(value)\" \(problem)"))
        }
        func id(_ path: String, _ value: String) {
            guard RecordText.wordProblem(value) == nil else { return }
            add(path, value, RecordText.auditIdProblem(value))
        }
        func reference(_ path: String, _ value: String?, example: String) {
            guard let value, RecordText.wordProblem(value) == nil else { return }
            add(path, value, RecordText.referenceProblem(value, example: example))
        }
        id("auditId", auditId)
        reference("planId", planId, example: "P0001234")
        reference("auditor", auditor, example: "auditor-07")
        if let moderates, kind == .moderation, !moderates.isEmpty {
            if moderates == auditId {
                problems.append(
                    RecordProblem(
                        path: "moderates", line: line,
                        message:
                            "moderates names this audit itself (\(auditId)): name the audit of the plan it moderates"
                    ))
            }
            id("moderates", moderates)
        }
        reference("plan.team", plan.team, example: "North-2")
        reference("plan.caseworker", plan.caseworker, example: "cw-113")
        if let requested = plan.requestDate, let issued = plan.issueDate, issued < requested {
            problems.append(
                RecordProblem(
                    path: "plan.issueDate", line: line,
                    message:
                        """
                        the plan was issued (\(issued)) before it was requested (\(requested)): check both dates, \
                        plan.issueDate may not be before plan.requestDate
                        """
                ))
        }
        return problems
    }
}
