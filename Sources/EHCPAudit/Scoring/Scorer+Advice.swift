extension Scorer {
    /// Checks each advice against §4 and scores the judged ones; nil after appending problems.
    /// Unless `complete` (a draft), a judged advice may leave criteria unjudged; each judged
    /// advice adds its criteria to `completeness`.
    func resolveAdvices(
        _ record: AuditRecord, complete: Bool, completeness: inout Completeness, _ problems: inout [RecordProblem]
    ) -> [AdviceResult]? {
        guard !record.advices.isEmpty else { return [] }
        guard let criteria = framework.advice, let sheet = adviceSheet, let grades = adviceGrades else {
            problems.append(
                RecordProblem(
                    path: "advices", line: record.advices.first?.line ?? record.line,
                    message:
                        """
                        the record lists advices but framework \(framework.id) version \(framework.version) has \
                        no advice criteria
                        """
                ))
            return nil
        }
        let before = problems.count
        var results: [AdviceResult] = []
        var seen: [String: Int] = [:]
        for (a, advice) in record.advices.enumerated() {
            // Paths are made only for a problem: most advices have none.
            func path() -> String { "advices[\(a)]" }
            func problem(_ suffix: String, _ message: String) {
                problems.append(
                    RecordProblem(path: path() + suffix, line: advice.line ?? record.line, message: message))
            }
            if let first = seen[advice.id] {
                problem(".id", "advice id \"\(advice.id)\" is used twice in this record (first at advices[\(first)])")
            }
            seen[advice.id] = seen[advice.id] ?? a
            var days: Int?
            if let requested = advice.requested, let received = advice.received {
                days = requested.days(until: received)
                if days! < 0 {
                    problem(
                        ".received",
                        "advice \(advice.id) was received (\(received)) before it was requested (\(requested))")
                }
            }
            if advice.status == .notReceived, let received = advice.received {
                problem(".received", "advice \(advice.id) is not-received but has a received date (\(received))")
            }
            var resolved: JudgementSheet.Resolved?
            if advice.status.isJudged {
                resolved = sheet.resolve(
                    advice.judgements, owner: .advice(advice), complete: complete, path: "\(path()).judgements",
                    fallbackLine: advice.line ?? record.line, framework: framework, completeness: &completeness,
                    problems: &problems)
            } else if !advice.judgements.isEmpty {
                problem(
                    ".judgements",
                    """
                    advice \(advice.id) is \(advice.status.rawValue), so it takes no judgements (found \
                    \(advice.judgements.count))
                    """
                )
            }
            let (percent, grade) =
                resolved.map { quality($0, sheet: sheet, grades: grades) } ?? (nil, nil)
            results.append(
                AdviceResult(
                    id: advice.id, agency: advice.agency, provider: advice.provider, status: advice.status,
                    percent: percent, grade: grade, days: days, timely: days.map { $0 <= criteria.deadlineDays }
                ))
        }
        return problems.count == before ? results : nil
    }

    /// The advice's percent and grade (one implicit section of weight 1, caps applied);
    /// nil when every criterion is `na`.
    private func quality(
        _ resolved: JudgementSheet.Resolved, sheet: JudgementSheet, grades: GradeScale
    ) -> (Double?, Grade?) {
        var weighted = 0.0, weight = 0.0
        for (c, r) in resolved.enumerated() {
            guard let r else { continue }
            weighted += sheet.weights[c] * sheet.percents[r]
            weight += sheet.weights[c]
        }
        guard weight > 0 else { return (nil, nil) }
        let percent = weighted / weight
        let caps = appliedCaps(resolved, sheet: sheet, grades: grades)
        let rank = caps.reduce(grades.rank(for: percent)) { max($0, grades.rank(of: $1.grade.id)!) }
        return (percent, grades.grades[rank])
    }
}
