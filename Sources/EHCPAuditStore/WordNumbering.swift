/// Short words read as bytes from packed columns (section, criterion, grade and rating ids),
/// each numbered in the order first seen and its text made once: reports count into arrays
/// by number rather than make a string and hash it for every one of millions of items, and
/// audits read for moderation and re-audits share one text for each id ``text(_:)`` gives.
/// It forgets no word. (The JSON decoder's `WordTextCache` does another job: it remembers a
/// few texts, and may forget them.)
///
/// Items mostly come in the same order row after row: `number(_:hint:)` tries the number
/// `hint` first (the one after the previous item's, say), then looks the word up.
///
/// ```swift
/// var criteria = WordNumbering()
/// let n = criteria.number(item[0], hint: previous + 1)   // item: Packed.Fields
/// criteria.words[n]   // "A1"
/// criteria.text(item[0])   // "A1", the same text each time
/// ```
struct WordNumbering {
    /// The words, by number.
    private(set) var words: [String] = []
    private var bytes: [[UInt8]] = []
    private var numbers: [String: Int] = [:]

    /// The number of `word`, the next one if it is new.
    mutating func number(_ word: UnsafeRawBufferPointer, hint: Int = 0) -> Int {
        if hint >= 0, hint < bytes.count, Self.equal(bytes[hint], word) { return hint }
        // A few words (grades, ratings, sections) are sooner compared than hashed.
        if bytes.count <= 16, let known = bytes.firstIndex(where: { Self.equal($0, word) }) { return known }
        let text = String(decoding: word, as: UTF8.self)
        if let known = numbers[text] { return known }
        numbers[text] = words.count
        words.append(text)
        bytes.append(Array(word))
        return words.count - 1
    }

    /// The text of `word`, made the first time it is met and shared after.
    mutating func text(_ word: UnsafeRawBufferPointer) -> String { words[number(word)] }

    private static func equal(_ known: [UInt8], _ word: UnsafeRawBufferPointer) -> Bool {
        guard known.count == word.count else { return false }
        for i in known.indices where known[i] != word[i] { return false }
        return true
    }
}
