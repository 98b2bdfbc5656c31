/// What one group (an auditor, a team, a caseworker's plans, an advice provider) did in a
/// period, as the store aggregates it: grades given and every rating of every criterion.
public struct GroupFacts: Sendable, Equatable {
    /// The group's name; nil where the records did not say.
    public var group: String?
    /// Audits (or advices, for providers).
    public var count: Int
    /// Grade id → count.
    public var grades: [String: Int]
    /// Criterion → rating id → count.
    public var ratings: [String: [String: Int]]

    public init(group: String?, count: Int = 0, grades: [String: Int] = [:], ratings: [String: [String: Int]] = [:]) {
        self.group = group
        self.count = count
        self.grades = grades
        self.ratings = ratings
    }

    /// This group's facts added to another's (for partnership totals).
    public mutating func add(_ other: GroupFacts) {
        count += other.count
        for (grade, n) in other.grades { grades[grade, default: 0] += n }
        for (criterion, byRating) in other.ratings {
            for (rating, n) in byRating { ratings[criterion, default: [:]][rating, default: 0] += n }
        }
    }

    /// The mean criterion percent of a criterion's ratings (na left out), if any were rated.
    /// Added in the ratings' id order, so that the same facts give the same figure to the
    /// last bit in every run (a dictionary's order changes from run to run, and packs sort
    /// criteria by these means).
    public func meanPercent(_ criterion: String, framework: Framework) -> Double? {
        var sum = 0.0, n = 0
        for (id, count) in (ratings[criterion] ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let rating = framework.rating(id) else { continue }
            sum += Double(count) * framework.percent(of: rating)
            n += count
        }
        return n > 0 ? sum / Double(n) : nil
    }

    /// How many ratings of a criterion fell below `actionBelow`: the actions it raised.
    public func actions(_ criterion: String, framework: Framework) -> Int {
        guard let threshold = framework.rating(framework.actionBelow)?.points else { return 0 }
        return (ratings[criterion] ?? [:]).reduce(0) { sum, entry in
            sum + ((framework.rating(entry.key)?.points ?? .infinity) < threshold ? entry.value : 0)
        }
    }
}
