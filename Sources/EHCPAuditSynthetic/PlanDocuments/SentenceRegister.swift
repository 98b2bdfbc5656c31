/// The sentences of at least 12 words already in a plan's items, so that no such sentence
/// appears twice unless a `repeated-text` fault puts it there.
///
/// A text is split at `.`, `!`, `?` and table cell separators and also read whole (up to
/// `.`, `!`, `?` only), so however a checker splits sentences, none repeats by accident.
/// Sentences are compared by their words, ignoring case and punctuation.
struct SentenceRegister {
    private var seen: Set<String> = []

    /// Adds the sentences of `text` and says true, or says false (adding nothing) if one of
    /// at least 12 words is already there.
    mutating func admit(_ text: String) -> Bool {
        let keys = Set(Self.sentences(text, splittingCells: true) + Self.sentences(text, splittingCells: false))
        guard seen.isDisjoint(with: keys) else { return false }
        seen.formUnion(keys)
        return true
    }

    static func sentences(_ text: String, splittingCells: Bool) -> [String] {
        let separators: Set<Character> = splittingCells ? [".", "!", "?", "|", "\n"] : [".", "!", "?"]
        return text.split(whereSeparator: { separators.contains($0) }).compactMap { piece in
            let words = piece.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            return words.count >= 12 ? words.joined(separator: " ") : nil
        }
    }
}
