import EHCPAudit

/// The moderation report laid out for the QA lead and the auditors' own development.
public enum ModerationLayout {
    public static func blocks(_ report: ModerationReport) -> [Block] {
        var blocks: [Block] = [
            .title("Do our auditors agree? Moderation: \(Words.period(report.period))"),
            .paragraph(
                """
                A moderation audit is a second, independent audit of a plan already audited. Setting the two side \
                by side shows whether auditors read the framework the same way: would another auditor have given \
                this plan the same grade?
                """),
        ]
        guard let framework = report.framework, report.pairs > 0 else {
            blocks.append(
                .paragraph("No moderation audit in this period could be compared with the audit it moderates."))
            blocks += unmatched(report) + planChecks(report)
            return blocks
        }
        blocks.append(
            .paragraph(
                """
                \(report.pairs) moderation \(report.pairs == 1 ? "audit" : "audits") of \(report.groups) \
                \(report.groups == 1 ? "plan" : "plans"), against \(report.frameworkTitle ?? framework.id) \
                (\(framework.id) version \(framework.version)).
                """))
        blocks += grades(report) + criteria(report) + differences(report) + auditors(report)
        blocks += byCriterion(report) + unmatched(report) + planChecks(report)
        return blocks
    }

    /// Do auditors agree with the plan checks? Shown when an audit carries `planChecks`.
    private static func planChecks(_ report: ModerationReport) -> [Block] {
        let agreement = report.planChecks
        guard agreement.audits > 0 else { return [] }
        func share(_ below: Int, of total: Int, _ value: Double?) -> String {
            value.map { "\(Words.percent($0)) (\(below) of \(total))" } ?? "no audits"
        }
        return [
            .heading("Do auditors agree with the checks?"),
            .paragraph(
                """
                The plan checks against the auditors, over the latest final audit of each of \(agreement.audits) \
                \(agreement.audits == 1 ? "plan" : "plans") that says what the checks found (moderation audits \
                aside). "Rated below" means the auditor rated at least one criterion the check informs below \
                the action threshold. A check worth trusting is rated below often where it found something, and \
                seldom where it found nothing.
                """),
            .table(
                Table(
                    caption: "Each check against the auditors' ratings",
                    header: ["Check", "Informs", "Found something: rated below", "Found nothing: rated below"],
                    rows: agreement.rows.map { row in
                        [
                            row.check.rawValue, row.criteria.joined(separator: ", "),
                            share(row.foundBelow, of: row.found, row.foundShare),
                            share(row.notFoundBelow, of: row.notFound, row.notFoundShare),
                        ]
                    })),
        ]
    }

    private static func grades(_ report: ModerationReport) -> [Block] {
        let g = report.grades
        return [
            .heading("Grades"),
            .paragraph(
                """
                The moderator gave the same final grade in \(Words.percent(g.exact)) of pairs, and a grade at most \
                one step away in \(Words.percent(g.withinOne)). \(alphaSentence(g.alphaOrdinal, of: "grades", pairs: report.pairs))
                """),
        ]
    }

    private static func criteria(_ report: ModerationReport) -> [Block] {
        let c = report.criteria
        return [
            .heading("Criteria"),
            .paragraph(
                """
                Where both auditors rated a criterion, they gave the same rating \(Words.percent(c.exact)) of the \
                time and ratings at most one step apart \(Words.percent(c.withinOne)) of the time. \
                \(alphaSentence(c.alphaOrdinal, of: "criterion ratings", pairs: report.pairs)) \(report.naDisagreements) times one \
                auditor said a criterion did not apply and the other rated it: the "not applicable or inadequate" \
                error.
                """),
            .table(
                Table(
                    caption: "Krippendorff's alpha for criterion ratings (\(c.units) plan-criterion units)",
                    header: ["Measure", "Alpha"],
                    rows: [
                        ["Ordinal (ratings in order)", alpha(c.alphaOrdinal)],
                        ["Interval (points)", alpha(c.alphaInterval)],
                        ["Nominal (same or not)", alpha(c.alphaNominal)],
                    ])),
        ]
    }

    private static func differences(_ report: ModerationReport) -> [Block] {
        let d = report.percentDifference
        var text = "Moderators' percent minus the first auditor's: on average \(signed(d.mean)) points."
        if let low = d.low, let high = d.high {
            text += " In 95% of pairs the difference should fall between \(signed(low)) and \(signed(high)) points"
            text += " (Bland–Altman limits of agreement)."
        }
        var blocks: [Block] = [.heading("Percentages"), .paragraph(text)]
        if !report.pairList.isEmpty {
            blocks.append(
                .chart(
                    .differences(
                        title: "Difference against mean percent, one dot per pair",
                        summary: "The middle line is the mean difference; the outer lines are the limits of agreement.",
                        points: report.pairList.map { PlotPoint(x: $0.mean, y: $0.difference) }, mean: d.mean,
                        low: d.low, high: d.high
                    )))
            blocks.append(
                .table(
                    Table(
                        caption: "Pairs", header: ["First audit", "Moderation", "Mean percent", "Difference"],
                        rows: report.pairList.map {
                            [$0.rootAuditId, $0.moderationAuditId, Formatting.fixed2($0.mean), signed($0.difference)]
                        })))
        }
        return blocks
    }

    private static func auditors(_ report: ModerationReport) -> [Block] {
        [
            .heading("Each auditor against the moderators"),
            .paragraph(
                """
                A positive difference means the moderators scored the auditor's plans higher: the auditor grades \
                more harshly. No auditor is judged on fewer than \(ModerationReport.fewestPairsToJudge) pairs.
                """),
            .table(
                Table(
                    caption: "Auditors", header: ["Auditor", "Pairs", "Mean difference", "Same grade"],
                    rows: report.auditors.map { a in
                        let judged = a.pairs >= ModerationReport.fewestPairsToJudge
                        return [
                            a.auditor, String(a.pairs), judged ? signed(a.meanDifference) : "too few to judge",
                            judged ? Words.percent(a.exactGrade) : "too few to judge",
                        ]
                    })),
        ]
    }

    private static func byCriterion(_ report: ModerationReport) -> [Block] {
        let rows = report.byCriterion.sorted { ($0.alphaOrdinal ?? .infinity) < ($1.alphaOrdinal ?? .infinity) }
        return [
            .heading("Criteria read differently"),
            .paragraph(
                """
                Lowest agreement first: these criteria are where the guidance most needs sharpening. N/A \
                disagreements are pairs where one auditor said the criterion did not apply.
                """),
            .table(
                Table(
                    caption: "Agreement by criterion",
                    header: [
                        "Criterion", "Alpha", "Plans", "Different ratings", "N/A disagreements", "Criterion text",
                    ],
                    rows: rows.map {
                        [
                            $0.criterion, alpha($0.alphaOrdinal), String($0.units), String($0.differentRatings),
                            String($0.naDisagreements), $0.text,
                        ]
                    })),
        ]
    }

    private static func unmatched(_ report: ModerationReport) -> [Block] {
        guard !report.unmatched.isEmpty else { return [] }
        return [
            .heading("Moderation audits not compared"),
            .table(
                Table(
                    caption: "Unmatched moderation audits", header: ["Audit", "Why"],
                    rows: report.unmatched.map { [$0.auditId, reason($0.reason)] })),
        ]
    }

    /// What an alpha means, in Krippendorff's own thresholds; from fewer than
    /// ``ModerationReport/fewestPairsToJudge`` pairs, too few to judge whatever its value.
    static func alphaSentence(_ alpha: Double?, of what: String, pairs: Int) -> String {
        guard let alpha else { return "Agreement on \(what) cannot be told from chance here (too little variation)." }
        guard pairs >= ModerationReport.fewestPairsToJudge else {
            return """
                Krippendorff's alpha for \(what) is \(self.alpha(alpha)) from \(pairs) \(pairs == 1 ? "pair" : "pairs"): \
                too few to judge (at least \(ModerationReport.fewestPairsToJudge) are needed).
                """
        }
        let meaning =
            alpha >= 0.8
            ? "reliable: Krippendorff suggests relying on data from 0.800"
            : alpha >= 0.667
                ? "good enough only for tentative conclusions (Krippendorff's threshold is 0.667; 0.800 to rely on it)"
                : "too low to rely on: auditors read the framework differently (Krippendorff asks for at least 0.667)"
        return "Krippendorff's alpha for \(what) is \(self.alpha(alpha)), \(meaning)."
    }

    private static func alpha(_ value: Double?) -> String {
        guard let value else { return "–" }
        let thousandths = Int((value * 1000).rounded(.toNearestOrAwayFromZero))
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        let decimals = String(magnitude % 1000)
        return sign + "\(magnitude / 1000)." + String(repeating: "0", count: 3 - decimals.count) + decimals
    }

    private static func signed(_ value: Double?) -> String {
        guard let value else { return "–" }
        return (value > 0 ? "+" : "") + Formatting.fixed2(value)
    }

    private static func reason(_ reason: ModerationLinks.Reason) -> String {
        switch reason {
        case .unknownAudit: "names an audit that is not stored"
        case .notFinal: "the audit it moderates is not final"
        case .otherPlan: "the audit it moderates is of another plan"
        case .otherFramework: "the audit it moderates used another framework version"
        case .noEarlierAudit: "no earlier final audit of the plan"
        case .cycle: "its chain of moderated audits loops"
        case .sameAuditor: "its auditor already audited or moderated this plan's audit"
        }
    }
}
