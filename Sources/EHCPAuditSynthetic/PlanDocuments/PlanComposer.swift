import EHCPAudit

/// Writes one synthetic plan block by block, noting each finding where it places a fault.
///
/// Readings of the spec this truth follows (where the spec leaves room):
/// - A combined "Section H" makes each of its items an item of H1 and of H2: its findings
///   appear once for each. Its sentences are kept under 12 words, so whether the same
///   sentence "in two items" counts there never arises.
/// - `repeated-text`: one finding per repeated sentence, at the section, item and block of
///   its first occurrence.
/// - `stale-advice`: one finding per advice block of K whose date is more than 365 days
///   before the plan date (every advice block holds exactly one date; fresh advice is at
///   most 300 days old, stale advice at least 400).
/// - `template-text`: one finding per placeholder, with the section of its block (none in
///   the front matter) and no item (placeholders are only placed outside items).
/// - `missing-section`, `no-setting-in-final` and `no-review-date` point at no block.
struct PlanComposer {
    /// The file name the findings name; set before ``compose()``.
    var file = ""
    var random: SeededRandom
    let profile: PlanProfile
    let name: String
    let surname: String
    let age: Int
    var blocks: [PlanBlock] = []
    var findings: [ExpectedPlanFinding] = []
    /// The items of E–H, for placing repeated sentences.
    var items: [PlacedItem] = []
    var sentences = SentenceRegister()
    /// For each list ``deal(_:_:)`` draws from, the indexes not yet drawn in this round.
    var decks: [String: [Int]] = [:]

    /// Where an item is: its sections (two for a combined H), number and block, and the
    /// table cell its main text is in.
    struct PlacedItem {
        var sections: [String]
        var item: Int
        var block: Int
        var cell: Int?
    }

    init(seed: String, words: Int, asOf: CalendarDate) {
        random = SeededRandom(seed: seed)
        profile = PlanProfile(random: &random, words: words, asOf: asOf)
        name = PlanVocabulary.firstNames[random.int(0...PlanVocabulary.firstNames.count - 1)]
        surname = PlanVocabulary.surnames[random.int(0...PlanVocabulary.surnames.count - 1)]
        age = random.int(6...15)
    }

    /// The whole plan, its findings sorted.
    mutating func compose() -> (blocks: [PlanBlock], findings: [ExpectedPlanFinding]) {
        frontMatter()
        narrative("A", PlanVocabulary.views, count: min(8, max(2, profile.words / 400)))
        narrative("B", PlanVocabulary.needDescriptions, count: min(10, max(3, profile.words / 250)))
        health()
        socialCare()
        let (health, care) = (max(1, profile.words * 6 / 2800), max(1, profile.words * 4 / 1200))
        // What E and F are left to fill once the rest (about 30 words a health item, 20 a
        // pair of care items, 150 for I, J and K) is counted.
        let written = blocks.reduce(0) { $0 + $1.documentBlock.text.split(separator: " ").count }
        let left = max(0, profile.words - written - health * 30 - care * 20 - 150)
        outcomes(count: 3, budget: left * 7 / 20)
        provision(count: 4, budget: left * 13 / 20)
        healthProvision(count: health)
        careProvision(count: care)
        placement()
        budget()
        advice()
        if profile.repeats { repeatSentence() }
        return (blocks, findings.sorted())
    }

    /// Appends `block` and gives its number.
    @discardableResult
    mutating func append(_ block: PlanBlock) -> Int {
        blocks.append(block)
        return blocks.count
    }

    mutating func find(
        _ check: PlanCheckKind, _ section: String? = nil, item: Int? = nil, block: Int? = nil, quote: String? = nil,
        missing: [String]? = nil
    ) {
        findings.append(
            .init(
                file: file, check: check, section: section, item: item, block: block, quote: quote, missing: missing))
    }

    /// Text with `@` replaced by the child's first name.
    func personal(_ text: String) -> String { text.replacingOccurrences(of: "@", with: name) }

    mutating func pick<T>(_ choices: [T]) -> T { choices[random.int(0...choices.count - 1)] }

    /// One of `choices` not yet drawn under `key`, so a plan uses each before any twice.
    mutating func deal(_ key: String, _ choices: [String]) -> String {
        var deck = decks[key] ?? []
        if deck.isEmpty { deck = Array(choices.indices) }
        let index = deck.remove(at: random.int(0...deck.count - 1))
        decks[key] = deck
        return choices[index]
    }

    /// Opens section `id` with its heading, or notes it missing; false when it is missing.
    mutating func open(_ id: String) -> Bool {
        guard profile.has(id) else {
            find(.missingSection, id)
            return false
        }
        append(profile.headings.heading(id))
        return true
    }

    /// Adds the placeholder paragraphs the profile puts in `section` (`nil`: front matter).
    mutating func templates(in section: String?) {
        for index in profile.templates where PlanFaultPhrases.templates[index].section == section {
            let block = append(.paragraph(PlanFaultPhrases.templates[index].text))
            find(.templateText, section, block: block)
        }
    }
}

extension String {
    func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }

    /// The text with its first letter in upper case.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
