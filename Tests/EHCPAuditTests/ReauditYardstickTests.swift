import Testing

@testable import EHCPAudit

/// Comparing along a yardstick (``Reaudit/Marks``, how reports compare tens of thousands of
/// pairs) gives what comparing the two audits' dictionaries of ratings gives, worked out
/// here the plain way, whatever order the ratings come in and whatever they hold.
struct ReauditYardstickTests {
    let framework = try! Fixtures.framework()

    /// The comparison of docs/reports.md, "Re-audited plans", over dictionaries: the reference.
    func reference(
        _ before: [String: String], _ after: [String: String]
    ) -> (
        raised: [String], lowered: [String], actions: [Reaudit.ActionStatus]
    ) {
        let criteria = framework.sections.flatMap { $0.criteria.map(\.id) }
        let points = { (id: String?) in id.flatMap { self.framework.rating($0)?.points } }
        var raised: [String] = [], lowered: [String] = []
        for c in criteria {
            guard let was = points(before[c]), let now = points(after[c]), was != now else { continue }
            if now > was { raised.append(c) } else { lowered.append(c) }
        }
        let threshold = framework.rating(framework.actionBelow)!.points
        let actions = before.keys.sorted().map { c -> Reaudit.ActionStatus in
            guard criteria.contains(c), let now = points(after[c]) else { return .notAssessed }
            return now >= threshold ? .closed : .open
        }
        return (raised, lowered, actions)
    }

    func audit(_ id: String, _ ratings: [String: String]) -> Reaudit.Audit {
        Reaudit.Audit(
            auditId: id, planId: "P1", date: CalendarDate("2025-06-01")!, grade: "good", percent: 60, team: nil,
            ratings: ratings, actions: ratings.keys.sorted())
    }

    @Test func marksCompareAsTheDictionariesDoWhateverTheRatings() {
        var random = SystemRandomNumberGenerator()
        let criteria = framework.sections.flatMap { $0.criteria.map(\.id) } + ["Z9", ""]
        let words = framework.scale.map(\.id) + ["na", "Good", "", "goodish"]
        for _ in 0..<500 {
            func ratings() -> [String: String] {
                Dictionary(
                    criteria.shuffled(using: &random).prefix(Int.random(in: 0...criteria.count, using: &random))
                        .map { ($0, words.randomElement(using: &random)!) }, uniquingKeysWith: { a, _ in a })
            }
            let (before, after) = (ratings(), ratings())
            let reaudit = Reaudit(previous: audit("A", before), latest: audit("B", after), framework: framework)
            let expected = reference(before, after)
            #expect(reaudit.raised.map(\.criterion) == expected.raised)
            #expect(reaudit.lowered.map(\.criterion) == expected.lowered)
            #expect(reaudit.actions.map(\.status) == expected.actions)
            #expect(reaudit.raised.allSatisfy { before[$0.criterion] == $0.before && after[$0.criterion] == $0.after })
        }
    }

    @Test func ratingsInTheFrameworksOrderOrNotLayTheSameMarks() {
        let yardstick = Reaudit.Yardstick(framework)
        let ratings = framework.sections.flatMap(\.criteria).enumerated().map { i, criterion in
            (criterion.id, framework.scale[i % framework.scale.count].id)
        }
        func laid(_ ratings: [(String, String)]) -> Reaudit.Marks {
            var marks = Reaudit.Marks(yardstick)
            for (criterion, rating) in ratings {
                Array(criterion.utf8).withUnsafeBytes { c in
                    Array(rating.utf8).withUnsafeBytes { r in yardstick.mark(&marks, criterion: c, rating: r) }
                }
            }
            return marks
        }
        let inOrder = laid(ratings)
        #expect(inOrder == laid(ratings.reversed()))
        #expect(inOrder == laid(ratings.shuffled()))
        #expect(inOrder == yardstick.marks(Dictionary(uniqueKeysWithValues: ratings)))
        #expect(inOrder != Reaudit.Marks(yardstick))
        #expect(
            laid([("Z9", "good"), ("A1", "na")]) == Reaudit.Marks(yardstick), "unknown criteria and N/A mark nothing")
    }
}
