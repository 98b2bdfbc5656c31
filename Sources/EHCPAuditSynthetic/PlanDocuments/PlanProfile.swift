import EHCPAudit

/// The choices made once for a synthetic plan: its format, status, look and faults.
struct PlanProfile {
    /// How the items of a section are laid out.
    enum Layout: CaseIterable {
        case table, list, paragraphs
    }

    var format: SyntheticPlanDocument.Format
    var isDraft: Bool
    var headings: SectionHeadingStyle
    var combinedH: Bool
    /// At most one of A, B, C, D, G, H (H1 and H2), I, J, K.
    var missing: String?
    var hasReviewDate: Bool
    /// For each item of E–H, the chance of each item fault.
    var faultRate: Double
    /// The chance that each advice in K is stale.
    var staleRate: Double
    /// Draft: section I names a school. Final: section I says only "to be confirmed".
    var settingFault: Bool
    var repeats: Bool
    /// Indexes into ``PlanFaultPhrases/templates``.
    var templates: [Int]
    var layouts: [String: Layout]
    var planDate: CalendarDate
    var words: Int

    init(random: inout SeededRandom, words: Int, asOf: CalendarDate) {
        format = SyntheticPlanDocument.Format.allCases[random.int(0...2)]
        isDraft = random.chance(0.25)
        headings = SectionHeadingStyle.allCases[random.int(0...SectionHeadingStyle.allCases.count - 1)]
        combinedH = random.chance(0.25)
        missing = random.chance(0.15) ? ["A", "B", "C", "D", "G", "H", "I", "J", "K"][random.int(0...8)] : nil
        hasReviewDate = !random.chance(0.12)
        faultRate = random.pick([(0.0, 2), (0.05, 4), (0.12, 3), (0.25, 1)])
        staleRate = random.pick([(0.0, 3), (0.2, 1)])
        settingFault = random.chance(isDraft ? 0.4 : 0.12)
        repeats = random.chance(0.3)
        let templateCount = random.pick([(0, 6), (1, 2), (2, 1)])
        var templates: [Int] = []
        while templates.count < templateCount {
            let index = random.int(0...PlanFaultPhrases.templates.count - 1)
            if !templates.contains(index) { templates.append(index) }
        }
        self.templates = templates
        let choices: [Layout] = format == .md ? [.list, .paragraphs] : Layout.allCases
        var layouts: [String: Layout] = [:]
        for id in ["E", "F", "G", "H", "K"] { layouts[id] = choices[random.int(0...choices.count - 1)] }
        // Social care items are short: as paragraphs of under 6 words they would not be items.
        if layouts["H"] == .paragraphs { layouts["H"] = .list }
        self.layouts = layouts
        planDate = asOf.adding(days: -random.int(0...330))
        self.words = words
    }

    /// Whether section `id` is written (H1 and H2 go together).
    func has(_ id: String) -> Bool { missing != (id.hasPrefix("H") ? "H" : id) }
}
