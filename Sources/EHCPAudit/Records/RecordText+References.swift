extension RecordText {
    /// Why `text` cannot be an audit id, or nil when it can (docs/records.md): ASCII letters,
    /// digits, `-`, `_` and `.`, starting with a letter or a digit, so that every audit has a
    /// page of its own at an address that needs no escaping. An empty id is left to the
    /// readers, which name it as missing.
    ///
    /// ```swift
    /// RecordText.auditIdProblem("AUD-2025-06-0001")   // nil
    /// RecordText.auditIdProblem("AUD 7")              // "holds \" \" (a space); ..."
    /// ```
    public static func auditIdProblem(_ text: String) -> String? {
        guard let first = text.utf8.first else { return nil }
        if let bad = text.unicodeScalars.first(where: { !isIdScalar($0) }) {
            let described = bad == " " ? "\" \" (a space)" : "\"\(bad)\""
            return """
                holds \(described); an audit id may hold only letters A-Z and a-z, digits, "-", "_" and ".", so \
                that every audit has a page of its own: write it as "\(suggestedId(text))"
                """
        }
        guard isLetterOrDigit(first) else {
            return "starts with \"\(Character(Unicode.Scalar(first)))\": an audit id starts with a letter or a digit"
        }
        return nil
    }

    /// Why a reference (a plan, caseworker, team or auditor reference) looks like personal
    /// data, or nil when it does not (docs/records.md). Two things give one away:
    ///
    /// - a date inside it: day and month either way round, then the year (`12/03/2015`,
    ///   `12-03-2015`, `12.03.2015`, `12/03/15`, `12/13/2015`), or year, month and day
    ///   (`2015-03-12`, `2015/03/12`): the same separator twice, a month from 1 to 12, a day
    ///   from 1 to 31 and a four-digit year from 1900 to 2099 (two digits only with `/`);
    /// - two capitalised words in a row, read as a forename and a surname (`Jack Smith`,
    ///   `Smith, Jack`, `Mary O'Brien-Jones`): a capitalised word is a capital letter then
    ///   letters, `'` or `-` with at least one small letter, so `SEN`, `North-2` or `0-5`
    ///   are not, and `North 0-5 team` or `Central SEN team` pass.
    ///
    /// `example` is a reference of the right form, offered in the message.
    public static func referenceProblem(_ text: String, example: String) -> String? {
        var found: [String] = []
        if let date = date(in: text) { found.append("a date (\"\(date)\")") }
        if let name = name(in: text) { found.append("two capitalised words in a row, like a name (\"\(name)\")") }
        guard !found.isEmpty else { return nil }
        return """
            looks like personal data: it holds \(found.joined(separator: " and ")); records carry pseudonymous \
            references only, never names or birth dates: use a reference such as "\(example)" (a team or \
            place name is written without two capitalised words in a row, as in "North-East team")
            """
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isIdScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (isLetterOrDigit(UInt8(scalar.value)) || "-_.".unicodeScalars.contains(scalar))
    }

    /// `text` with each character an id may not hold made `-`, and anything before its
    /// first letter or digit left out.
    private static func suggestedId(_ text: String) -> String {
        let made = String(String.UnicodeScalarView(text.unicodeScalars.map { isIdScalar($0) ? $0 : "-" }))
        let kept = made.drop { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return kept.isEmpty ? "AUD-1" : String(kept)
    }

    /// The first date in `text` by the rules of ``referenceProblem(_:example:)``, as written.
    static func date(in text: String) -> Substring? {
        // A date takes six characters at least (1/3/15).
        guard text.utf8.count >= 6 else { return nil }
        var text = text
        let found = text.withUTF8 { bytes -> Range<Int>? in
            func isDigit(_ i: Int) -> Bool { (0x30...0x39).contains(bytes[i]) }
            // The run of digits from `start`, its value and its end; nil past four digits.
            func run(from start: Int) -> (value: Int, end: Int)? {
                var end = start, value = 0
                while end < bytes.count, isDigit(end) {
                    value = value * 10 + Int(bytes[end] - 0x30)
                    end += 1
                }
                return end > start && end - start <= 4 ? (value, end) : nil
            }
            var i = 0
            while i < bytes.count {
                // Each maximal run of digits may start a date.
                guard isDigit(i), i == 0 || !isDigit(i - 1) else {
                    i += 1
                    continue
                }
                let start = i
                defer { i = start + 1 }
                guard let a = run(from: start), a.end + 1 < bytes.count else { continue }
                let separator = bytes[a.end]
                guard
                    separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") || separator == UInt8(ascii: "."),
                    let b = run(from: a.end + 1), b.end + 1 < bytes.count, bytes[b.end] == separator,
                    let c = run(from: b.end + 1)
                else { continue }
                let (la, lb, lc) = (a.end - start, b.end - a.end - 1, c.end - b.end - 1)
                // Day and month either way round (12/03/2015, or 03/12/2015 as written in the US).
                let dayFirst =
                    la <= 2 && lb <= 2 && (1...31).contains(a.value) && (1...31).contains(b.value)
                    && (a.value <= 12 || b.value <= 12)
                    && ((lc == 4 && (1900...2099).contains(c.value)) || (lc == 2 && separator == UInt8(ascii: "/")))
                let yearFirst =
                    la == 4 && (1900...2099).contains(a.value) && lb <= 2 && (1...12).contains(b.value) && lc <= 2
                    && (1...31).contains(c.value)
                if dayFirst || yearFirst { return start..<c.end }
            }
            return nil
        }
        guard let found else { return nil }
        let utf8 = text.utf8
        return text[
            utf8.index(
                utf8.startIndex, offsetBy: found.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: found.upperBound)]
    }

    /// The first two capitalised words in a row in `text`, by the rules of
    /// ``referenceProblem(_:example:)``.
    static func name(in text: String) -> String? {
        // A capitalised word starts with a capital: ASCII text without one holds none.
        let suspect =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.contains { (0x41...0x5A).contains($0) || $0 >= 0x80 }
            } ?? true
        guard suspect else { return nil }
        var previous: Substring?
        for word in text.split(whereSeparator: \.isWhitespace) {
            let bare = word.last == "," ? word.dropLast() : word
            guard isCapitalised(bare) else {
                previous = nil
                continue
            }
            if let previous { return "\(previous) \(word)" }
            previous = word
        }
        return nil
    }

    /// A capital letter, then letters, `'`, `’` or `-`, with at least one small letter.
    private static func isCapitalised(_ word: Substring) -> Bool {
        let scalars = word.unicodeScalars
        guard let first = scalars.first, first.properties.isUppercase else { return false }
        var small = false
        for scalar in scalars.dropFirst() {
            if scalar.properties.isLowercase {
                small = true
            } else if !(scalar.properties.isAlphabetic || "'’-".unicodeScalars.contains(scalar)) {
                return false
            }
        }
        return small
    }
}
