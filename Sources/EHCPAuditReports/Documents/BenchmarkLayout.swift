import EHCPAudit

/// `benchmark compare` (docs/comparison.md): which councils are compared and which not (and
/// why), a funnel plot per measure with the councils as units, and each council's figures.
public enum BenchmarkLayout {
    public static func blocks(_ comparison: BenchmarkComparison) -> [Block] {
        guard let first = comparison.comparable.first else {
            return [.title("Benchmarking"), .paragraph("No bundle could be compared.")] + leftOut(comparison)
        }
        let window = Words.period(ReportPeriod(from: first.from, to: first.to) ?? ReportPeriod(month: first.to))
        var blocks: [Block] = [
            .title("Benchmarking: \(window)"),
            .paragraph(
                """
                \(comparison.comparable.count) councils compared on version \(first.framework.version) of \
                \(first.framework.id): \(comparison.comparable.map(\.council).joined(separator: ", ")). Each \
                council's figures are as it published them, under disclosure control ([c] where a count is \
                hidden); a funnel plot shows which differ from all councils together by more than chance.
                """),
        ]
        blocks += leftOut(comparison)
        for funnel in comparison.funnels {
            blocks += FunnelLayout.blocks(funnel, units: "councils", whole: "all councils'")
        }
        func count(_ value: Int?) -> String { value.map(String.init) ?? Words.hidden }
        func share(_ part: Int?, _ whole: Int?) -> String {
            guard let part, let whole, whole > 0 else { return Words.withheld }
            return Words.percent(Double(part) / Double(whole))
        }
        blocks.append(
            .table(
                Table(
                    caption: "Each council's figures",
                    header: [
                        "Council", "Open plans", "Audits", "Good or better", "Advice received", "On time",
                        "New plans", "Within 20 weeks",
                    ],
                    rows: comparison.comparable.map { c in
                        [
                            // Open plans are a public fact, never hidden: null is "not known".
                            c.council, c.openPlans.map(String.init) ?? "not known", count(c.audits),
                            share(c.goodOrBetter, c.audits),
                            count(c.adviceReceived), share(c.adviceOnTime, c.adviceReceived), count(c.newPlansCounted),
                            share(c.newPlansWithin20Weeks, c.newPlansCounted),
                        ]
                    })))
        return blocks
    }

    private static func leftOut(_ comparison: BenchmarkComparison) -> [Block] {
        guard !comparison.notComparable.isEmpty else { return [] }
        return [
            .table(
                Table(
                    caption: "Not compared", header: ["Council", "Why"],
                    rows: comparison.notComparable.map { [$0.council, $0.why] }))
        ]
    }
}
