import EHCPAudit

/// Sections F, G, H1 and H2: provision, quantified and delivered by someone named unless a
/// fault says otherwise.
extension PlanComposer {
    /// One provision as written: what, how often, how much, by whom, and any vague clause.
    struct Provision {
        var need: String
        var what: String
        var frequency: String?
        var amount: String?
        /// Who delivers it, or nil for a `no-expertise` fault.
        var role: String?
        var vague: (clause: String, phrase: String)?

        /// What the item lacks for `unquantified-provision`, or nil.
        var missing: [String]? {
            let missing = (frequency == nil ? ["frequency"] : []) + (amount == nil ? ["amount"] : [])
            return missing.isEmpty ? nil : missing
        }

        /// The provision as one sentence, as a list item or paragraph holds it.
        var sentence: String {
            let timing = [frequency, amount.map { "for \($0)" }].compactMap { $0 }.joined(separator: " ")
            let parts = [
                what + (vague.map { ", \($0.clause)" } ?? ""), timing,
                "delivered \(role.map { "by \($0)" } ?? "in class")",
            ]
            return parts.filter { !$0.isEmpty }.joined(separator: ", ") + "."
        }

        /// The provision as a table row: need, provision, frequency and amount, who.
        var cells: [String] {
            let timing = [frequency?.capitalisedFirst, amount].compactMap { $0 }.joined(separator: ", ")
            return [
                need, what + (vague.map { ", \($0.clause)" } ?? ""), timing.isEmpty ? "Not specified" : timing,
                role?.capitalisedFirst ?? "Not specified",
            ]
        }

        static let header = ["Need", "Provision", "Frequency and amount", "Delivered by"]
    }

    /// At least `count` items, and more until they hold `budget` words.
    mutating func provision(count: Int, budget: Int) {
        guard open("F") else { return }
        items(
            ["F"], count: count, budget: budget, layout: profile.layouts["F"] ?? .list,
            intro: "Provision to meet @'s needs:"
        ) {
            composer in composer.educational(roleFault: true)
        }
    }

    mutating func healthProvision(count: Int) {
        guard open("G") else { return }
        items(
            ["G"], count: count, layout: profile.layouts["G"] ?? .list, intro: "Provision agreed by the health service:"
        ) { composer in composer.educational(roleFault: false, health: true) }
    }

    /// H1 and H2, or a combined "Section H" whose items count for both.
    mutating func careProvision(count: Int) {
        let layout = profile.layouts["H"] ?? .list
        if profile.combinedH {
            guard profile.has("H") else {
                find(.missingSection, "H1")
                find(.missingSection, "H2")
                return
            }
            append(profile.headings.heading("H"))
            items(["H1", "H2"], count: count, layout: layout, intro: nil) { $0.care() }
            return
        }
        for id in ["H1", "H2"] {
            guard open(id) else { continue }
            if random.chance(0.3) {
                append(.paragraph("None identified."))
            } else {
                items([id], count: count, layout: layout, intro: nil) { $0.care() }
            }
        }
    }

    /// F or G provision with its faults drawn at the plan's rate.
    mutating func educational(roleFault: Bool, health: Bool = false) -> Provision {
        var provision = Provision(
            need: pick(PlanVocabulary.needs),
            what: (health ? pick(PlanVocabulary.healthActivities) : deal("activities", PlanVocabulary.activities))
                + " to "
                + personal(pick(PlanVocabulary.purposes)),
            frequency: pick(PlanVocabulary.frequencies), amount: pick(PlanVocabulary.amounts),
            role: pick(health ? PlanVocabulary.healthRoles : PlanVocabulary.roles))
        let roll = random.unit()
        let rate = profile.faultRate
        if roll < rate {
            let vague = pick(PlanFaultPhrases.vagueClauses)
            provision.vague = (personal(vague.clause), vague.phrase)
        } else if roll < rate * 1.7 {
            unquantify(&provision)
        } else if roleFault, roll < rate * 2.2 {
            provision.role = nil
        }
        return provision
    }

    /// Social care provision: short, and only ever unquantified as a fault.
    mutating func care() -> Provision {
        var provision = Provision(
            need: "", what: pick(PlanVocabulary.careActivities), frequency: pick(PlanVocabulary.careFrequencies),
            amount: pick(PlanVocabulary.careAmounts), role: pick(PlanVocabulary.careRoles))
        if random.chance(profile.faultRate) { unquantify(&provision) }
        return provision
    }

    mutating func unquantify(_ provision: inout Provision) {
        switch random.int(0...2) {
        case 0: provision.frequency = nil
        case 1: provision.amount = nil
        default: (provision.frequency, provision.amount) = (nil, nil)
        }
    }

    /// Writes at least `count` items made by `make` into the open section(s) `ids`, and more
    /// until they hold `budget` words, noting their findings.
    mutating func items(
        _ ids: [String], count: Int, budget: Int = 0, layout: PlanProfile.Layout, intro: String?,
        make: (inout PlanComposer) -> Provision
    ) {
        let care = ids.first?.hasPrefix("H") ?? false
        if layout != .paragraphs, let intro { append(.paragraph(personal(intro))) }
        if layout == .table {
            append(.tableRow(care ? Array(Provision.header.dropFirst()) : Provision.header, isFirst: true))
        }
        var (item, attempts, written) = (0, 0, 0)
        while item < count || written < budget, attempts < 4_000 {
            attempts += 1
            let provision = make(&self)
            let block: PlanBlock =
                switch (layout, care) {
                case (.table, false): .tableRow(provision.cells, isFirst: false)
                case (.table, true): .tableRow(Array(provision.cells.dropFirst()), isFirst: false)
                case (.list, true), (.paragraphs, true): .listItem(careSentence(provision))
                case (.list, false): .listItem(provision.sentence)
                case (.paragraphs, false): .paragraph(provision.sentence)
                }
            guard sentences.admit(block.documentBlock.text) else { continue }
            item += 1
            written += block.documentBlock.text.split(separator: " ").count
            let number = append(block)
            items.append(.init(sections: ids, item: item, block: number, cell: layout == .table ? (care ? 0 : 1) : nil))
            for id in ids {
                if let vague = provision.vague {
                    find(.vagueWording, id, item: item, block: number, quote: vague.phrase)
                }
                if let missing = provision.missing {
                    find(.unquantifiedProvision, id, item: item, block: number, missing: missing)
                }
                if id == "F", provision.role == nil { find(.noExpertise, id, item: item, block: number) }
            }
        }
    }

    /// "Overnight short break: once a month, 24 hours (support worker)." — under 12 words.
    func careSentence(_ provision: Provision) -> String {
        let timing = [provision.frequency, provision.amount].compactMap { $0 }.joined(separator: ", ")
        return provision.what + (timing.isEmpty ? "" : ": \(timing)") + " (\(provision.role ?? ""))."
    }
}
