import Testing

@testable import EHCPAuditStore

/// Words read as bytes are numbered once each, in the order first seen, whatever the hint.
struct WordTableTests {
    func number(_ table: inout WordTable, _ word: String, hint: Int = 0) -> Int {
        Array(word.utf8).withUnsafeBytes { table.number($0, hint: hint) }
    }

    @Test func eachWordHasOneNumberInTheOrderFirstSeen() {
        var table = WordTable()
        // More than the few words compared one by one, some longer than Swift keeps inline.
        let words = (1...40).map { "criterion-\($0)" } + ["é", "", "requires-improvement"]
        for (i, word) in words.enumerated() {
            #expect(number(&table, word, hint: i) == i)
        }
        for (i, word) in words.enumerated().reversed() {
            #expect(number(&table, word, hint: 0) == i)
            #expect(number(&table, word, hint: i) == i)
            #expect(number(&table, word, hint: -1) == i)
            #expect(number(&table, word, hint: 1000) == i)
        }
        #expect(table.words == words)
    }

    @Test func aTallyCountsEachRatingOfEachCriterion() {
        var criteria = WordTable(), ratings = WordTable(), tally = RatingTally()
        for (criterion, rating) in [("A1", "good"), ("A2", "na"), ("A1", "good"), ("A1", "inadequate"), ("B9", "good")]
        {
            tally.add(number(&criteria, criterion), number(&ratings, rating))
        }
        #expect(
            tally.counts(criteria: criteria, ratings: ratings) == [
                "A1": ["good": 2, "inadequate": 1], "A2": ["na": 1], "B9": ["good": 1],
            ])
        #expect(RatingTally().counts(criteria: criteria, ratings: ratings).isEmpty)
    }
}
