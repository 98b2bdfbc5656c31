/// A criteria framework: the rating scale, grade boundaries, weighted sections of
/// criteria and, optionally, the criteria for multi-agency advice.
///
/// A framework is data, written by the QA lead in YAML (see `criteria/ehcp-qa.yaml`); the
/// engine hard-codes no section, criterion, weight or boundary. Building one checks every
/// rule of docs/scoring.md §1 and throws a ``FrameworkError`` listing each rule broken, so a
/// `Framework` value is always valid.
///
/// ```swift
/// let framework = try Framework(
///     id: "mini", version: "1", title: "Mini",
///     scale: [Rating(id: "good", label: "Good", points: 2), Rating(id: "poor", label: "Poor", points: 1)],
///     actionBelow: "good",
///     grades: [Grade(id: "pass", label: "Pass", minPercent: 50), Grade(id: "fail", label: "Fail", minPercent: 0)],
///     sections: [Section(id: "A", title: "Views", weight: 1, criteria: [
///         Criterion(id: "A1", text: "Views in own words", action: "Record the child's own words.")])])
/// ```
public struct Framework: Sendable, Equatable {
    public let id: String
    public let version: String
    public let title: String
    /// Rating words, best first, points strictly decreasing.
    public let scale: [Rating]
    /// A rating worth fewer points than this one yields an improvement action.
    public let actionBelow: String
    public let grades: GradeScale
    public let sections: [Section]
    public let advice: AdviceCriteria?

    /// Where each criterion sits, for constant-time lookup while validating records.
    let locations: [String: CriterionLocation]
    let ratingsByID: [String: Rating]

    public init(
        id: String, version: String, title: String, scale: [Rating], actionBelow: String,
        grades: [Grade], sections: [Section], advice: AdviceCriteria? = nil
    ) throws(FrameworkError) {
        self.id = id
        self.version = version
        self.title = title
        self.scale = scale
        self.actionBelow = actionBelow
        self.grades = GradeScale(grades)
        self.sections = sections
        self.advice = advice
        var ratings: [String: Rating] = [:]
        for rating in scale where ratings[rating.id] == nil { ratings[rating.id] = rating }
        self.ratingsByID = ratings
        var locations: [String: CriterionLocation] = [:]
        for (s, section) in sections.enumerated() {
            for (c, criterion) in section.criteria.enumerated() where locations[criterion.id] == nil {
                locations[criterion.id] = .section(s, c)
            }
        }
        for (c, criterion) in (advice?.criteria ?? []).enumerated() where locations[criterion.id] == nil {
            locations[criterion.id] = .advice(c)
        }
        self.locations = locations
        let problems = FrameworkRules.check(self)
        if !problems.isEmpty { throw FrameworkError(problems: problems) }
    }

    /// The highest points on the scale (`pmax`).
    public var maxPoints: Double { scale.first?.points ?? 0 }
    /// The lowest points on the scale (`pmin`).
    public var minPoints: Double { scale.last?.points ?? 0 }

    /// The rating with this id, if the scale has one.
    public func rating(_ id: String) -> Rating? { ratingsByID[id] }

    /// How a report names a rating id (`na`: "N/A") or a grade id: its label, else the id.
    public func label(rating id: String) -> String { id == notApplicableRating ? "N/A" : rating(id)?.label ?? id }
    public func label(grade id: String) -> String { grades.grades.first { $0.id == id }?.label ?? id }

    /// Criterion percent `c = 100 * (points - pmin) / (pmax - pmin)` (docs/scoring.md §3).
    public func percent(of rating: Rating) -> Double {
        100 * (rating.points - minPoints) / (maxPoints - minPoints)
    }
}

/// Where a criterion id lives in a framework.
enum CriterionLocation: Sendable, Equatable {
    case section(Int, Int)
    case advice(Int)
}
