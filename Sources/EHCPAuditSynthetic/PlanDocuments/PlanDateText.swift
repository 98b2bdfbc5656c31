import EHCPAudit

/// Dates written as plans write them, in each of the spec's forms.
enum PlanDateText {
    enum Form: CaseIterable {
        case longDay, ordinal, slashes, dots, dashes, iso
    }

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    static func text(_ date: CalendarDate, _ form: Form) -> String {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month < 10 ? "0\(date.month)" : "\(date.month)"
        switch form {
        case .longDay: return "\(date.day) \(months[date.month - 1]) \(date.year)"
        case .ordinal: return "\(date.day)\(suffix(date.day)) \(months[date.month - 1]) \(date.year)"
        case .slashes: return "\(day)/\(month)/\(date.year)"
        case .dots: return "\(day).\(month).\(date.year)"
        case .dashes: return "\(day)-\(month)-\(date.year)"
        case .iso: return date.description
        }
    }

    /// "June 2026": read as the 1st of the month.
    static func monthAndYear(_ date: CalendarDate) -> String { "\(months[date.month - 1]) \(date.year)" }

    private static func suffix(_ day: Int) -> String {
        switch day {
        case 1, 21, 31: "st"
        case 2, 22: "nd"
        case 3, 23: "rd"
        default: "th"
        }
    }
}
