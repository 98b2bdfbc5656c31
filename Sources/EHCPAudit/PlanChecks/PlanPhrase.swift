/// A phrase of the rules file, matched on whole words of a ``PlanText``.
///
/// Written as the words themselves ("access to", "e.g."), where `#` stands for a number in
/// digits or in words from one to twelve ("# times a week") and `*` for any one word
/// ("by the end of the * term").
public struct PlanPhrase: Sendable, Hashable, CustomStringConvertible {
    enum Part: Sendable, Hashable {
        case literal(String)
        case number
        case anyWord
    }

    /// As written in the rules file.
    public let description: String
    let parts: [Part]

    /// Nil when the phrase holds no word or mark.
    public init?(_ text: String) {
        let tokens = PlanText(text).tokens
        guard !tokens.isEmpty else { return nil }
        description = text
        parts = tokens.map { token in
            switch token.key {
            case "#": .number
            case "*": .anyWord
            default: .literal(token.key)
            }
        }
    }

    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ]

    /// Whether the phrase matches the tokens starting at `start`; the index of its last token.
    func match(_ tokens: [PlanText.Token], at start: Int) -> Int? {
        guard start + parts.count <= tokens.count else { return nil }
        for (offset, part) in parts.enumerated() {
            let token = tokens[start + offset]
            switch part {
            case .literal(let key): if token.key != key { return nil }
            case .number: if !token.isNumber && !Self.numberWords.contains(token.key) { return nil }
            case .anyWord: if !token.isWord { return nil }
            }
        }
        return start + parts.count - 1
    }
}

/// A list of phrases, indexed by their first word so that a block is scanned once.
struct PlanPhraseSet: Sendable {
    /// One matched phrase: its first and last token.
    struct Match {
        var phrase: PlanPhrase
        var first: Int
        var last: Int
    }

    private var byFirstWord: [String: [PlanPhrase]] = [:]
    private var startingAnywhere: [PlanPhrase] = []

    init(_ phrases: [PlanPhrase]) {
        for phrase in phrases {
            if case .literal(let key) = phrase.parts[0] {
                byFirstWord[key, default: []].append(phrase)
            } else {
                startingAnywhere.append(phrase)
            }
        }
    }

    var isEmpty: Bool { byFirstWord.isEmpty && startingAnywhere.isEmpty }

    /// Every occurrence of every phrase, in text order (phrases may overlap).
    func matches(in text: PlanText) -> [Match] {
        var found: [Match] = []
        let tokens = text.tokens
        for start in tokens.indices {
            for phrase in byFirstWord[tokens[start].key] ?? [] {
                if let last = phrase.match(tokens, at: start) {
                    found.append(Match(phrase: phrase, first: start, last: last))
                }
            }
            for phrase in startingAnywhere {
                if let last = phrase.match(tokens, at: start) {
                    found.append(Match(phrase: phrase, first: start, last: last))
                }
            }
        }
        return found
    }

    /// Whether a phrase starts at the text's first token.
    func occurs(atStartOf text: PlanText) -> Bool {
        guard let first = text.tokens.first else { return false }
        return (byFirstWord[first.key] ?? []).contains { $0.match(text.tokens, at: 0) != nil }
            || startingAnywhere.contains { $0.match(text.tokens, at: 0) != nil }
    }

    /// Whether any phrase occurs.
    func occurs(in text: PlanText) -> Bool { firstMatch(in: text) != nil }

    func firstMatch(in text: PlanText) -> Match? {
        let tokens = text.tokens
        for start in tokens.indices {
            for phrase in byFirstWord[tokens[start].key] ?? [] {
                if let last = phrase.match(tokens, at: start) { return Match(phrase: phrase, first: start, last: last) }
            }
            for phrase in startingAnywhere {
                if let last = phrase.match(tokens, at: start) { return Match(phrase: phrase, first: start, last: last) }
            }
        }
        return nil
    }
}
