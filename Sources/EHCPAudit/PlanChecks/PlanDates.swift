/// Finds the dates written in a block of a plan (docs/plan-checks.md, "Front matter facts").
///
/// Read forms: `12/06/2025`, `12.06.2025`, `12-06-2025` (day first), `12 June 2025`,
/// `12th June 2025`, `12th of June 2025`, `June 2025` (the 1st), `2025-06-12`; month names in
/// full or shortened ("Jun", "Sept"). A form that names no real day ("31/02/2025") is not a date.
enum PlanDates {
    struct Found {
        var date: CalendarDate
        /// Where it is, in tokens of the block's ``PlanText``.
        var first: Int
        var last: Int
    }

    /// Every date in the text, in order, none overlapping.
    static func all(in text: PlanText) -> [Found] {
        var found: [Found] = []
        var i = 0
        let tokens = text.tokens
        while i < tokens.count {
            if let date = date(in: text, at: i) {
                found.append(date)
                i = date.last + 1
            } else {
                i += 1
            }
        }
        return found
    }

    /// The first date that starts after token `index`.
    static func first(in text: PlanText, after index: Int) -> Found? {
        all(in: text).first { $0.first > index }
    }

    private static let months: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        var months: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            months[name] = i + 1
            months[String(name.prefix(3))] = i + 1
        }
        months["sept"] = 9
        return months
    }()

    private static func number(_ token: PlanText.Token, digits: ClosedRange<Int>) -> Int? {
        guard token.isNumber, digits.contains(token.key.utf8.count), !token.key.contains(".") else { return nil }
        return Int(token.key)
    }

    /// The date whose first token is `i`, if one starts there.
    private static func date(in text: PlanText, at i: Int) -> Found? {
        let t = text.tokens
        func token(_ k: Int) -> PlanText.Token? { k < t.count ? t[k] : nil }
        /// Token `b` follows token `a` after exactly one `separator` byte (PlanText drops a
        /// hyphen between two numbers, so the text decides).
        func joined(_ a: Int, _ b: Int, by separator: Character) -> Bool {
            let gap = t[a].range.upperBound
            return b < t.count && t[b].range.lowerBound == gap + 1 && text.utf8[gap] == separator.asciiValue!
        }
        let first = t[i]
        // 12.06.2025: one number token with two dots.
        if first.isNumber, first.key.contains(".") {
            let parts = first.key.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
                let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
            else { return nil }
            return CalendarDate(year: year, month: month, day: day).map { Found(date: $0, first: i, last: i) }
        }
        // 2025-06-12.
        if let year = number(first, digits: 4...4), let month = token(i + 1).flatMap({ number($0, digits: 2...2) }),
            let day = token(i + 2).flatMap({ number($0, digits: 2...2) }), joined(i, i + 1, by: "-"),
            joined(i + 1, i + 2, by: "-")
        {
            return CalendarDate(year: year, month: month, day: day).map { Found(date: $0, first: i, last: i + 2) }
        }
        if let day = number(first, digits: 1...2) {
            // 12/06/2025.
            if token(i + 1)?.key == "/", token(i + 3)?.key == "/",
                let month = token(i + 2).flatMap({ number($0, digits: 1...2) }),
                let year = token(i + 4).flatMap({ number($0, digits: 4...4) })
            {
                return CalendarDate(year: year, month: month, day: day).map { Found(date: $0, first: i, last: i + 4) }
            }
            // 12-06-2025.
            if let month = token(i + 1).flatMap({ number($0, digits: 1...2) }),
                let year = token(i + 2).flatMap({ number($0, digits: 4...4) }), joined(i, i + 1, by: "-"),
                joined(i + 1, i + 2, by: "-")
            {
                return CalendarDate(year: year, month: month, day: day).map { Found(date: $0, first: i, last: i + 2) }
            }
            // 12 June 2025, 12th June 2025, 12th of June 2025.
            var k = i + 1
            if let suffix = token(k), ["st", "nd", "rd", "th"].contains(suffix.key),
                suffix.range.lowerBound == first.range.upperBound
            {
                k += 1
            }
            if token(k)?.key == "of" { k += 1 }
            guard let named = monthYear(t, k) else { return nil }
            return CalendarDate(year: named.year, month: named.month, day: day).map {
                Found(date: $0, first: i, last: named.last)
            }
        }
        // June 2025.
        guard let named = monthYear(t, i) else { return nil }
        return CalendarDate(year: named.year, month: named.month, day: 1).map {
            Found(date: $0, first: i, last: named.last)
        }
    }

    private static func monthYear(_ t: [PlanText.Token], _ k: Int) -> (month: Int, year: Int, last: Int)? {
        guard k < t.count, let month = months[t[k].key] else { return nil }
        var y = k + 1
        if y < t.count, t[y].key == "." { y += 1 }
        guard y < t.count, let year = number(t[y], digits: 4...4) else { return nil }
        return (month, year, y)
    }
}
