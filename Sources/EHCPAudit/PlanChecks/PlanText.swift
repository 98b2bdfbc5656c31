/// A block's text cut into words and punctuation, for matching the rules' phrases
/// (docs/plan-checks.md, "Checks").
///
/// Matching is on whole words, in any case, with straight and curly apostrophes alike: a
/// word is a run of letters and digits (a digit run and a letter run are two words, so
/// "30mins" is "30" "mins" and "KS2" is "ks" "2"; a number may hold dots, as "1.5" and
/// "12.06.2025" do); a hyphen between two words is a space
/// ("one-to-one" is three words); every other mark is a word of its own, so "e.g." is
/// "e" "." "g" "." and no phrase matches across a comma or a table's cell separator.
struct PlanText {
    struct Token {
        /// Lower-cased, apostrophes straight.
        var key: String
        /// ``PlanText/hash(_:)`` of `key`'s bytes, made as the token is read: phrases are
        /// looked up and compared by it, and by `key` only when it is equal, so that no
        /// string is hashed or compared for the many tokens that start no phrase.
        var hash: Int
        /// The token's bytes in the block's UTF-8 text.
        var range: Range<Int>
        var isWord: Bool
        var isNumber: Bool
        /// What `#` in a phrase matches: a number in digits, or in words from one to twelve.
        var isNumeral: Bool
        /// Starts with a capital letter as written.
        var isCapitalised: Bool
    }

    let utf8: [UInt8]
    private(set) var tokens: [Token] = []
    /// The number of words (tokens of letters or digits).
    private(set) var wordCount = 0

    init(_ text: String) {
        utf8 = Array(text.utf8)
        tokenize()
    }

    /// FNV-1a over a key's bytes: cheap to make as a token's bytes are read.
    static func hash(_ bytes: some Sequence<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash)
    }

    /// The number words `#` matches ("one" to "twelve"), by hash.
    static let numberWordHashes: [Int] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ].map { hash($0.utf8) }

    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ]

    /// The text as written between two tokens (inclusive).
    func quote(_ first: Int, _ last: Int) -> String {
        String(decoding: utf8[tokens[first].range.lowerBound..<tokens[last].range.upperBound], as: UTF8.self)
    }

    private enum Class { case space, letter, digit, apostrophe, hyphen, mark }

    /// The class of the character at `i` and its length in bytes.
    private func classify(_ i: Int) -> (Class, Int) {
        let byte = utf8[i]
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return (.letter, 1)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return (.digit, 1)
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return (.space, 1)
        case UInt8(ascii: "'"): return (.apostrophe, 1)
        case UInt8(ascii: "-"): return (.hyphen, 1)
        case ..<0x80: return (.mark, 1)
        default: break
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard i + length <= utf8.count else { return (.mark, 1) }
        if byte == 0xC2, utf8[i + 1] == 0xA0 { return (.space, 2) }  // no-break space
        if byte == 0xE2, utf8[i + 1] == 0x80 {
            switch utf8[i + 2] {
            case 0x98, 0x99: return (.apostrophe, 3)  // ‘ ’
            case 0x90, 0x91: return (.hyphen, 3)  // ‐ ‑
            case 0x93, 0x94, 0x9C, 0x9D, 0xA2, 0xA6: return (.mark, 3)  // – — “ ” • …
            case 0x80...0x8B, 0xAF: return (.space, 3)
            default: return (.mark, 3)
            }
        }
        return (.letter, length)  // any other letter of any script
    }

    private mutating func tokenize() {
        var i = 0
        var previousWordEnd = -1
        while i < utf8.count {
            let (kind, length) = classify(i)
            switch kind {
            case .space:
                i += length
            case .hyphen, .apostrophe:
                // A hyphen between two words joins nothing: it is a space. Elsewhere it is a mark.
                if previousWordEnd == i, i + length < utf8.count, [.letter, .digit].contains(classify(i + length).0) {
                    i += length
                } else {
                    append(i..<i + length, isWord: false, isNumber: false)
                    i += length
                }
            case .mark:
                append(i..<i + length, isWord: false, isNumber: false)
                i += length
            case .letter, .digit:
                let start = i
                var end = i + length
                while end < utf8.count {
                    let (next, nextLength) = classify(end)
                    if next == kind || (kind == .letter && next == .letter) {
                        end += nextLength
                    } else if kind == .letter, next == .apostrophe, end + nextLength < utf8.count,
                        classify(end + nextLength).0 == .letter
                    {
                        end += nextLength  // child's, don't
                    } else if kind == .digit, utf8[end] == UInt8(ascii: "."), end + 1 < utf8.count,
                        classify(end + 1).0 == .digit
                    {
                        end += 1  // 1.5, and 12.06.2025 as one token
                    } else {
                        break
                    }
                }
                append(start..<end, isWord: true, isNumber: kind == .digit)
                previousWordEnd = end
                i = end
            }
        }
    }

    /// Adds the token of `range`, its key lower-cased with apostrophes straight, written
    /// straight into the string's own storage (no array per token) while its hash is made.
    private mutating func append(_ range: Range<Int>, isWord: Bool, isNumber: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let key = utf8.withUnsafeBufferPointer { text in
            String(unsafeUninitializedCapacity: range.count) { out in
                var j = range.lowerBound
                var n = 0
                while j < range.upperBound {
                    var byte = text[j]
                    if byte == 0xE2, j + 2 < range.upperBound, text[j + 1] == 0x80,
                        text[j + 2] == 0x98 || text[j + 2] == 0x99
                    {
                        byte = UInt8(ascii: "'")
                        j += 3
                    } else {
                        if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
                        j += 1
                    }
                    out[n] = byte
                    n += 1
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                }
                return n
            }
        }
        let keyHash = Int(truncatingIfNeeded: hash)
        let first = utf8[range.lowerBound]
        let isNumeral =
            isNumber || (isWord && Self.numberWordHashes.contains(keyHash) && Self.numberWords.contains(key))
        if isWord { wordCount += 1 }
        tokens.append(
            Token(
                key: key, hash: keyHash, range: range, isWord: isWord, isNumber: isNumber, isNumeral: isNumeral,
                isCapitalised: first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")))
    }
}
