/// A section of the plan (A to K) with its weight in the overall grade and its criteria.
public struct Section: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Share of the overall grade relative to the other applicable sections; greater than 0.
    public var weight: Double
    public var criteria: [Criterion]

    public init(id: String, title: String, weight: Double, criteria: [Criterion]) {
        self.id = id
        self.title = title
        self.weight = weight
        self.criteria = criteria
    }
}
