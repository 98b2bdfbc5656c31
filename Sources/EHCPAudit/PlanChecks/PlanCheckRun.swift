/// The twelve checks applied to one outlined plan (docs/plan-checks.md, "Checks").
struct PlanCheckRun {
    let outline: PlanOutline
    let rules: PlanCheckRules
    let status: PlanCheckReport.Status
    let planDate: CalendarDate?
    private(set) var findings: [PlanFinding] = []

    init(outline: PlanOutline, rules: PlanCheckRules, status: PlanCheckReport.Status, planDate: CalendarDate?) {
        self.outline = outline
        self.rules = rules
        self.status = status
        self.planDate = planDate
    }

    /// The most words a finding quotes when it quotes more than a phrase.
    static let quoteWords = 12

    mutating func apply(_ rule: PlanCheckRule, _ words: PlanChecker.Phrases) {
        let sections = rule.sections.filter { $0 != "plan" }
        switch rule.kind {
        case .missingSection:
            for section in sections where !outline.found.contains(section) { add(rule, section: section) }
        case .vagueWording:
            eachItem(sections) { section, number, part in
                for match in words.phrases.matches(in: part.text) {
                    add(rule, section, number, part, quote: part.text.quote(match.first, match.last))
                }
            }
        case .unquantifiedProvision:
            eachItem(sections) { section, number, part in
                var missing: [String] = []
                if !words.frequency.occurs(in: part.text) { missing.append("frequency") }
                if !words.amount.occurs(in: part.text) { missing.append("amount") }
                if !missing.isEmpty { add(rule, section, number, part, missing: missing) }
            }
        case .noExpertise:
            eachItem(sections) { section, number, part in
                if !words.roles.occurs(in: part.text) { add(rule, section, number, part) }
            }
        case .outcomeNotTimeBound:
            eachItem(sections) { section, number, part in
                if !words.timeFrames.occurs(in: part.text), PlanDates.all(in: part.text).isEmpty {
                    add(rule, section, number, part)
                }
            }
        case .outcomeIsProvision:
            eachItem(sections) { section, number, part in
                if let match = words.phrases.firstMatch(in: part.text) {
                    add(rule, section, number, part, quote: part.text.quote(match.first, match.last))
                }
            }
        case .settingNamedInDraft:
            guard status == .draft else { return }
            for section in sections {
                for part in outline.parts(of: section) {
                    for name in namedSettings(part.text) { add(rule, section, nil, part, quote: name) }
                }
            }
        case .noSettingInFinal:
            guard status == .final else { return }
            for section in sections where saysNoSetting(section, words.phrases) { add(rule, section: section) }
        case .staleAdvice:
            guard let planDate, let limit = rule.maxAgeDays else { return }
            for section in sections {
                for part in outline.parts(of: section) {
                    let dates = PlanDates.all(in: part.text)
                    guard let latest = dates.max(by: { $0.date < $1.date }), latest.date.days(until: planDate) > limit
                    else { continue }
                    add(rule, section, nil, part, quote: part.text.quote(latest.first, latest.last))
                }
            }
        case .noReviewDate:
            if outline.reviewDate == nil { add(rule, section: nil) }
        case .templateText:
            for part in outline.parts {
                for quote in PlanTemplateText.placeholders(in: part, rule: rule, phrases: words.phrases) {
                    let section = part.sections.first
                    add(rule, section, section.flatMap { part.items[$0] }, part, quote: quote)
                }
            }
        case .repeatedText:
            repeatedSentences(rule, sections)
        }
    }

    /// Each item of each of the sections, in order.
    private func eachItem(_ sections: [String], _ body: (String, Int, PlanOutline.Part) -> Void) {
        for section in sections {
            for (number, index) in outline.itemIndices[section] ?? [] { body(section, number, outline.parts[index]) }
        }
    }

    private mutating func add(
        _ rule: PlanCheckRule, _ section: String?, _ item: Int?, _ part: PlanOutline.Part, quote: String? = nil,
        missing: [String] = []
    ) {
        var finding = PlanFinding(
            check: rule.kind, section: section, item: item, block: part.number, quote: quote,
            criterion: section.flatMap { rule.informs[$0] } ?? rule.informs["plan"], message: rule.message,
            source: rule.source)
        finding.missing = missing
        findings.append(finding)
    }

    /// A finding about a whole section, or (no section) the whole plan.
    private mutating func add(_ rule: PlanCheckRule, section: String?) {
        findings.append(
            PlanFinding(
                check: rule.kind, section: section,
                criterion: section.flatMap { rule.informs[$0] } ?? rule.informs["plan"], message: rule.message,
                source: rule.source))
    }

    /// Settings named by a capitalised name before a setting word ("Hillcrest Primary
    /// School"), where some word of the name is not a word of kind ("Special School" names none).
    private func namedSettings(_ text: PlanText) -> [String] {
        let tokens = text.tokens
        var names: [String] = []
        for (j, token) in tokens.enumerated() where token.isCapitalised && rules.settingWords.contains(token.key) {
            var first = j
            while first > 0, tokens[first - 1].isWord, tokens[first - 1].isCapitalised,
                text.utf8[tokens[first - 1].range.upperBound..<tokens[first].range.lowerBound].allSatisfy({
                    $0 == UInt8(ascii: " ")
                })
            {
                first -= 1
            }
            let name = tokens[first..<j]
            guard name.contains(where: { !rules.settingTypeWords.contains($0.key) }) else { continue }
            names.append(text.quote(max(first, j - Self.quoteWords + 1), j))
        }
        return names
    }

    /// Section I is missing, empty, or every value in it starts with "to be confirmed" or
    /// the like. A value is what follows a label's colon, or a table row's cells after the
    /// first; a table's header row is no value.
    private func saysNoSetting(_ section: String, _ placeholders: PlanPhraseSet) -> Bool {
        guard outline.found.contains(section) else { return true }
        let parts = outline.parts(of: section)
        var values: [String] = []
        for (i, part) in parts.enumerated() {
            let text = part.block.text
            if part.block.kind == .tableRow {
                let isHeader =
                    part.block.isFirstRow && i + 1 < parts.count && parts[i + 1].block.kind == .tableRow
                    && !parts[i + 1].block.isFirstRow
                if isHeader { continue }
                let cells = text.split(separator: PlanDocument.cellSeparator, omittingEmptySubsequences: false)
                values += (cells.count > 1 ? cells.dropFirst() : cells[...]).map(String.init)
            } else if let colon = text.firstIndex(of: ":") {
                values.append(String(text[text.index(after: colon)...]))
            } else {
                values.append(text)
            }
        }
        let stated = values.map(PlanText.init).filter { $0.wordCount > 0 }
        return stated.allSatisfy { value in
            guard let match = placeholders.firstMatch(in: value) else { return false }
            return !value.tokens[..<match.first].contains(where: \.isWord)
        }
    }

    /// Sentences of at least `minWords` words found in two or more items.
    ///
    /// A sentence is known by its words' keys. They are compared, not joined into a string
    /// and hashed as one (a fifth of the checks' time): each distinct sentence is kept as its
    /// block and words, found by a hash of its words' hashes, and a sentence of the same
    /// hash is the same sentence only if its keys are equal one by one.
    private mutating func repeatedSentences(_ rule: PlanCheckRule, _ sections: [String]) {
        guard let minWords = rule.minWords else { return }
        /// Distinct sentences in the order first seen: where the first is, and every place.
        var sentences: [(part: Int, words: [Int], places: [PlanFinding.Place], quote: String)] = []
        var byHash: [Int: [Int]] = [:]
        var seenBlocks: Set<Int> = []
        for section in sections {
            for (number, index) in outline.itemIndices[section] ?? [] {
                let part = outline.parts[index]
                guard seenBlocks.insert(part.number).inserted else { continue }
                let tokens = part.text.tokens
                PlanSentences.forEach(part.text) { sentence in
                    guard sentence.count >= minWords else { return }
                    var hash = sentence.count
                    for word in sentence { hash = (hash &* 31) ^ tokens[word].hash }
                    let place = PlanFinding.Place(section: section, item: number, block: part.number)
                    let same = byHash[hash]?.first { candidate in
                        let other = outline.parts[sentences[candidate].part].text.tokens
                        let words = sentences[candidate].words
                        return words.count == sentence.count
                            && zip(words, sentence).allSatisfy { a, b in
                                other[a].hash == tokens[b].hash && other[a].key == tokens[b].key
                            }
                    }
                    if let same {
                        if !sentences[same].places.contains(where: { $0.block == part.number }) {
                            sentences[same].places.append(place)
                        }
                    } else {
                        byHash[hash, default: []].append(sentences.count)
                        let quote = part.text.quote(
                            sentence.first!, sentence[sentence.startIndex + min(sentence.count, Self.quoteWords) - 1])
                        sentences.append((index, Array(sentence), [place], quote))
                    }
                }
            }
        }
        for sentence in sentences where sentence.places.count > 1 {
            let first = sentence.places[0]
            var finding = PlanFinding(
                check: rule.kind, section: first.section, item: first.item, block: first.block, quote: sentence.quote,
                criterion: rule.informs[first.section], message: rule.message, source: rule.source)
            finding.occurrences = sentence.places
            findings.append(finding)
        }
    }
}
