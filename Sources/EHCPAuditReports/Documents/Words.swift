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

    /// A funnel plot's measure in words: the share ("received on time"), the same in a
    /// heading ("advice received on time"), and what it is a share of ("advices received").
    static func measure(_ measure: FunnelPlot.Measure) -> (share: String, heading: String, counted: String) {
        switch measure {
        case .goodOrBetter: ("Good or better", "Good or better", "audits")
        case .adviceOnTime: ("received on time", "advice received on time", "advices received")
        case .within20Weeks: ("issued within 20 weeks", "new plans issued within 20 weeks", "new plans")
        }
    }

    /// `text` with its first letter a capital: "Audits".
    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// Where a unit lies on a funnel plot, in words: "above the 99.8% limit".
    static func position(_ position: FunnelPlot.Position) -> String {
        switch position {
        case .above998: "above the 99.8% limit"
        case .above95: "above the 95% limit"
        case .within: "within the limits"
        case .below95: "below the 95% limit"
        case .below998: "below the 99.8% limit"
        }
    }

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

    /// What a control chart says about the latest month, for a board: a signal of
    /// improvement or deterioration, or only ordinary month-to-month variation (naming
    /// any earlier months that were signals).
    /// How to read the control chart, as NHS England's "Making Data Count" teaches a board:
    /// what the colours and the variation icon mean, that higher is better here, why there
    /// is no assurance icon, and where the limits were calculated again.
    static func readingTheControlChart(_ chart: ControlChart) -> String {
        var text = """
            Reading the chart (Making Data Count): higher is better. Grey points are common-cause variation, the \
            ordinary ups and downs of a stable process; blue points are special-cause improvement and orange \
            points special-cause concern: a point outside its limits, or part of a run of 7 on one side of the \
            average or 7 rising or falling. There is no assurance icon: no target is set for the share Good or \
            better, so the chart cannot say whether a target will be met.
            """
        if let from = chart.baselineFrom {
            text += """
                 The limits were calculated again from \(month(from)), after a deliberate change to the process: \
                the months before and from it each have their own average and limits.
                """
        }
        return text
    }

    static func controlChartFinding(_ chart: ControlChart) -> String {
        let centre = chart.centre.map { percent($0) } ?? withheld
        let latest = chart.points.last.map { month($0.month) } ?? ""
        switch chart.finding {
        case .improvement:
            return """
                There is a signal of improvement: \(latest) is part of a change in the share of plans Good or \
                better that ordinary variation around its average of \(centre) would not explain.
                """
        case .deterioration:
            return """
                There is a signal of deterioration: \(latest) is part of a fall in the share of plans Good or \
                better that ordinary variation around its average of \(centre) would not explain.
                """
        case .mixed:
            return """
                \(latest) is part of signals both ways (above the average of \(centre) but falling, or below it \
                but rising): look at when each began.
                """
        case .commonCause:
            let earlier = chart.points.filter(\.signal).map { month($0.month) }
            let before =
                earlier.isEmpty
                ? ""
                : " Earlier months marked as signals (\(earlier.joined(separator: ", "))) do not reach the latest."
            return """
                No signal in \(latest): it sits within its control limits and outside any run of 7, so its \
                difference from the average of \(centre) is ordinary variation, not a real change.
                """ + before
        case .tooFewMonths:
            return "Too few months with audits to tell a real change from ordinary variation (at least 3 are needed)."
        }
    }
}
