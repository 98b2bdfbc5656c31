/// A plan document read into sections, items and front-matter facts
/// (docs/plan-checks.md, "Sections").
///
/// A section heading is a heading block, or a paragraph of at most 12 words, that starts
/// with a section reference ("Section F", "F:", "F.", "F)", "F -", "H1:") or is a section's
/// title alone; a section runs to the next one. "Section H" with no number is H1 and H2
/// together. Text before the first section heading is the front matter. In E–H each list
/// item and table row but a table's first is an item, or, in a section with neither, each
/// paragraph of at least 6 words; an item saying there is nothing ("None") is no item.
struct PlanOutline {
    /// One block and what it is to the checks.
    struct Part {
        var number: Int
        var block: PlanDocument.Block
        var text: PlanText
        /// The sections it belongs to (two for a combined "Section H"); empty in front matter.
        var sections: [String]
        var isSectionHeading: Bool
        /// Its item number in each of its sections, when it is an item.
        var items: [String: Int] = [:]
    }

    private(set) var parts: [Part] = []
    /// Each item section's items in order: their numbers and places in `parts`, found once
    /// (the checks walk them a dozen times; filtering `parts` each time copied every part).
    private(set) var itemIndices: [String: [(number: Int, index: Int)]] = [:]
    /// Sections with a heading.
    private(set) var found: Set<String> = []
    private(set) var isDraft = false
    private(set) var planDate: CalendarDate?
    private(set) var reviewDate: CalendarDate?

    /// Sections whose items are outcomes or provision.
    static let itemSections: Set<String> = ["E", "F", "G", "H1", "H2"]

    init(_ document: PlanDocument, rules: PlanCheckRules, sectionTitles: [String: String]) {
        let titles = Dictionary(
            sectionTitles.map { (Self.squashed($0.value), $0.key) }, uniquingKeysWith: { a, _ in a })
        var current: [String] = []
        for (index, block) in document.blocks.enumerated() {
            let text = PlanText(block.text)
            var heading: [String]?
            if block.kind == .heading || (block.kind == .paragraph && text.wordCount <= 12) {
                heading = Self.sectionReference(block.text) ?? titles[Self.squashed(block.text)].map { [$0] }
            }
            if let heading {
                current = heading
                found.formUnion(heading)
            }
            parts.append(
                Part(number: index + 1, block: block, text: text, sections: current, isSectionHeading: heading != nil))
        }
        numberItems(PlanPhraseSet(rules.nothingWords))
        readFacts(rules)
    }

    /// The parts of a section, heading excluded.
    func parts(of section: String) -> [Part] {
        parts.filter { !$0.isSectionHeading && $0.sections.contains(section) }
    }

    /// An item that starts with "No", "None", "Not applicable" or the like says there is
    /// nothing to record ("No social care provision is needed"): it is not an item.
    private mutating func numberItems(_ saysNothing: PlanPhraseSet) {
        for section in Self.itemSections {
            let indices = parts.indices.filter { !parts[$0].isSectionHeading && parts[$0].sections.contains(section) }
            let structured = indices.contains { [.tableRow, .listItem].contains(parts[$0].block.kind) }
            var next = 1
            var items: [(number: Int, index: Int)] = []
            for i in indices {
                let block = parts[i].block
                let isItem =
                    structured
                    ? (block.kind == .listItem || (block.kind == .tableRow && !block.isFirstRow))
                    : (block.kind == .paragraph && parts[i].text.wordCount >= 6)
                if isItem, !saysNothing.occurs(atStartOf: parts[i].text) {
                    parts[i].items[section] = next
                    items.append((next, i))
                    next += 1
                }
            }
            itemIndices[section] = items
        }
    }

    private mutating func readFacts(_ rules: PlanCheckRules) {
        let draft = PlanPhraseSet(rules.draftWords)
        let labels = PlanPhraseSet(rules.planDateLabels)
        let review = PlanPhraseSet(rules.reviewWords)
        for part in parts {
            let frontMatter = part.sections.isEmpty
            if frontMatter || part.isSectionHeading || part.block.kind == .heading, draft.occurs(in: part.text) {
                isDraft = true
            }
            if frontMatter, planDate == nil, let label = labels.firstMatch(in: part.text) {
                planDate = PlanDates.first(in: part.text, after: label.last)?.date
            }
            if reviewDate == nil, let word = review.firstMatch(in: part.text) {
                reviewDate = PlanDates.first(in: part.text, after: word.last)?.date
            }
        }
    }

    /// Lower case, single spaces, no trailing colon: how titles are compared.
    static func squashed(_ text: String) -> String {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(
            separator: " ")
        while words.hasSuffix(":") || words.hasSuffix(".") { words.removeLast() }
        return words
    }

    /// The sections a heading's text refers to at its start, if it does.
    static func sectionReference(_ text: String) -> [String]? {
        var rest = Substring(text.drop { $0 == " " || $0 == "\t" })
        var named = false
        if rest.prefix(7).lowercased() == "section", rest.dropFirst(7).first == " " {
            rest = rest.dropFirst(8).drop { $0 == " " }
            named = true
        }
        guard let letter = rest.first, ("A"..."K").contains(letter), letter.isASCII else { return nil }
        rest = rest.dropFirst()
        var id = String(letter)
        if letter == "H", let digit = rest.first, digit == "1" || digit == "2" {
            id += String(digit)
            rest = rest.dropFirst()
        }
        let after = rest.first
        if named {
            // "Section F", "Section F: …", "Section F – …", "Section F Provision".
            guard after == nil || !(after!.isLetter || after!.isNumber) else { return nil }
        } else {
            let mark = rest.drop { $0 == " " }.first
            guard let mark, [":", ".", ")", "-", "–", "—"].contains(mark) else { return nil }
            // A dash needs a space before it: "A - Views", not "A-level".
            if [Character("-"), "–", "—"].contains(mark), rest.first != " " { return nil }
            // "A." must not be an initial ("A. N. Other"): a letter and a dot again is a name.
            if mark == ".", rest.dropFirst().drop(while: { $0 == " " }).dropFirst().first == "." { return nil }
        }
        return id == "H" ? ["H1", "H2"] : [id]
    }
}
