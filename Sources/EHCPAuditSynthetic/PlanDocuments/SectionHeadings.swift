/// How a synthetic plan writes its section headings: each style is one the spec recognises.
enum SectionHeadingStyle: CaseIterable {
    /// A heading "Section F: Special educational provision".
    case sectionAndTitle
    /// A bold paragraph "F. Special educational provision" ("H1: …" for H1 and H2).
    case letterAndTitle
    /// A heading "F - Provision" ("Section H1 - …" for H1 and H2).
    case letterAndShortName
    /// A heading holding the section's title alone, "Special educational provision".
    case titleAlone
    /// A heading "Section F".
    case sectionOnly

    /// The block that opens section `id` (`H` for a combined "Section H").
    func heading(_ id: String) -> PlanBlock {
        let title = Self.titles[id] ?? ""
        let short = Self.shortNames[id] ?? ""
        let twoCharacters = id.count == 2
        switch self {
        case .sectionAndTitle: return .heading("Section \(id): \(title)")
        case .letterAndTitle: return .paragraph(twoCharacters ? "\(id): \(title)" : "\(id). \(title)", bold: true)
        case .letterAndShortName: return .heading(twoCharacters ? "Section \(id) - \(short)" : "\(id) - \(short)")
        case .titleAlone: return .heading(id == "H" ? "Section H: \(title)" : title)
        case .sectionOnly: return .heading("Section \(id)")
        }
    }

    /// The titles of criteria/ehcp-qa.yaml's sections, and a combined H's.
    static let titles = [
        "A": "Views, interests and aspirations", "B": "Special educational needs", "C": "Health needs related to SEN",
        "D": "Social care needs", "E": "Outcomes", "F": "Special educational provision", "G": "Health provision",
        "H1": "Social care provision under CSDPA 1970 section 2", "H2": "Other social care provision",
        "H": "Social care provision", "I": "Placement", "J": "Personal budget", "K": "Advice and information",
    ]

    static let shortNames = [
        "A": "Views", "B": "Needs", "C": "Health needs", "D": "Social care needs", "E": "Outcomes",
        "F": "Provision", "G": "Health provision", "H1": "Social care (CSDPA)", "H2": "Other social care",
        "H": "Social care", "I": "Placement", "J": "Personal budget", "K": "Advice",
    ]
}
