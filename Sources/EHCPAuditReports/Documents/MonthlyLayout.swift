import EHCPAudit

/// The monthly board report laid out in plain English, for the text, Markdown and HTML
/// renderers. Headings say what the board asked ("Are we meeting the 5% target?"), and
/// every chart is followed by a table of its data. `words` names the plan checks of the
/// whole caseload paragraph (the rules' words, else the checks' ids in words).
public enum MonthlyLayout {
    public static func blocks(_ report: MonthlyReport, words: PlanCheckWords = PlanCheckWords(nil)) -> [Block] {
        var blocks: [Block] = [.title("EHCP quality assurance: monthly report for \(Words.month(report.month))")]
        blocks.append(
            .paragraph(
                """
                Framework: \(report.framework). Counts are final routine and multi-agency audits dated in the \
                month; moderation audits (second opinions) and drafts are left out. Intervals are 95% Wilson \
                intervals: the true share is very likely inside them.
                """
                    + (report.isPublic
                        ? """
                         Published version: counts from 1 to 4 are hidden, and so is every figure that would let \
                        a reader work one out (another cell of the same total, a share, the rest of a share); \
                        hidden counts are shown as [c] and their percentages withheld (–).
                        """
                        : "")))
        if !report.otherFrameworks.isEmpty {
            let others = report.otherFrameworks.map { "\(Words.count($0.audits)) made against \($0.framework)" }
            blocks.append(
                .paragraph(
                    """
                    Audits made against other frameworks are judged on other criteria, so they are reported \
                    separately (report monthly --framework ID): \(others.joined(separator: "; ")).
                    """))
        }
        blocks += target(report)
        blocks += grades(report)
        blocks += teams(report)
        blocks += caseload(report, words: words)
        blocks += sections(report)
        blocks += actions(report)
        blocks += reaudits(report)
        blocks += familyVoice(report)
        blocks += timeliness(report)
        blocks += advice(report)
        blocks += moderation(report)
        blocks += trend(report)
        return blocks
    }

    static func target(_ report: MonthlyReport) -> [Block] {
        let p = report.progress
        var text: String
        if let target = p.target {
            text =
                """
                \(Words.count(report.completed)) audits were completed against a target of \(target) \
                (\(report.percentOfTarget.map { Formatting.fixed2($0) + "%" } ?? "–")); 
                """
            switch report.shortfall {
            case .shown(0)?, nil: text += "the target was met."
            case .shown(let more)?: text += "\(more) more were needed."
            case .suppressed?: text += "the target was not met."
            }
            text +=
                """
                 \(p.sampled) plans were drawn for audit from \(p.openPlans.map(String.init) ?? "?") open plans; \
                \(Words.count(report.completedSampled)) of the audits were of drawn plans. \
                \(Words.count(report.moderation)) moderation audits checked other auditors' grades.
                """
        } else {
            text =
                """
                No sample was drawn for this month, so there is no target to measure against. \
                \(Words.count(report.completed)) audits were completed.
                """
        }
        text +=
            """
             Over the 12 months to \(Words.month(report.month)): \(Words.count(report.yearCompleted)) audits \
            against summed targets of \(report.yearTarget).
            """
        return [.heading("Are we meeting the 5% target?"), .paragraph(text)]
    }

    static func grades(_ report: MonthlyReport) -> [Block] {
        var rows = report.grades.map {
            [$0.grade.label, Words.count($0.count), Words.percent($0.share?.share), Words.interval($0.share)]
        }
        rows.append([
            orBetter(report), Words.count(report.goodOrBetter), Words.percent(report.goodOrBetterShare?.share),
            Words.interval(report.goodOrBetterShare),
        ])
        rows.append(["All audits", Words.count(report.audits), "", ""])
        var summary = "How good are the plans we audited?"
        if let share = report.goodOrBetterShare {
            summary =
                """
                \(Words.percent(share.share)) of the plans audited were \(orBetter(report)) (very likely between \
                \(Words.percent(share.low)) and \(Words.percent(share.high))).
                """
        }
        return [
            .heading("How good are the plans?"), .paragraph(summary),
            .table(
                Table(
                    caption: "Grades of the month's audits", header: ["Grade", "Audits", "Share", "95% interval"],
                    rows: rows)),
        ]
    }

    /// The whole caseload in a paragraph, when the plan checks had read any plan by the end
    /// of the month.
    static func caseload(_ report: MonthlyReport, words: PlanCheckWords) -> [Block] {
        guard let c = report.caseload else { return [] }
        var text = "The plan checks had read \(Words.count(c.checked)) plans by the end of \(Words.month(report.month))"
        if let population = c.population {
            text +=
                """
                 (\(Words.count(c.checkedInPopulation)) of the \(population) plans in the population, \
                \(Words.percent(c.coverage?.share)))
                """
        }
        text += "."
        if c.checks.isEmpty {
            text += report.isPublic ? " Too few plans had findings to show them." : " The checks found nothing in them."
        } else {
            let found = c.checks.enumerated().map { i, figure in
                "\(Words.percent(figure.share?.share))\(i == 0 ? " had" : "") at least one \(words.one(figure.check))"
            }
            let list = found.count > 1 ? found.dropLast().joined(separator: ", ") + " and " + found.last! : found[0]
            text += " Of the plans read, \(list) (report checks has every check)."
        }
        text += " The random sample stays random: the checks show where to look, the audits how good plans are."
        return [.heading("What do the plan checks find across the whole caseload?"), .paragraph(text)]
    }

    static func sections(_ report: MonthlyReport) -> [Block] {
        let rows = report.sections.map { row in
            [
                "\(row.id) \(row.title)", Words.count(row.applicable),
                row.meanPercent.map { Formatting.fixed2($0) + "%" } ?? "–",
            ] + row.grades.map(Words.count)
        }
        return [
            .heading("Which parts of the plans need most work?"),
            .paragraph(
                "Each section's average score and how its grades fall, across the audits where the section applied."),
            .table(
                Table(
                    caption: "Sections", header: ["Section", "Audits", "Average"] + report.gradeScale.map(\.label),
                    rows: rows)),
        ]
    }

    static func actions(_ report: MonthlyReport) -> [Block] {
        var blocks: [Block] = [.heading("What would improve plans most?")]
        if report.criteria.isEmpty {
            blocks.append(.paragraph("No criterion fell below standard this month."))
        } else {
            blocks.append(
                .table(
                    Table(
                        caption: "Criteria most often below standard",
                        header: ["Criterion", "Audits", "Share", "What auditors look for"],
                        rows: report.criteria.map {
                            [$0.criterion, Words.count($0.count), Words.percent($0.share), $0.text]
                        })))
        }
        if !report.themes.isEmpty {
            blocks.append(
                .table(
                    Table(
                        caption: "Improvement actions raised, by section", header: ["Section", "Actions"],
                        rows: report.themes.map { ["\($0.section) \($0.title)", Words.count($0.actions)] })))
        }
        blocks.append(
            .paragraph(
                report.caps.isEmpty
                    ? "No cap limited a grade this month."
                    : "Caps limit a plan's grade whatever its score, when a key criterion is rated too low:"))
        if !report.caps.isEmpty {
            blocks.append(
                .table(
                    Table(
                        caption: "Caps triggered", header: ["Criterion", "Audits", "Share", "What auditors look for"],
                        rows: report.caps.map {
                            [$0.criterion, Words.count($0.count), Words.percent($0.share), $0.text]
                        })))
        }
        return blocks
    }

    /// "You said, we did": plans audited again, and whether their actions were acted on.
    static func reaudits(_ report: MonthlyReport) -> [Block] {
        guard let r = report.reaudits, r.plans != .shown(0) else { return [] }
        var blocks: [Block] = [.heading("Were the actions acted on? (re-audited plans)")]
        let outcome = r.outcomes.map(Words.count)
        blocks.append(
            .paragraph(
                """
                Plans audited this month that had been audited before under this framework: \
                \(Words.count(r.plans)). Of the \(Words.count(r.actions)) improvement actions their previous audits \
                raised, \(outcome[0]) closed (the criterion now rated at the action threshold or better), \
                \(outcome[1]) still open, and \(outcome[2]) not assessed (answered not applicable this time, or \
                no longer in the framework).
                """))
        blocks.append(
            .table(
                Table(
                    caption: "Grade before (rows) and after (columns)",
                    header: ["Before", "Plans"] + r.grades.map(\.label),
                    rows: r.grades.indices.map { b in
                        [r.grades[b].label, Words.count(r.before[b])] + r.table[b].map(Words.count)
                    })))
        if !r.bySection.isEmpty {
            blocks.append(
                .table(
                    Table(
                        caption: "Actions by section", header: ["Section", "Closed", "Open", "Not assessed"],
                        rows: r.bySection.map { [$0.section] + $0.counts.map(Words.count) })))
        }
        return blocks
    }

    static func timeliness(_ report: MonthlyReport) -> [Block] {
        var text = ""
        // Plans where an exception to the 20-week limit applies are left out, and said so.
        let others: String
        if report.newPlansExceptions.value == 0 {
            others = "the new plans audited whose request and issue dates are known"
        } else {
            text =
                """
                Of the new plans audited whose request and issue dates are known \
                (\(Words.count(report.newPlansKnown))), \(Words.count(report.newPlansExceptions)) were exceptions to \
                the 20-week limit (Regulation 13(3)) and are left out. 
                """
            others = "the other new plans"
        }
        if let share = report.newPlansWithin20Weeks {
            text +=
                """
                Of \(others) (\(Words.count(report.newPlansTimed))), \(share.count) \
                (\(Words.percent(share.share))) were issued within 20 weeks of the request (interval \
                \(Words.interval(share))).
                """
        } else {
            text +=
                """
                Too few of \(others) were audited to say what share were issued within 20 weeks \
                (\(Words.count(report.newPlansTimed))).
                """
        }
        return [.heading("Were new plans issued on time?"), .paragraph(text)]
    }

    static func advice(_ report: MonthlyReport) -> [Block] {
        guard !report.adviceByProvider.isEmpty else {
            return [
                .heading("How good and how timely is the advice?"), .paragraph("No advice was audited this month."),
            ]
        }
        let header =
            ["Agency or provider", "Advices"] + report.adviceGrades.map(\.label) + [
                "Not scored", "Timely", "Blank", "No needs", "Not received", "Not known",
            ]
        func rows(_ rows: [MonthlyReport.AdviceRow]) -> [[String]] {
            rows.map { row in
                [row.name, Words.count(row.advices)] + row.grades.map(Words.count)
                    + [
                        Words.count(row.notScored), Words.percent(row.timely?.share), Words.percent(row.blank),
                        Words.percent(row.noNeeds), Words.percent(row.notReceived), Words.percent(row.notKnown),
                    ]
            }
        }
        return [
            .heading("How good and how timely is the advice?"),
            .paragraph(
                """
                Advice is timely when received within the framework's deadline (6 weeks); advice never received \
                counts as late. \"No needs\" advice found no needs and is complete; \"Not known\" means the \
                service did not know the child.
                """
            ),
            .chart(
                .bars(
                    title: "Advice received on time, by provider",
                    summary: "Share of each provider's advice received within the deadline.",
                    labels: report.adviceByProvider.map(\.name),
                    shares: report.adviceByProvider.map { $0.timely?.share })),
            .table(Table(caption: "Advice by provider", header: header, rows: rows(report.adviceByProvider))),
            .table(Table(caption: "Advice by agency", header: header, rows: rows(report.adviceByAgency))),
        ]
    }

    static func trend(_ report: MonthlyReport) -> [Block] {
        let labels = report.trend.map { Words.shortMonth($0.month) }
        let shares: [[Double]?] = report.trend.map { row in
            guard let total = row.completed.value, total > 0, row.grades.allSatisfy({ $0.value != nil }) else {
                return nil
            }
            return row.grades.map { Double($0.value!) / Double(total) }
        }
        let mix = report.trend.map { row in
            [Words.month(row.month), Words.number(row.target), Words.count(row.completed)] + row.grades.map(Words.count)
        }
        return [
            .heading("Are plans getting better?"),
            .paragraph(
                """
                The same figures for each of the last 12 months, so the direction of travel shows.
                """
            ),
            .chart(
                .stackedBars(
                    title: "Grade mix by month",
                    summary: "Share of each month's audits at each grade, best at the bottom.",
                    labels: labels, parts: report.gradeScale.map(\.label), shares: shares)),
            .table(
                Table(
                    caption: "Grade mix by month",
                    header: ["Month", "Target", "Audits"] + report.gradeScale.map(\.label), rows: mix)),
        ] + goodOrBetterTrend(report)
    }

    /// "Good or better" in the report framework's words: the lowest of the grades counted as
    /// good or better, then "or better" ("Positive or better" for family voice).
    static func orBetter(_ report: MonthlyReport) -> String {
        let lowest = report.gradeScale.last { report.goodOrBetterGrades.contains($0.id) }
        return "\(lowest?.label ?? "Good") or better"
    }

    /// "Good or better" over the months: a control chart that says whether a change is a
    /// signal or ordinary variation, or (where a public report withholds a month) the
    /// shares with their intervals.
    static func goodOrBetterTrend(_ report: MonthlyReport) -> [Block] {
        guard let spc = report.spc, !spc.points.isEmpty else {
            let rows = report.trend.map { row in
                [Words.month(row.month), Words.percent(row.goodOrBetter?.share), Words.interval(row.goodOrBetter)]
            }
            return [
                .paragraph(
                    report.isPublic
                        ? "The control chart is left out of the published version because a month's share is withheld."
                        : "No month has audits to chart."),
                .chart(
                    .shareWithBand(
                        title: "\(orBetter(report)), by month",
                        summary: """
                            Share of audits graded \(orBetter(report)) each month, with its 95% interval as a band.
                            """,
                        labels: report.trend.map { Words.shortMonth($0.month) },
                        points: report.trend.map {
                            $0.goodOrBetter.map { BandPoint(share: $0.share, low: $0.low, high: $0.high) }
                        })),
                .table(
                    Table(
                        caption: "\(orBetter(report)) by month", header: ["Month", orBetter(report), "95% interval"],
                        rows: rows)),
            ]
        }
        let rows = spc.points.map { point in
            [
                Words.month(point.month), String(point.n), Words.percent(point.share),
                point.lower.map(Words.percent) ?? Words.withheld, point.upper.map(Words.percent) ?? Words.withheld,
                point.improvement && point.concern
                    ? "both ways" : point.improvement ? "improvement" : point.concern ? "concern" : "common cause",
            ]
        }
        return [
            .paragraph(Words.controlChartFinding(spc)),
            .paragraph(Words.readingTheControlChart(spc)),
            .chart(
                .control(
                    title: "\(orBetter(report)), by month, with control limits",
                    summary: """
                        Share of audits graded \(orBetter(report)) each month against its average and control limits \
                        (a p′ chart): blue upward triangles are improvement, orange downward triangles concern, grey \
                        dots common-cause variation.
                        """,
                    labels: spc.points.map { Words.shortMonth($0.month) },
                    points: spc.points.map {
                        ControlPoint(
                            share: $0.share, lower: $0.lower, upper: $0.upper, centre: $0.centre,
                            improvement: $0.improvement, concern: $0.concern)
                    }, restart: spc.baselineFrom.flatMap { from in spc.points.firstIndex { $0.month >= from } })),
            .table(
                Table(
                    caption: "\(orBetter(report)) by month, with control limits",
                    header: ["Month", "Audits", orBetter(report), "Lower limit", "Upper limit", "Variation"],
                    rows: rows)),
        ]
    }

    /// The month's teams on a funnel plot; the public version says only how many teams lie
    /// where, naming none and showing no team's figures.
    static func teams(_ report: MonthlyReport) -> [Block] {
        guard let funnel = report.teamFunnel else { return [] }
        guard report.isPublic else { return FunnelLayout.blocks(funnel, units: "teams") }
        // The sentence gives the month's share: not where the published version withholds it.
        guard report.goodOrBetterShare != nil else { return [] }
        return [
            .heading("Compared fairly: teams on Good or better"),
            .paragraph(
                FunnelLayout.sentence(
                    funnel, units: "teams", measure: Words.measure(funnel.measure).share, whole: "the partnership's")
                    + " The published version names no team and shows no team's figures."),
        ]
    }

    static func moderation(_ report: MonthlyReport) -> [Block] {
        guard report.moderationPairs != .shown(0) else { return [] }
        var text =
            "\(Words.count(report.moderationPairs)) moderation audits were compared with the audits they moderate"
        if let same = report.moderationSameGrade {
            text += "; the moderator gave the same grade in \(Words.percent(same.share)) of them"
            text += " (95% interval \(Words.interval(same)))."
        } else {
            text += "."
        }
        text += " The moderation report (report moderation) shows where auditors read the framework differently."
        return [.heading("Do auditors agree?"), .paragraph(text)]
    }
}
