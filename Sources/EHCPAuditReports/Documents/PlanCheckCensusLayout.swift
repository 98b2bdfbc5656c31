import EHCPAudit

/// `report checks`: the plan checks across the whole caseload laid out for the board and
/// the lead, checks named in the rules' words; the follow-up list for the lead only.
public enum PlanCheckCensusLayout {
    public static func blocks(_ census: PlanCheckCensus, words: PlanCheckWords) -> [Block] {
        let month = Words.month(census.month)
        var blocks: [Block] = [
            .title("Plan checks across the caseload: \(month)"),
            .paragraph(
                """
                Every plan document checked by the end of \(month), each plan counted once, at its latest check. \
                A plan counts under a check when the check found at least one thing in it. Shares are of the \
                plans checked, with 95% Wilson intervals: the true share is very likely inside them. The checks \
                find wording and structure an auditor would look at; they do not grade plans.
                """
                    + (census.isPublic
                        ? """
                         Published version: no team is named, counts from 1 to 4 are hidden, and so is every \
                        figure that would let a reader work one out; hidden counts are shown as [c] and their \
                        percentages withheld (–).
                        """
                        : "")),
            .heading("How much of the caseload was checked?"), .paragraph(coverage(census)),
        ]
        let listed = census.checks.filter(words.lists)
        blocks += [
            .heading("What do the checks find?"),
            .chart(
                .bars(
                    title: "Plans with each finding", summary: "Share of the plans checked with at least one finding.",
                    labels: listed.map { words.title($0.check) }, shares: listed.map { $0.share?.share })),
            .table(
                Table(
                    caption: "Plans checked with at least one finding",
                    header: ["Finding", "Plans", "Share", "95% interval"],
                    rows: listed.map {
                        [
                            words.title($0.check), Words.count($0.plans), Words.percent($0.share?.share),
                            Words.interval($0.share),
                        ]
                    })),
        ]
        for breakdown in census.breakdowns { blocks += self.breakdown(breakdown, listed: listed, words: words) }
        if !census.isPublic { blocks += followUp(census, words: words) }
        return blocks
    }

    static func coverage(_ census: PlanCheckCensus) -> String {
        var text = "\(Words.count(census.checked)) plans had been checked by the end of \(Words.month(census.month))"
        if let population = census.population {
            text +=
                """
                : \(Words.count(census.checkedInPopulation)) of the \(population) plans in the population \
                (\(Words.percent(census.coverage?.share))), and \(Words.count(census.checkedNotInPopulation)) \
                not in it.
                """
        } else {
            text += ". The store holds no population, so there is no caseload to set them against."
        }
        return text
            + """
             \(Words.count(census.checkedThisMonth)) were checked in the month itself. The latest check read a \
            draft in \(Words.count(census.drafts)) and a final plan in \(Words.count(census.finals)).
            """
    }

    static func breakdown(
        _ breakdown: PlanCheckCensus.Breakdown, listed: [PlanCheckCensus.CheckFigure], words: PlanCheckWords
    ) -> [Block] {
        let name = dimensionName(breakdown.dimension)
        let groups = breakdown.groups
        return [
            .heading("By \(name)"),
            .table(
                Table(
                    caption: "Plans checked by \(name)",
                    header: [name.prefix(1).uppercased() + name.dropFirst(), "Plans", "Checked", "Share checked"],
                    rows: groups.map {
                        [
                            $0.name, $0.population.map(Words.count) ?? "", Words.count($0.checked),
                            $0.population == nil ? "" : Words.percent($0.coverage?.share),
                        ]
                    })),
            .table(
                Table(
                    caption: "Plans checked with at least one finding, by \(name)",
                    header: ["Finding"] + groups.map(\.name),
                    rows: listed.map { figure in
                        [words.title(figure.check)]
                            + groups.map { group in
                                cell(group.checks.first { $0.check == figure.check }!)
                            }
                    })),
        ]
    }

    /// "12 (41.0%)", or "[c]".
    static func cell(_ figure: PlanCheckCensus.CheckFigure) -> String {
        guard let count = figure.plans.value else { return Words.hidden }
        return "\(count) (\(Words.percent(figure.share?.share)))"
    }

    static func dimensionName(_ dimension: PlanCheckCensus.Dimension) -> String {
        switch dimension {
        case .team: "team"
        case .phase: "phase"
        case .primaryNeed: "primary need"
        }
    }

    static func followUp(_ census: PlanCheckCensus, words: PlanCheckWords) -> [Block] {
        var blocks: [Block] = [
            .heading("Plans to follow up"),
            .paragraph(
                """
                For the lead, never for publication: the \(census.followUp.count) plans with most findings, most \
                first (plan ids are pseudonymous), for caseworkers to look at. This list is for follow-up only and \
                must not replace the random sample: the sample stays random so that what it says about all plans \
                stays unbiased.
                """),
        ]
        guard !census.followUp.isEmpty else {
            blocks.append(.paragraph("No plan checked has a finding."))
            return blocks
        }
        blocks.append(
            .table(
                Table(
                    caption: "Plans with most findings",
                    header: ["Plan", "Findings", "Status", "Team", "Caseworker", "What was found"],
                    rows: census.followUp.map { plan in
                        [
                            plan.planID, String(plan.findings), plan.status.rawValue, plan.team ?? "–",
                            plan.caseworker ?? "–",
                            plan.counts.map { words.count($0.count, $0.check) }.joined(separator: ", "),
                        ]
                    })))
        return blocks
    }
}
