/// The `repeated-text` fault: one sentence of at least 12 words added to two items.
extension PlanComposer {
    /// Adds a sentence to two items of E, F, G or a separate H1 or H2 (not a combined H,
    /// whose every item is already in two sections) and notes the first.
    mutating func repeatSentence() {
        let candidates = items.filter { $0.sections.count == 1 }
        guard candidates.count >= 2 else { return }
        let first = random.int(0...candidates.count - 1)
        var second = random.int(0...candidates.count - 2)
        if second >= first { second += 1 }
        let sentence = personal(pick(PlanVocabulary.repeatedSentences))
        for placed in [candidates[first], candidates[second]] { add(sentence, to: placed) }
        let earlier = candidates[min(first, second)]
        find(.repeatedText, earlier.sections[0], item: earlier.item, block: earlier.block)
    }

    private mutating func add(_ sentence: String, to placed: PlacedItem) {
        let index = placed.block - 1
        switch blocks[index] {
        case .listItem(let text): blocks[index] = .listItem(text + " " + sentence)
        case .paragraph(let text, let bold): blocks[index] = .paragraph(text + " " + sentence, bold: bold)
        case .tableRow(var cells, let isFirst):
            let cell = placed.cell ?? 0
            cells[cell] += (cells[cell].hasSuffix(".") ? " " : ". ") + sentence
            blocks[index] = .tableRow(cells, isFirst: isFirst)
        case .title, .heading: break
        }
    }
}
