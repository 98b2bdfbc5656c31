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
}
