internal import GRDB

/// How often each criterion was given each rating, counted by the words' numbers in two
/// ``WordNumbering``s shared by every tally of a report. (A month's sections and their grades
/// are counted the same way: a grade is the section's rating.)
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

    /// Adds every rating of the packed ratings (criterion, rating) in `column` of `row`,
    /// looking each criterion up first where the one before it left off.
    mutating func addRatings(
        in row: Row, at column: Int, criteria: inout WordNumbering, ratings: inout WordNumbering
    ) throws {
        var next = 0
        try Packed.forEachItem(in: row, at: column) { item in
            guard item.count == 2 else { return }
            let criterion = criteria.number(item[0], hint: next)
            next = criterion + 1
            add(criterion, ratings.number(item[1]))
        }
    }

    /// Criterion → rating → how often, for the ratings given at least once.
    func counts(criteria: WordNumbering, ratings: WordNumbering) -> [String: [String: Int]] {
        var named: [String: [String: Int]] = [:]
        for (criterion, row) in counts.enumerated() {
            for (rating, count) in row.enumerated() where count > 0 {
                named[criteria.words[criterion], default: [:]][ratings.words[rating]] = count
            }
        }
        return named
    }
}
