/// Checks a list of judgements against a list of criteria (docs/scoring.md §2) and resolves
/// each criterion to its rating, or to `na`.
///
/// The same rules serve the plan's sections and each advice: one judgement per criterion,
/// known criteria and ratings only, `na` only where allowed. For an advice that identified
/// no needs, needs-dependent criteria must be `na` (§4).
struct JudgementSheet: Sendable {
    let criteria: [Criterion]
    private let index: [String: Int]

    init(_ criteria: [Criterion]) {
        self.criteria = criteria
        var index: [String: Int] = [:]
        for (i, criterion) in criteria.enumerated() { index[criterion.id] = i }
        self.index = index
    }

    /// What a criterion was judged: a rating, or nil for `na`.
    typealias Resolved = [Rating?]

    /// Whose judgements these are, which changes the wording and the `na` rule.
    enum Owner {
        case plan
        case advice(Advice)
    }

    /// The resolved judgements in criteria order, or nil after appending problems.
    func resolve(
        _ judgements: [Judgement], owner: Owner, path: String, fallbackLine: Int?,
        framework: Framework, problems: inout [RecordProblem]
    ) -> Resolved? {
        let before = problems.count
        var resolved = Resolved(repeating: nil, count: criteria.count)
        var judgedAt = [Int?](repeating: nil, count: criteria.count)
        for (j, judgement) in judgements.enumerated() {
            let line = judgement.line ?? fallbackLine
            func problem(_ suffix: String, _ message: String) {
                problems.append(
                    RecordProblem(
                        path: "\(path)[\(j)]" + suffix, criterion: judgement.criterion, line: line, message: message))
            }
            guard let c = index[judgement.criterion] else {
                problem(".criterion", unknownCriterion(judgement.criterion, owner: owner, framework: framework))
                continue
            }
            if let first = judgedAt[c] {
                problem("", "criterion \(judgement.criterion) is judged twice (first at \(path)[\(first)])")
                continue
            }
            judgedAt[c] = j
            let criterion = criteria[c]
            if judgement.rating == notApplicableRating {
                if !criterion.notApplicable && !noNeeds(owner, criterion) {
                    problem(
                        ".rating",
                        "criterion \(criterion.id) may not be rated na (not applicable): it applies to every plan")
                }
                continue
            }
            guard let rating = framework.rating(judgement.rating) else {
                let allowed = (framework.scale.map(\.id) + (criterion.notApplicable ? [notApplicableRating] : []))
                    .joined(separator: ", ")
                problem(
                    ".rating",
                    "criterion \(criterion.id): unknown rating \"\(judgement.rating)\" (expected one of: \(allowed))")
                continue
            }
            if case .advice(let advice) = owner, noNeeds(owner, criterion) {
                problems.append(
                    RecordProblem(
                        path: "\(path)[\(j)].rating", criterion: criterion.id, line: line,
                        message:
                            """
                            advice \(advice.id) identified no needs, so criterion \(criterion.id) is not \
                            applicable: rate it na, not \"\(rating.id)\"
                            """,
                        rule: .noNeedsAdviceRated, advice: advice.id
                    ))
                continue
            }
            resolved[c] = rating
        }
        for (c, criterion) in criteria.enumerated() where judgedAt[c] == nil {
            var message =
                "criterion \(criterion.id) has no judgement (every criterion needs exactly one, or na where allowed)"
            if noNeeds(owner, criterion) { message += "; the advice identified no needs, so record it as na" }
            problems.append(RecordProblem(path: path, criterion: criterion.id, line: fallbackLine, message: message))
        }
        return problems.count == before ? resolved : nil
    }

    private func noNeeds(_ owner: Owner, _ criterion: Criterion) -> Bool {
        if case .advice(let advice) = owner { return advice.status == .noNeedsIdentified && criterion.needsDependent }
        return false
    }

    private func unknownCriterion(_ id: String, owner: Owner, framework: Framework) -> String {
        switch (owner, framework.locations[id]) {
        case (.plan, .advice?):
            return "criterion \(id) is an advice criterion: judge it inside an advice, not among the plan's judgements"
        case (.advice(let advice), .section?):
            return "criterion \(id) is a plan criterion, not an advice criterion (in advice \(advice.id))"
        default:
            return
                """
                unknown criterion \"\(id)\": framework \(framework.id) version \(framework.version) has no such \
                criterion
                """
        }
    }
}
