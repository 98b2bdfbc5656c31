/// A phrase of the rules file, matched on whole words of a `PlanText`.
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
    /// Each part as a tag and a hash (``PlanText/Token/hash``; 0 but for a literal), plain
    /// integers compared before any string: matching copies no string and counts no reference.
    private let steps: [Step]

    struct Step: Sendable, Hashable {
        var kind: UInt8
        var hash: Int

        static let literal: UInt8 = 0
        static let number: UInt8 = 1
        static let anyWord: UInt8 = 2
    }

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
        steps = zip(parts, tokens).map { part, token in
            switch part {
            case .literal: Step(kind: Step.literal, hash: token.hash)
            case .number: Step(kind: Step.number, hash: 0)
            case .anyWord: Step(kind: Step.anyWord, hash: 0)
            }
        }
    }

    /// The hash of the phrase's first word, when it is a literal one.
    var firstHash: Int? { steps[0].kind == Step.literal ? steps[0].hash : nil }

    /// Whether the phrase's first part is `#`.
    var startsWithNumber: Bool { steps[0].kind == Step.number }

    /// Whether the phrase matches the tokens starting at `start`; the index of its last token.
    func match(_ tokens: [PlanText.Token], at start: Int) -> Int? {
        guard start + steps.count <= tokens.count else { return nil }
        for offset in steps.indices {
            let step = steps[offset]
            let at = start + offset
            switch step.kind {
            case Step.literal:
                guard tokens[at].hash == step.hash, case .literal(let key) = parts[offset], tokens[at].key == key else {
                    return nil
                }
            case Step.number: if !tokens[at].isNumeral { return nil }
            default: if !tokens[at].isWord { return nil }
            }
        }
        return start + steps.count - 1
    }
}

/// A list of phrases, indexed by their first word so that a block is scanned once.
///
/// The index is a small open-addressed table of first-word hashes (a `String`-keyed
/// dictionary hashed every token of every block once per list: most of the checks' time).
/// Phrases starting with `#` or `*` are tried at every word, after those of the token's
/// own first word, in list order, as ever.
struct PlanPhraseSet: Sendable {
    /// One matched phrase: its first and last token.
    struct Match {
        var phrase: PlanPhrase
        var first: Int
        var last: Int
    }

    private var phrases: [PlanPhrase] = []
    /// Slots of first-word hashes (`mask + 1` of them); `slotStart[i] < 0` is an empty slot.
    private var slotHash: [Int] = []
    private var slotStart: [Int] = []
    private var slotEnd: [Int] = []
    private var mask = 0
    /// Indices into `phrases`, slot by slot, each slot's in list order.
    private var byFirstWord: [Int] = []
    /// Phrases starting with `#` or `*`, in list order.
    private var startingAnywhere: [Int] = []
    /// Every phrase of `startingAnywhere` starts with `#`: a token that is no numeral starts none.
    private var anywhereNeedsNumeral = true

    init(_ phrases: [PlanPhrase]) {
        self.phrases = phrases
        var groups: [(hash: Int, members: [Int])] = []
        for (i, phrase) in phrases.enumerated() {
            if let hash = phrase.firstHash {
                if let g = groups.firstIndex(where: { $0.hash == hash }) {
                    groups[g].members.append(i)
                } else {
                    groups.append((hash, [i]))
                }
            } else {
                startingAnywhere.append(i)
                if !phrase.startsWithNumber { anywhereNeedsNumeral = false }
            }
        }
        var size = 8
        while size < groups.count * 4 { size *= 2 }
        mask = size - 1
        slotHash = Array(repeating: 0, count: size)
        slotStart = Array(repeating: -1, count: size)
        slotEnd = Array(repeating: -1, count: size)
        for group in groups {
            var slot = group.hash & mask
            while slotStart[slot] >= 0 { slot = (slot + 1) & mask }
            slotHash[slot] = group.hash
            slotStart[slot] = byFirstWord.count
            byFirstWord += group.members
            slotEnd[slot] = byFirstWord.count
        }
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// The range of `byFirstWord` holding the phrases whose first word hashes to `hash`.
    private func candidates(_ hash: Int) -> Range<Int> {
        var slot = hash & mask
        while slotStart[slot] >= 0 {
            if slotHash[slot] == hash { return slotStart[slot]..<slotEnd[slot] }
            slot = (slot + 1) & mask
        }
        return 0..<0
    }

    /// Calls `body` with each phrase that matches from token `start`, in list order
    /// (those of the token's first word, then those starting with `#` or `*`), until it returns false.
    private func eachMatch(
        _ tokens: [PlanText.Token], at start: Int, _ body: (PlanPhrase, Int) -> Bool
    ) -> Bool {
        for k in candidates(tokens[start].hash) {
            let phrase = phrases[byFirstWord[k]]
            if let last = phrase.match(tokens, at: start), !body(phrase, last) { return false }
        }
        if !startingAnywhere.isEmpty, tokens[start].isWord, tokens[start].isNumeral || !anywhereNeedsNumeral {
            for i in startingAnywhere {
                let phrase = phrases[i]
                if let last = phrase.match(tokens, at: start), !body(phrase, last) { return false }
            }
        }
        return true
    }

    /// Every occurrence of every phrase, in text order (phrases may overlap).
    func matches(in text: PlanText) -> [Match] {
        var found: [Match] = []
        let tokens = text.tokens
        for start in tokens.indices {
            _ = eachMatch(tokens, at: start) { phrase, last in
                found.append(Match(phrase: phrase, first: start, last: last))
                return true
            }
        }
        return found
    }

    /// Whether a phrase starts at the text's first token.
    func occurs(atStartOf text: PlanText) -> Bool {
        guard !text.tokens.isEmpty else { return false }
        return !eachMatch(text.tokens, at: 0) { _, _ in false }
    }

    /// Whether any phrase occurs.
    func occurs(in text: PlanText) -> Bool { firstMatch(in: text) != nil }

    func firstMatch(in text: PlanText) -> Match? {
        let tokens = text.tokens
        for start in tokens.indices {
            var found: Match?
            _ = eachMatch(tokens, at: start) { phrase, last in
                found = Match(phrase: phrase, first: start, last: last)
                return false
            }
            if let found { return found }
        }
        return nil
    }
}
