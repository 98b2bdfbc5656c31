/// How the multi-agency advice behind a plan is judged (docs/scoring.md §4).
///
/// Advice criteria form one implicit section of weight 1, graded on their own boundaries.
public struct AdviceCriteria: Sendable, Equatable {
    /// An advice is timely when received no more than this many days after the request.
    public var deadlineDays: Int
    public var grades: [Grade]
    public var criteria: [Criterion]

    public init(deadlineDays: Int, grades: [Grade], criteria: [Criterion]) {
        self.deadlineDays = deadlineDays
        self.grades = grades
        self.criteria = criteria
    }
}
