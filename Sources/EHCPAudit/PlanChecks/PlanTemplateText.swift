/// Finds template text left in a plan: `[Insert child's name]`, `<<date>>`, `{{name}}`,
/// "XXX", "Lorem ipsum" (docs/plan-checks.md, `template-text`).
enum PlanTemplateText {
    /// How far a bracket or marker may run before its closing mark: a placeholder is short.
    static let longest = 80

    /// Each placeholder as written, at most 12 words of it.
    static func placeholders(in part: PlanOutline.Part, rule: PlanCheckRule, phrases: PlanPhraseSet) -> [String] {
        let utf8 = part.text.utf8
        var found: [(at: Int, quote: String)] = []
        func closing(_ open: UInt8) -> UInt8? {
            switch open {
            case UInt8(ascii: "["): UInt8(ascii: "]")
            case UInt8(ascii: "<"): UInt8(ascii: ">")
            case UInt8(ascii: "{"): UInt8(ascii: "}")
            default: nil
            }
        }
        /// From `start` to the first `close` byte within reach (the whole of a marker's closing pair).
        func span(_ start: Int, from: Int, close: UInt8, pair: Bool) -> Range<Int>? {
            var i = from
            while i < min(utf8.count, start + longest) {
                if utf8[i] == close {
                    return start..<min(utf8.count, i + (pair && i + 1 < utf8.count && utf8[i + 1] == close ? 2 : 1))
                }
                i += 1
            }
            return nil
        }
        for (i, byte) in utf8.enumerated() where byte == UInt8(ascii: "[") {
            guard let range = span(i, from: i + 1, close: UInt8(ascii: "]"), pair: false) else { continue }
            let inner = PlanText(String(decoding: utf8[range.dropFirst().dropLast()], as: UTF8.self))
            if inner.tokens.contains(where: { token in rule.bracketWords.contains { token.key.hasPrefix($0) } }) {
                found.append((i, shortened(utf8[range])))
            }
        }
        for marker in rule.markers {
            let bytes = Array(marker.utf8)
            guard let first = bytes.first else { continue }
            var i = 0
            while i + bytes.count <= utf8.count {
                if utf8[i] == first, Array(utf8[i..<i + bytes.count]) == bytes {
                    let range =
                        closing(first).flatMap { span(i, from: i + bytes.count, close: $0, pair: bytes.count > 1) }
                        ?? i..<i + bytes.count
                    found.append((i, shortened(utf8[range])))
                    i = range.upperBound
                } else {
                    i += 1
                }
            }
        }
        for match in phrases.matches(in: part.text) {
            found.append((part.text.tokens[match.first].range.lowerBound, part.text.quote(match.first, match.last)))
        }
        return found.sorted { $0.at < $1.at }.map(\.quote)
    }

    /// The text of a placeholder, cut to its first 12 words.
    private static func shortened(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        return words.count <= PlanCheckRun.quoteWords
            ? text : words.prefix(PlanCheckRun.quoteWords).joined(separator: " ") + " …"
    }
}
