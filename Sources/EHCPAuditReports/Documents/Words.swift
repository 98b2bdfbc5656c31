import EHCPAudit

/// How figures read in reports for non-specialists.
enum Words {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// "June 2025".
    static func month(_ month: YearMonth) -> String { "\(months[month.month - 1]) \(month.year)" }

    /// "June 2025", or "April 2025 to June 2025".
    static func period(_ period: ReportPeriod) -> String {
        period.first == period.last ? month(period.first) : "\(month(period.first)) to \(month(period.last))"
    }

    /// "Jun 25", for chart axes.
    static func shortMonth(_ month: YearMonth) -> String {
        "\(months[month.month - 1].prefix(3)) \(String(month.year).suffix(2))"
    }

    /// A share as a percentage with one decimal: "25.5%".
    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded(.toNearestOrAwayFromZero))
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func percent(_ share: Double?) -> String { share.map(percent) ?? withheld }

    /// "19.0%–31.2%".
    static func interval(_ share: Share?) -> String {
        share.map { "\(percent($0.low))–\(percent($0.high))" } ?? withheld
    }

    /// A count, or `[c]` (confidential) where disclosure control hides it.
    static func count(_ count: ReportCount) -> String { count.value.map(String.init) ?? hidden }

    /// Shown for a hidden count: not `<5`, since a count hidden to protect another may be large.
    static let hidden = "[c]"

    /// Shown where a figure is withheld to protect children's privacy.
    static let withheld = "–"

    static func number(_ value: Int?) -> String { value.map(String.init) ?? "–" }

    /// What a control chart says, for a board: a signal of improvement or deterioration,
    /// or only the ordinary month-to-month variation.
    static func controlChartFinding(_ chart: ControlChart) -> String {
        let centre = chart.centre.map { percent($0) } ?? withheld
        switch chart.finding {
        case .improvement:
            return """
                There is a signal of improvement: the share of plans Good or better has moved above what \
                month-to-month variation around its average of \(centre) would explain (months marked as signals).
                """
        case .deterioration:
            return """
                There is a signal of deterioration: the share of plans Good or better has moved below what \
                month-to-month variation around its average of \(centre) would explain (months marked as signals).
                """
        case .mixed:
            return """
                The latest signal points both ways (its months are above the average of \(centre) but falling, \
                or below it but rising): look at when each began.
                """
        case .commonCause:
            return """
                No signal: every month sits within its control limits with no run of 7, so the ups and downs \
                around the average of \(centre) are ordinary variation, not a real change.
                """
        case .tooFewMonths:
            return "Too few months with audits to tell a real change from ordinary variation (at least 3 are needed)."
        }
    }
}
