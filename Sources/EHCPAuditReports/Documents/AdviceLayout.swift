import EHCPAudit

/// The advice report laid out for designated clinical and social care officers.
public enum AdviceLayout {
    public static func blocks(_ report: AdviceReport) -> [Block] {
        let period = Words.period(report.period)
        var blocks: [Block] = [
            .title("Advice quality and timeliness: \(period)"),
            .paragraph(
                """
                For each provider: how many advices were audited, how they were judged criterion by criterion, \
                how long they took (due within \(report.deadlineDays) days of the request), blank returns, and \
                the auditor corrections the tool caught (audits refused at import for marking a no-needs advice \
                inadequate instead of not applicable).
                """
            ),
        ]
        if report.providers.isEmpty { blocks.append(.paragraph("No advice was audited in this period.")) }
        for provider in report.providers {
            let f = provider.figures
            blocks.append(.heading("\(provider.name) (\(provider.agency.rawValue))"))
            var summary =
                """
                \(f.total) advices audited: \(f.total - f.blank - f.notReceived - f.notKnown) received \
                (\(f.noNeeds) finding no needs), \(f.blank) blank returns, \(f.notReceived) never received, \
                \(f.notKnown) where the child was not known to the service.
                """
            if let share = f.timeliness { summary += " \(Words.percent(share.share)) on time." }
            if let median = provider.medianDays { summary += " Median time to receive: \(median) days." }
            summary += " Auditor corrections caught: \(provider.corrections)."
            blocks.append(.paragraph(summary))
            blocks.append(
                .table(
                    Table(
                        caption: "Quality by criterion",
                        header: ["Criterion"] + report.scale.map(\.label) + [
                            "Not applicable", "Average", "What good advice does",
                        ],
                        rows: provider.quality.map { q in
                            [q.criterion] + q.ratings.map(String.init) + [
                                String(q.notApplicable), q.meanPercent.map { Formatting.fixed2($0) + "%" } ?? "–",
                                q.text,
                            ]
                        }
                    )))
            blocks.append(
                .table(
                    Table(
                        caption: "Time from request to receipt", header: ["When", "Advices"],
                        rows: provider.timeliness.map { [$0.label, String($0.count)] })))
        }
        return blocks
    }
}

/// Learning-loop packs laid out for practice-development meetings.
public enum LearningLayout {
    public static func blocks(_ report: LearningReport) -> [Block] {
        let period = Words.period(report.period)
        let previous = Words.period(report.previous)
        let unit = report.grouping.judgesAdvice ? "advices" : "audits"
        var blocks: [Block] = [
            .title("Learning packs by \(report.grouping.rawValue): \(period)"),
            .paragraph(
                """
                One pack per \(report.grouping.rawValue), set against the whole partnership: grades, the criteria \
                where the \(report.grouping.rawValue) is furthest below the partnership average, the improvement \
                actions to focus on, and the change since \(previous).
                """
            ),
        ]
        if let funnel = report.funnel {
            blocks += FunnelLayout.blocks(funnel, units: report.grouping.rawValue + "s")
        }
        for pack in [report.partnership] + report.packs {
            blocks.append(.heading(pack.name))
            var text = "\(pack.count) \(unit) in \(period)"
            if let share = pack.goodOrBetter {
                text += "; \(Words.percent(share.share)) Good or better (\(Words.interval(share)))"
            }
            text += ". Before (\(previous)): \(pack.previousCount) \(unit)"
            if let share = pack.previousGoodOrBetter { text += ", \(Words.percent(share.share)) Good or better" }
            text += "."
            blocks.append(.paragraph(text))
            let partnership = report.partnership
            let isPartnership = pack == partnership
            blocks.append(
                .table(
                    Table(
                        caption: "Grade mix", header: ["Grade", pack.name] + (isPartnership ? [] : ["Partnership"]),
                        rows: report.grades.indices.map { i in
                            [report.grades[i].label, share(pack.grades[i], of: pack.count)]
                                + (isPartnership ? [] : [share(partnership.grades[i], of: partnership.count)])
                        })))
            if !isPartnership {
                blocks.append(
                    pack.gaps.isEmpty
                        ? .paragraph("No criterion is below the partnership average.")
                        : .table(
                            Table(
                                caption: "Furthest below the partnership average",
                                header: ["Criterion", pack.name, "Partnership", "What auditors look for"],
                                rows: pack.gaps.map {
                                    [
                                        $0.criterion, Formatting.fixed2($0.group) + "%",
                                        Formatting.fixed2($0.partnership) + "%", $0.text,
                                    ]
                                }
                            )))
            }
            if let reaudits = pack.reaudits {
                let t = reaudits.actions
                blocks.append(
                    .paragraph(
                        """
                        You said, we did: plans re-audited in \(period): \(reaudits.plans); of the \(t.total) actions \
                        their previous audits raised, \(t.closed) closed, \(t.open) still open, \(t.notAssessed) not \
                        assessed.
                        """))
                blocks.append(
                    .table(
                        Table(
                            caption: "Actions raised before, by section",
                            header: ["Section", "Closed", "Open", "Not assessed"],
                            rows: reaudits.bySection.map {
                                [
                                    $0.section, String($0.tally.closed), String($0.tally.open),
                                    String($0.tally.notAssessed),
                                ]
                            })))
            }
            if !pack.focus.isEmpty {
                blocks.append(
                    .table(
                        Table(
                            caption: "Actions to focus on",
                            header: ["Criterion", "Times raised", "Action", "What good looks like"],
                            rows: pack.focus.map { focus in
                                let source = focus.source.map { " (Source: \($0))" } ?? ""
                                return [
                                    focus.criterion, String(focus.count), focus.action,
                                    (focus.guidance ?? "–") + source,
                                ]
                            })))
            }
        }
        return blocks
    }

    private static func share(_ count: Int, of total: Int) -> String {
        total > 0 ? "\(count) (\(Words.percent(Double(count) / Double(total))))" : "0"
    }
}
