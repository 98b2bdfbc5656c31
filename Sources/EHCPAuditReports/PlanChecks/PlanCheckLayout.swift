import EHCPAudit

/// Checked plans laid out for a caseworker or an auditor to read and print: for each
/// document what it is, its findings section by section with what to do, and the ratings
/// they suggest (docs/plan-checks.md, "Output").
public enum PlanCheckLayout {
    public static func blocks(_ plans: [CheckedPlan], framework: Framework, rules: PlanCheckRules) -> [Block] {
        var blocks: [Block] = [
            .title(plans.count == 1 ? "Plan checks: \(plans[0].file)" : "Plan checks: \(plans.count) plan documents")
        ]
        blocks.append(
            .paragraph(
                """
                What the plan checks (rules \(rules.version)) found by reading each plan document. They find \
                mechanical faults only, each with where it is and what to do; a plan with no findings still needs \
                a person's reading, and an auditor decides every rating.
                """))
        for plan in plans { blocks += document(plan, framework: framework, rules: rules, heading: plans.count > 1) }
        return blocks
    }

    static func document(_ plan: CheckedPlan, framework: Framework, rules: PlanCheckRules, heading: Bool) -> [Block] {
        let report = plan.report
        var blocks: [Block] = heading ? [.heading(plan.file)] : []
        var summary = report.status == .draft ? "A draft plan" : "A final plan"
        summary += report.planDate.map { " dated \(day($0))" } ?? " with no plan date found"
        summary += report.reviewDate.map { "; review date \(day($0))" } ?? "; no review date found"
        let missing = PlanCheckRules.sectionIDs.filter { !report.sections.contains($0) }
        summary +=
            missing.isEmpty
            ? ". Every section A to K has a heading."
            : ". No heading found for section \(missing.joined(separator: ", "))."
        let total = report.findings.count
        summary += total == 0 ? " Nothing found." : " \(total) finding\(total == 1 ? "" : "s")."
        blocks.append(.paragraph(summary))
        let titles = Dictionary(framework.sections.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        for section in [nil] + PlanCheckRules.sectionIDs.map(Optional.some) {
            let found = report.findings.filter { $0.section == section }
            guard !found.isEmpty else { continue }
            let caption =
                section.map { "Section \($0)" + (titles[$0].map { ": \($0)" } ?? "") } ?? "The whole plan"
            let checks = PlanCheckKind.allCases.filter { kind in found.contains { $0.check == kind } }
            blocks.append(
                .table(
                    Table(
                        caption: heading ? "\(plan.file), \(caption)" : caption,
                        header: ["Found", "Where", "What to do"],
                        rows: checks.map { kind in
                            let these = found.filter { $0.check == kind }
                            let rule = rules.check(kind)
                            let name = (these.count == 1 ? rule?.one : rule?.many) ?? kind.rawValue
                            return [
                                "\(these.count) \(name)", these.map(place).joined(separator: "; "), these[0].message,
                            ]
                        })))
        }
        if !report.suggestions.isEmpty {
            blocks.append(
                .table(
                    Table(
                        caption: heading ? "\(plan.file), suggested ratings" : "Suggested ratings",
                        header: ["Criterion", "Suggested rating", "Because"],
                        rows: report.suggestions.map {
                            [$0.criterion, framework.label(rating: $0.rating), $0.because]
                        })))
        }
        let sources = PlanCheckKind.allCases.compactMap { kind -> [String]? in
            guard let finding = report.findings.first(where: { $0.check == kind }), let source = finding.source
            else { return nil }
            return [kind.rawValue, source]
        }
        if !sources.isEmpty {
            blocks.append(
                .table(
                    Table(
                        caption: heading ? "\(plan.file), sources" : "Sources", header: ["Check", "Source"],
                        rows: sources)))
        }
        return blocks
    }

    /// "“access to” in item 2 (block 41)", "item 5 (block 47): no frequency", "the whole section".
    static func place(_ finding: PlanFinding) -> String {
        var text = ""
        if let quote = finding.quote { text += "“\(quote)” in " }
        if let item = finding.item {
            text += "item \(item)" + (finding.block.map { " (block \($0))" } ?? "")
        } else if let block = finding.block {
            text += "block \(block)"
        } else {
            text += finding.section == nil ? "the plan" : "the whole section"
        }
        if !finding.missing.isEmpty { text += ": no \(finding.missing.joined(separator: " and no "))" }
        if finding.occurrences.count > 1 {
            text +=
                ", also in "
                + finding.occurrences.dropFirst().map { "\($0.section) item \($0.item ?? 0)" }
                .joined(separator: ", ")
        }
        return text
    }

    static func day(_ date: CalendarDate) -> String {
        "\(date.day) \(Words.months[date.month - 1]) \(date.year)"
    }
}
