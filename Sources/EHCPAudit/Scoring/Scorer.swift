/// Validates and scores audit records against one framework (docs/scoring.md §2–§4).
///
/// Build one per framework and reuse it: it indexes the criteria once, so scoring a record
/// is linear in its number of judgements. A class, so that finding a framework's scorer
/// copies nothing.
///
/// ```swift
/// let scorer = Scorer(framework)
/// do {
///     let result = try scorer.score(record)
///     print(result.grade.label, result.percent)
/// } catch {
///     for problem in error.problems { print(problem) }
/// }
/// ```
public final class Scorer: Sendable {
    public let framework: Framework
    private let planSheet: JudgementSheet
    /// For each criterion of `planSheet`, the index of its section.
    private let sectionOf: [Int]
    private let sectionWeights: [Double]
    private let sectionIDs: [String]
    let adviceSheet: JudgementSheet?
    let adviceGrades: GradeScale?
    private let actionBelowPoints: Double
    private let actionBelowPercent: Double

    public init(_ framework: Framework) {
        self.framework = framework
        planSheet = JudgementSheet(
            framework.sections.flatMap(\.criteria), framework: framework, grades: framework.grades)
        sectionOf = framework.sections.enumerated().flatMap { s, section in
            Array(repeating: s, count: section.criteria.count)
        }
        sectionWeights = framework.sections.map(\.weight)
        sectionIDs = framework.sections.map(\.id)
        adviceGrades = framework.advice.map { GradeScale($0.grades) }
        adviceSheet = framework.advice.map {
            JudgementSheet($0.criteria, framework: framework, grades: GradeScale($0.grades))
        }
        let target = framework.rating(framework.actionBelow)!
        actionBelowPoints = target.points
        actionBelowPercent = framework.percent(of: target)
    }

    /// Scores a record, or throws every problem that stops it being scored.
    ///
    /// A final record must judge every criterion. A draft may leave criteria unjudged
    /// (docs/records.md): its result is provisional, over the criteria it judges, the others
    /// counted as `na` is, and ``AuditResult/completeness`` says how far it has got.
    public func score(_ record: AuditRecord) throws(RecordError) -> AuditResult {
        var problems = record.formProblems
        if record.framework != FrameworkReference(id: framework.id, version: framework.version) {
            problems.append(
                RecordProblem(
                    path: "framework", line: record.line,
                    message:
                        """
                        record names framework \(record.framework) but is being scored against \(framework.id) \
                        version \(framework.version)
                        """
                ))
        }
        let complete = record.status == .final
        var completeness = Completeness()
        let plan = planSheet.resolve(
            record.judgements, owner: .plan, complete: complete, path: "judgements", fallbackLine: record.line,
            framework: framework, completeness: &completeness, problems: &problems)
        let advices = resolveAdvices(record, complete: complete, completeness: &completeness, &problems)
        guard let plan, let advices, problems.isEmpty else { throw RecordError(problems: problems) }

        let sections = sectionPercents(plan)
        var applicableWeight = 0.0
        var weighted = 0.0
        for (s, percent) in sections.enumerated() {
            guard let percent else { continue }
            applicableWeight += sectionWeights[s]
            weighted += sectionWeights[s] * percent.value
        }
        guard applicableWeight > 0 else {
            let message =
                completeness.isComplete
                ? "every section is judged not applicable (na), so the record cannot be graded"
                : """
                the draft rates no plan criterion yet (\(completeness.judged) of \(completeness.expected) \
                judged, none rated other than na), so it has no provisional grade: rate at least one criterion \
                before saving it
                """
            throw RecordError(problems: [RecordProblem(path: "judgements", line: record.line, message: message)])
        }
        let percent = weighted / applicableWeight
        let boundaryRank = framework.grades.rank(for: percent)
        let caps = appliedCaps(plan, sheet: planSheet, grades: framework.grades)
        let finalRank = caps.reduce(boundaryRank) { max($0, framework.grades.rank(of: $1.grade.id)!) }
        return AuditResult(
            auditId: record.auditId, planId: record.planId, framework: record.framework,
            percent: percent,
            boundaryGrade: framework.grades.grades[boundaryRank],
            grade: framework.grades.grades[finalRank],
            caps: caps,
            sections: sections.indices.map { s in
                SectionResult(
                    id: sectionIDs[s], percent: sections[s]?.value,
                    grade: sections[s].map { framework.grades.grades[framework.grades.rank(for: $0.value)] })
            },
            actions: actions(plan, sections: sections, applicableWeight: applicableWeight),
            advices: advices,
            completeness: completeness
        )
    }

    /// A section's percent and the sum of its non-`na` criterion weights; nil when all `na`.
    private struct SectionPercent {
        var value: Double
        var judgedWeight: Double
    }

    private func sectionPercents(_ plan: JudgementSheet.Resolved) -> [SectionPercent?] {
        var sums = [(weighted: Double, weight: Double)](repeating: (0, 0), count: sectionWeights.count)
        for (c, r) in plan.enumerated() {
            guard let r else { continue }
            let weight = planSheet.weights[c]
            sums[sectionOf[c]].weighted += weight * planSheet.percents[r]
            sums[sectionOf[c]].weight += weight
        }
        return sums.map {
            $0.weight > 0 ? SectionPercent(value: $0.weighted / $0.weight, judgedWeight: $0.weight) : nil
        }
    }

    func appliedCaps(_ resolved: JudgementSheet.Resolved, sheet: JudgementSheet, grades: GradeScale) -> [AppliedCap] {
        var caps: [AppliedCap] = []
        for (c, r) in resolved.enumerated() {
            guard let r, let cap = sheet.caps[c], sheet.points[r] <= cap.points else { continue }
            caps.append(
                AppliedCap(
                    criterion: sheet.ids[c], rating: framework.scale[r].id, grade: grades.grades[cap.rank]))
        }
        return caps
    }

    private func actions(
        _ plan: JudgementSheet.Resolved, sections: [SectionPercent?], applicableWeight: Double
    ) -> [ImprovementAction] {
        var found: [(c: Int, r: Int, gain: Double)] = []
        for (c, r) in plan.enumerated() {
            guard let r, planSheet.points[r] < actionBelowPoints, let section = sections[sectionOf[c]] else { continue }
            let gain =
                (sectionWeights[sectionOf[c]] / applicableWeight) * (planSheet.weights[c] / section.judgedWeight)
                * (actionBelowPercent - planSheet.percents[r])
            found.append((c, r, gain))
        }
        // Framework order is the order of `found` now; a stable sort on gain keeps it for ties.
        let order = found.indices.map { (gain: found[$0].gain, index: $0) }.sorted { a, b in
            abs(a.gain - b.gain) <= GradeScale.tolerance ? a.index < b.index : a.gain > b.gain
        }
        return order.map { i in
            let (c, r, gain) = found[i.index]
            return ImprovementAction(
                criterion: planSheet.ids[c], section: sectionIDs[sectionOf[c]], rating: framework.scale[r].id,
                gain: gain, text: planSheet.actions[c])
        }
    }
}
