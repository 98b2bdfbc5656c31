import Testing

@testable import EHCPAuditStore

/// Words read as bytes are numbered once each, in the order first seen, whatever the hint,
/// and each word's text is made once.
struct WordNumberingTests {
    func number(_ table: inout WordNumbering, _ word: String, hint: Int = 0) -> Int {
        Array(word.utf8).withUnsafeBytes { table.number($0, hint: hint) }
    }

    @Test func eachWordHasOneNumberInTheOrderFirstSeen() {
        var table = WordNumbering()
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

    @Test func eachWordsTextIsMadeOnceAndSharedAfter() {
        var table = WordNumbering()
        func text(_ word: String) -> String { Array(word.utf8).withUnsafeBytes { table.text($0) } }
        let words = (1...40).map { "criterion-\($0)" } + ["é", "", "a criterion id too long to keep inline"]
        #expect(words.map(text) == words)
        #expect(words.reversed().map(text) == words.reversed())
        #expect(table.words == words, "a word's text and its number come together")
        // Shared: a text too long for Swift to keep inline is the same storage each time.
        func storage(_ text: String) -> UnsafePointer<UInt8>? {
            text.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
        }
        let long = words.last!
        #expect(storage(text(long)) != nil && storage(text(long)) == storage(text(long)))
    }

    @Test func aTallyCountsEachRatingOfEachCriterion() {
        var criteria = WordNumbering(), ratings = WordNumbering(), tally = RatingTally()
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
