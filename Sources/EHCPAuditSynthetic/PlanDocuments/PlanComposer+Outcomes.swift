import EHCPAudit

/// Section E: outcomes, each time-bound and about the child unless a fault says otherwise.
extension PlanComposer {
    /// At least `count` outcomes, and more until they hold `budget` words.
    mutating func outcomes(count: Int, budget: Int) {
        guard open("E") else { return }
        let layout = profile.layouts["E"] ?? .list
        if layout != .paragraphs { append(.paragraph(personal("These outcomes were agreed with @ and @'s parents."))) }
        if layout == .table { append(.tableRow(["Area of need", "Outcome"], isFirst: true)) }
        var (item, attempts, written) = (0, 0, 0)
        while item < count || written < budget, attempts < 4_000 {
            attempts += 1
            let roll = random.unit()
            let untimed = roll < profile.faultRate * 0.7
            let service = !untimed && roll < profile.faultRate * 1.3 ? pick(PlanFaultPhrases.serviceClauses) : nil
            let skill = personal(deal("skills", PlanVocabulary.skills))
            let frame = untimed ? "" : " " + timeFrame()
            let text =
                if let service {
                    "\(name) \(service.phrase) \(service.rest) so that \(name) can \(skill)\(frame)."
                } else {
                    "\(name) will \(skill) \(pick(PlanVocabulary.contexts))\(frame)."
                }
            let block: PlanBlock =
                switch layout {
                case .table: .tableRow([pick(PlanVocabulary.outcomeAreas), text], isFirst: false)
                case .list: .listItem(text)
                case .paragraphs: .paragraph(text)
                }
            guard sentences.admit(block.documentBlock.text) else { continue }
            item += 1
            written += block.documentBlock.text.split(separator: " ").count
            let number = append(block)
            items.append(.init(sections: ["E"], item: item, block: number, cell: layout == .table ? 1 : nil))
            if untimed { find(.outcomeNotTimeBound, "E", item: item, block: number) }
            if service != nil { find(.outcomeIsProvision, "E", item: item, block: number) }
        }
    }

    /// A time frame in one of the spec's forms, for a child of the plan's age.
    mutating func timeFrame() -> String {
        let year = age - 5
        let stage = year <= 2 ? 1 : year <= 6 ? 2 : year <= 9 ? 3 : 4
        let target = profile.planDate.adding(days: random.int(200...360))
        return pick([
            "by the end of Year \(min(year + 1, 11))", "by the end of Key Stage \(stage)",
            "by \(PlanDateText.monthAndYear(target))", "within 12 months", "within 6 months",
            "by the end of the spring term", "by the end of the summer term", "by the age of \(age + 2)",
            "by the next annual review",
        ])
    }
}
