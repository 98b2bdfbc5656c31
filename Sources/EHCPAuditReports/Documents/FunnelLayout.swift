import EHCPAudit

/// A funnel plot as report blocks (docs/comparison.md): a sentence a board member reads,
/// the chart, and a table with each unit's position, so that text and Markdown have it too.
enum FunnelLayout {
    /// `units` names what is compared, plural ("teams"); `whole` names the target's owner:
    /// "the partnership's", "all councils'".
    static func blocks(_ funnel: FunnelPlot, units: String, whole: String = "the partnership's") -> [Block] {
        let (measure, heading, counted) = Words.measure(funnel.measure)
        let summary = sentence(funnel, units: units, measure: measure, whole: whole)
        return [
            .heading("Compared fairly: \(units) on \(heading)"),
            .paragraph(summary),
            .chart(
                .funnel(
                    title: "Share \(measure) against the number of \(counted), \(units)", summary: summary,
                    funnel: funnel)),
            .table(
                Table(
                    caption: "Where each of the \(units) lies",
                    header: [
                        Words.capitalised(units), Words.capitalised(counted), measure,
                        "Position", "95% limits",
                    ],
                    rows: funnel.units.map { unit in
                        [
                            unit.name, String(unit.n), Words.percent(unit.share), Words.position(unit.position),
                            "\(Words.percent(unit.limits.lower95))–\(Words.percent(unit.limits.upper95))",
                        ]
                    }
                        + funnel.tooFew.map { unit in
                            let share = unit.n > 0 ? Words.percent(Double(unit.y) / Double(unit.n)) : ""
                            return [unit.name, String(unit.n), share, "too few to judge", ""]
                        })),
        ]
    }

    /// "2 of 14 teams are above the upper 95% limit, …": what the plot says, in words.
    static func sentence(_ funnel: FunnelPlot, units: String, measure: String, whole: String) -> String {
        let plotted = funnel.units.count
        guard plotted > 0 else {
            return """
                None of the \(funnel.tooFew.count) \(units) has \(FunnelPlot.smallest) or more: too few to judge any \
                against \(whole) \(Words.percent(funnel.target)) \(measure).
                """
        }
        let above = funnel.count(.above95) + funnel.count(.above998)
        let below = funnel.count(.below95) + funnel.count(.below998)
        var text = """
            \(above) of \(plotted) \(units) \(above == 1 ? "is" : "are") above the upper 95% limit and \(below) \
            below the lower one; the other \(plotted - above - below) differ from \(whole) \
            \(Words.percent(funnel.target)) \(measure) by no more than chance.
            """
        let beyond = funnel.count(.above998) + funnel.count(.below998)
        if beyond > 0 {
            text += " \(beyond) \(beyond == 1 ? "lies" : "lie") beyond the 99.8% limits, where chance is very unlikely."
        }
        if funnel.widened {
            text += """
                 The \(units) vary more than chance alone allows (over-dispersion φ = \(Formatting.fixed2(funnel.phi))), \
                so the limits are widened by √φ: being outside them means more than the usual spread.
                """
        }
        if !funnel.tooFew.isEmpty {
            text += " \(funnel.tooFew.count) had fewer than \(FunnelPlot.smallest): too few to judge, so not plotted."
        }
        return text
    }
}
