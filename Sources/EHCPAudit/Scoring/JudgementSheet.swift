/// Checks a list of judgements against a list of criteria (docs/scoring.md §2) and resolves
/// each criterion to its rating, or to `na`.
///
/// The same rules serve the plan's sections and each advice: one judgement per criterion,
/// known criteria and ratings only, `na` only where allowed. For an advice that identified
/// no needs, needs-dependent criteria must be `na` (§4). A draft may leave criteria
/// unjudged (docs/records.md): they resolve as `na` does, and only the judgements it holds
/// are checked.
struct JudgementSheet: Sendable {
    private let index: [String: Int]
    /// Each criterion's id and action, and whether it may be `na` and depends on needs: read
    /// from here, so that no criterion is copied (with all its text) while scoring.
    let ids: [String]
    let actions: [String]
    private let notApplicable: [Bool]
    private let needsDependent: [Bool]
    /// Each criterion's weight, and its cap as (the points at or below which it applies, the
    /// capped grade's rank): the scorer's loops read these, never the criteria themselves.
    let weights: [Double]
    let caps: [(points: Double, rank: Int)?]
    /// The rating ids of the scale, their points and percents (docs/scoring.md §3), by index.
    let ratings: [String: Int]
    private let ratingIDs: [String]
    let points: [Double]
    let percents: [Double]

    init(_ criteria: [Criterion], framework: Framework, grades: GradeScale) {
        var index: [String: Int] = [:]
        for (i, criterion) in criteria.enumerated() { index[criterion.id] = i }
        self.index = index
        ids = criteria.map(\.id)
        actions = criteria.map(\.action)
        notApplicable = criteria.map(\.notApplicable)
        needsDependent = criteria.map(\.needsDependent)
        weights = criteria.map(\.weight)
        caps = criteria.map { criterion in
            guard let cap = criterion.cap, let at = framework.rating(cap.at), let rank = grades.rank(of: cap.grade)
            else { return nil }
            return (at.points, rank)
        }
        var ratings: [String: Int] = [:]
        for (r, rating) in framework.scale.enumerated() where ratings[rating.id] == nil { ratings[rating.id] = r }
        self.ratings = ratings
        ratingIDs = framework.scale.map(\.id)
        points = framework.scale.map(\.points)
        percents = framework.scale.map(framework.percent(of:))
    }

    /// What each criterion was judged: the index of its rating in the scale, or nil for `na`.
    typealias Resolved = [Int?]

    /// Whose judgements these are, which changes the wording and the `na` rule.
    enum Owner {
        case plan
        case advice(Advice)
    }

    /// The resolved judgements in criteria order, or nil after appending problems. When
    /// `complete`, every criterion needs a judgement; otherwise (a draft) an unjudged one
    /// resolves to nil, as `na` does. `completeness` gains the criteria judged and expected.
    func resolve(
        _ judgements: [Judgement], owner: Owner, complete: Bool, path: @autoclosure () -> String, fallbackLine: Int?,
        framework: Framework, completeness: inout Completeness, problems: inout [RecordProblem]
    ) -> Resolved? {
        let before = problems.count
        var resolved = Resolved(repeating: nil, count: ids.count)
        var judgedAt = [Int?](repeating: nil, count: ids.count)
        // Fields are read in place: binding each judgement would copy (retain) its strings.
        for j in judgements.indices {
            let line = judgements[j].line ?? fallbackLine
            func problem(_ suffix: String, _ message: String) {
                problems.append(
                    RecordProblem(
                        path: "\(path())[\(j)]" + suffix, criterion: judgements[j].criterion, line: line,
                        message: message
                    ))
            }
            // Judgements usually come in the framework's order: try the expected one first.
            let expected = j < ids.count && ids[j] == judgements[j].criterion ? j : nil
            guard let c = expected ?? index[judgements[j].criterion] else {
                problem(".criterion", unknownCriterion(judgements[j].criterion, owner: owner, framework: framework))
                continue
            }
            if let first = judgedAt[c] {
                problem("", "criterion \(judgements[j].criterion) is judged twice (first at \(path())[\(first)])")
                continue
            }
            judgedAt[c] = j
            if Self.same(judgements[j].rating, notApplicableRating) {
                if !notApplicable[c] && !noNeeds(owner, c) {
                    problem(
                        ".rating", "criterion \(ids[c]) may not be rated na (not applicable): it applies to every plan")
                }
                continue
            }
            guard let r = rating(judgements[j].rating) else {
                let allowed = (framework.scale.map(\.id) + (notApplicable[c] ? [notApplicableRating] : []))
                    .joined(separator: ", ")
                problem(
                    ".rating",
                    "criterion \(ids[c]): unknown rating \"\(judgements[j].rating)\" (expected one of: \(allowed))"
                )
                continue
            }
            if case .advice(let advice) = owner, noNeeds(owner, c) {
                problems.append(
                    RecordProblem(
                        path: "\(path())[\(j)].rating", criterion: ids[c], line: line,
                        message:
                            """
                            advice \(advice.id) identified no needs, so criterion \(ids[c]) is not \
                            applicable: rate it na, not \"\(judgements[j].rating)\"
                            """,
                        rule: .noNeedsAdviceRated, advice: advice.id
                    ))
                continue
            }
            resolved[c] = r
        }
        var unjudged = 0
        for c in ids.indices where judgedAt[c] == nil {
            unjudged += 1
            guard complete else { continue }
            var message =
                "criterion \(ids[c]) has no judgement (every criterion needs exactly one, or na where allowed)"
            if noNeeds(owner, c) { message += "; the advice identified no needs, so record it as na" }
            problems.append(RecordProblem(path: path(), criterion: ids[c], line: fallbackLine, message: message))
        }
        completeness.judged += ids.count - unjudged
        completeness.expected += ids.count
        return problems.count == before ? resolved : nil
    }

    /// The index of a rating id in the scale: a scale is a handful of words, so a scan
    /// beats hashing.
    private func rating(_ id: String) -> Int? {
        if ratingIDs.count <= 8 { return ratingIDs.firstIndex { Self.same($0, id) } }
        return ratings[id]
    }

    /// `a == b`, lengths first: comparing two different strings in full costs far more than
    /// two the same, and the words of a scale mostly differ in length.
    private static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    /// Whether criterion `c` must be `na` because the advice identified no needs.
    private func noNeeds(_ owner: Owner, _ c: Int) -> Bool {
        if case .advice(let advice) = owner { return advice.status == .noNeedsIdentified && needsDependent[c] }
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
