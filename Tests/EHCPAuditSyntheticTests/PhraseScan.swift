/// Finds phrases in text as the plan checks do: on word boundaries, in any case.
enum PhraseScan {
    /// How many times `phrase` occurs in `text` with no letter or digit either side.
    static func count(_ phrase: String, in text: String) -> Int {
        let haystack = Array(text.lowercased())
        let needle = Array(phrase.lowercased())
        guard !needle.isEmpty, haystack.count >= needle.count else { return 0 }
        var found = 0
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0] && haystack[start..<start + needle.count].elementsEqual(needle) {
            let before = start == 0 ? " " : haystack[start - 1]
            let after = start + needle.count == haystack.count ? " " : haystack[start + needle.count]
            if !isWordCharacter(before) || !isWordCharacter(needle[0]),
                !isWordCharacter(after) || !isWordCharacter(needle[needle.count - 1])
            {
                found += 1
            }
        }
        return found
    }

    static func contains(any phrases: [String], in text: String) -> String? {
        phrases.first { count($0, in: text) > 0 }
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
}
