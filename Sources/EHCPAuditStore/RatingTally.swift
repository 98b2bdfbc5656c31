/// How often each criterion was given each rating, counted by the words' numbers in two
/// ``WordTable``s shared by every tally of a report.
///
/// ```swift
/// var tally = RatingTally()
/// tally.add(criteria.number(item[0]), ratings.number(item[1]))
/// tally.counts(criteria: criteria, ratings: ratings)   // ["A1": ["good": 1]]
/// ```
struct RatingTally {
    /// By criterion number, then rating number.
    private var counts: [[Int]] = []

    mutating func add(_ criterion: Int, _ rating: Int) {
        if criterion >= counts.count { counts += Array(repeating: [], count: criterion + 1 - counts.count) }
        if rating >= counts[criterion].count {
            counts[criterion] += Array(repeating: 0, count: rating + 1 - counts[criterion].count)
        }
        counts[criterion][rating] += 1
    }

    /// Criterion → rating → how often, for the ratings given at least once.
    func counts(criteria: WordTable, ratings: WordTable) -> [String: [String: Int]] {
        var named: [String: [String: Int]] = [:]
        for (criterion, row) in counts.enumerated() {
            for (rating, count) in row.enumerated() where count > 0 {
                named[criteria.words[criterion], default: [:]][ratings.words[rating]] = count
            }
        }
        return named
    }
}
