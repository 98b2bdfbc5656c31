/// Cuts a block's words into sentences, for finding text copied between items.
enum PlanSentences {
    /// Each sentence as the indices of its words in `text.tokens`. A sentence ends at ".",
    /// "!", "?", ";", a table's cell separator or a line break.
    static func split(_ text: PlanText) -> [[Int]] {
        var sentences: [[Int]] = []
        var current: [Int] = []
        var previousEnd = 0
        for (i, token) in text.tokens.enumerated() {
            if text.utf8[previousEnd..<token.range.lowerBound].contains(UInt8(ascii: "\n")), !current.isEmpty {
                sentences.append(current)
                current = []
            }
            previousEnd = token.range.upperBound
            if token.isWord {
                current.append(i)
            } else if [".", "!", "?", ";", "|"].contains(token.key), !current.isEmpty {
                sentences.append(current)
                current = []
            }
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }
}
