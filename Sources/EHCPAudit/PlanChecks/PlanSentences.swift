/// Cuts a block's words into sentences, for finding text copied between items.
enum PlanSentences {
    /// Calls `body` with each sentence as the indices of its words in `text.tokens`, each in
    /// one reused buffer (no array per sentence). A sentence ends at ".", "!", "?", ";", a
    /// table's cell separator or a line break.
    static func forEach(_ text: PlanText, _ body: (ArraySlice<Int>) -> Void) {
        var current: [Int] = []
        var previousEnd = 0
        let utf8 = text.utf8
        for (i, token) in text.tokens.enumerated() {
            if !current.isEmpty, utf8[previousEnd..<token.range.lowerBound].contains(UInt8(ascii: "\n")) {
                body(current[...])
                current.removeAll(keepingCapacity: true)
            }
            previousEnd = token.range.upperBound
            if token.isWord {
                current.append(i)
            } else if !current.isEmpty, token.range.count == 1, Self.ends(utf8[token.range.lowerBound]) {
                body(current[...])
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { body(current[...]) }
    }

    /// Whether a one-byte mark ends a sentence: ".", "!", "?", ";" or "|" (a token's key is
    /// its byte for such a mark).
    private static func ends(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
            || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "|")
    }
}
