/// The rules of docs/scoring.md §1, checked when a ``Framework`` is built.
///
/// Each check appends a ``FrameworkProblem`` naming the entry and the rule, so the author
/// sees every mistake in one pass rather than one per run.
enum FrameworkRules {
    /// The largest weight and the largest size of a rating's points. Real frameworks use
    /// single figures; the bound keeps every sum, product and percent finite, so no
    /// framework that loads can overflow while scoring.
    static let largestNumber = 1_000_000.0
    /// The longest advice deadline, in days (ten years).
    static let longestDeadline = 3_650

    static func check(_ framework: Framework) -> [FrameworkProblem] {
        var problems = Problems()
        checkIdentity(framework, &problems)
        checkScale(framework, &problems)
        checkGrades(framework.grades.grades, entry: "grades", &problems)
        checkSections(framework, &problems)
        if let advice = framework.advice { checkAdvice(advice, framework, &problems) }
        checkUniqueCriteria(framework, &problems)
        return problems.list
    }

    struct Problems {
        var list: [FrameworkProblem] = []
        mutating func add(_ entry: String, _ message: String) {
            list.append(FrameworkProblem(entry: entry, message: message))
        }
    }

    private static func checkIdentity(_ framework: Framework, _ problems: inout Problems) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-".utf8)
        if framework.id.isEmpty || !framework.id.utf8.allSatisfy(allowed.contains) {
            problems.add(
                "id", "framework id \"\(framework.id)\" must be lowercase letters, digits and hyphens ([a-z0-9-]+)")
        }
        if framework.version.isEmpty {
            problems.add("version", "version must not be empty")
        }
    }

    private static func checkScale(_ framework: Framework, _ problems: inout Problems) {
        let scale = framework.scale
        if scale.count < 2 {
            problems.add("scale", "the scale needs at least two ratings so that the best and worst differ")
        }
        var seen = Set<String>()
        for (i, rating) in scale.enumerated() {
            let entry = "scale[\(i)]"
            if rating.id.isEmpty { problems.add(entry, "rating id must not be empty") }
            if rating.id == notApplicableRating {
                problems.add(entry, "rating id \"na\" is reserved for not applicable")
            }
            if !seen.insert(rating.id).inserted { problems.add("\(entry).id", "duplicate rating id \"\(rating.id)\"") }
            if !(rating.points.magnitude <= largestNumber) {
                problems.add(
                    "\(entry).points",
                    """
                    rating \(rating.id): points must be a number from -\(format(largestNumber)) to \
                    \(format(largestNumber)), found \(format(rating.points))
                    """
                )
            }
            if i > 0, !(rating.points < scale[i - 1].points) {
                problems.add(
                    "\(entry).points",
                    """
                    rating \(rating.id): points must be strictly decreasing (best first), but \
                    \(format(rating.points)) follows \(format(scale[i - 1].points))
                    """
                )
            }
        }
        if framework.rating(framework.actionBelow) == nil {
            problems.add("actionBelow", "actionBelow \"\(framework.actionBelow)\" names no rating on the scale")
        }
    }

    static func checkGrades(_ grades: [Grade], entry base: String, _ problems: inout Problems) {
        if grades.isEmpty { problems.add(base, "at least one grade is needed, the last with minPercent 0") }
        var seen = Set<String>()
        for (i, grade) in grades.enumerated() {
            let entry = "\(base)[\(i)]"
            if grade.id.isEmpty { problems.add(entry, "grade id must not be empty") }
            if !seen.insert(grade.id).inserted { problems.add("\(entry).id", "duplicate grade id \"\(grade.id)\"") }
            if !(grade.minPercent >= 0 && grade.minPercent <= 100) {
                problems.add(
                    "\(entry).minPercent",
                    "grade \(grade.id): minPercent must be from 0 to 100, found \(format(grade.minPercent))")
            }
            if i > 0, !(grade.minPercent < grades[i - 1].minPercent) {
                problems.add(
                    "\(entry).minPercent",
                    """
                    grade \(grade.id): minPercent must be strictly decreasing (best first), but \
                    \(format(grade.minPercent)) follows \(format(grades[i - 1].minPercent))
                    """
                )
            }
        }
        if let last = grades.last, last.minPercent != 0 {
            problems.add(
                "\(base)[\(grades.count - 1)].minPercent",
                """
                the last grade (\(last.id)) must have minPercent 0 so that every percentage has a grade, found \
                \(format(last.minPercent))
                """
            )
        }
    }

    private static func checkSections(_ framework: Framework, _ problems: inout Problems) {
        if framework.sections.isEmpty { problems.add("sections", "at least one section is needed") }
        var seen = Set<String>()
        for (s, section) in framework.sections.enumerated() {
            let entry = "sections[\(s)]"
            if section.id.isEmpty { problems.add(entry, "section id must not be empty") }
            if !seen.insert(section.id).inserted {
                problems.add("\(entry).id", "duplicate section id \"\(section.id)\"")
            }
            if !(section.weight > 0 && section.weight <= largestNumber) {
                problems.add(
                    "\(entry).weight",
                    """
                    section \(section.id): weight must be greater than 0 and at most \(format(largestNumber)), \
                    found \(format(section.weight))
                    """
                )
            }
            if section.criteria.isEmpty {
                problems.add("\(entry).criteria", "section \(section.id) has no criteria, so it could never be graded")
            }
            for (c, criterion) in section.criteria.enumerated() {
                let criterionEntry = "\(entry).criteria[\(c)]"
                checkCriterion(
                    criterion, entry: criterionEntry, framework: framework, grades: framework.grades.grades, &problems)
                if criterion.needsDependent {
                    problems.add(
                        "\(criterionEntry).needsDependent",
                        "criterion \(criterion.id): needsDependent applies only to advice criteria")
                }
            }
        }
    }

    private static func checkAdvice(_ advice: AdviceCriteria, _ framework: Framework, _ problems: inout Problems) {
        if !(0...longestDeadline).contains(advice.deadlineDays) {
            problems.add(
                "advice.deadlineDays", "deadlineDays must be from 0 to \(longestDeadline), found \(advice.deadlineDays)"
            )
        }
        checkGrades(advice.grades, entry: "advice.grades", &problems)
        if advice.criteria.isEmpty { problems.add("advice.criteria", "advice needs at least one criterion") }
        for (c, criterion) in advice.criteria.enumerated() {
            checkCriterion(
                criterion, entry: "advice.criteria[\(c)]", framework: framework, grades: advice.grades, &problems)
        }
    }

    private static func checkCriterion(
        _ criterion: Criterion, entry: String, framework: Framework, grades: [Grade], _ problems: inout Problems
    ) {
        let name = criterion.id.isEmpty ? "criterion" : "criterion \(criterion.id)"
        if criterion.id.isEmpty { problems.add(entry, "criterion id must not be empty") }
        if criterion.text.trimmingWhitespace.isEmpty {
            problems.add("\(entry).text", "\(name): text must not be empty")
        }
        if criterion.action.trimmingWhitespace.isEmpty {
            problems.add("\(entry).action", "\(name): action must not be empty")
        }
        if !(criterion.weight > 0 && criterion.weight <= largestNumber) {
            problems.add(
                "\(entry).weight",
                """
                \(name): weight must be greater than 0 and at most \(format(largestNumber)), found \
                \(format(criterion.weight))
                """
            )
        }
        if let cap = criterion.cap {
            if framework.rating(cap.at) == nil {
                problems.add("\(entry).cap", "\(name): cap.at \"\(cap.at)\" names no rating on the scale")
            }
            if !grades.contains(where: { $0.id == cap.grade }) {
                problems.add("\(entry).cap", "\(name): cap.grade \"\(cap.grade)\" names no grade")
            }
        }
    }

    private static func checkUniqueCriteria(_ framework: Framework, _ problems: inout Problems) {
        var seen = Set<String>()
        for (s, section) in framework.sections.enumerated() {
            for (c, criterion) in section.criteria.enumerated() where !seen.insert(criterion.id).inserted {
                problems.add(
                    "sections[\(s)].criteria[\(c)].id",
                    "duplicate criterion id \"\(criterion.id)\" (criterion ids are unique in the whole framework)")
            }
        }
        for (c, criterion) in (framework.advice?.criteria ?? []).enumerated() where !seen.insert(criterion.id).inserted
        {
            problems.add(
                "advice.criteria[\(c)].id",
                "duplicate criterion id \"\(criterion.id)\" (criterion ids are unique in the whole framework)")
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[start...end]
    }
}
