import EHCPAudit

/// The monthly report's months, teams and moderation: how the figures move over time and
/// how the month's teams and auditors compare.
extension MonthlyLayout {
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
