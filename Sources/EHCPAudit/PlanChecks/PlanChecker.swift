/// Applies a local area's plan checks to a plan document (docs/plan-checks.md).
///
/// Pure: the document comes in as blocks, the findings go out; nothing is read, stored or
/// logged here.
///
/// ```swift
/// let checker = PlanChecker(rules: rules, framework: framework)
/// let report = checker.check(document)
/// for finding in report.findings { print(finding.check, finding.section ?? "plan", finding.place) }
/// ```
public struct PlanChecker: Sendable {
    public let rules: PlanCheckRules
    private let sectionTitles: [String: String]
    private let ratingPoints: [String: Double]
    private let phrases: [PlanCheckKind: Phrases]

    /// A check's word lists, indexed once.
    struct Phrases: Sendable {
        var phrases: PlanPhraseSet
        var frequency: PlanPhraseSet
        var amount: PlanPhraseSet
        var roles: PlanPhraseSet
        var timeFrames: PlanPhraseSet

        init(_ rule: PlanCheckRule) {
            phrases = PlanPhraseSet(rule.phrases)
            frequency = PlanPhraseSet(rule.frequency)
            amount = PlanPhraseSet(rule.amount)
            roles = PlanPhraseSet(rule.roles)
            timeFrames = PlanPhraseSet(rule.timeFrames)
        }
    }

    /// `framework` gives the section titles a heading may be alone and the ratings' order.
    public init(rules: PlanCheckRules, framework: Framework) {
        self.rules = rules
        sectionTitles = Dictionary(framework.sections.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        ratingPoints = Dictionary(framework.scale.map { ($0.id, $0.points) }, uniquingKeysWith: { a, _ in a })
        phrases = Dictionary(uniqueKeysWithValues: rules.checks.map { ($0.kind, Phrases($0)) })
    }

    /// Checks one document. `status` and `planDate`, when given, replace what the document says.
    public func check(
        _ document: PlanDocument, status: PlanCheckReport.Status? = nil, planDate: CalendarDate? = nil
    ) -> PlanCheckReport {
        let outline = PlanOutline(document, rules: rules, sectionTitles: sectionTitles)
        var run = PlanCheckRun(
            outline: outline, rules: rules, status: status ?? (outline.isDraft ? .draft : .final),
            planDate: planDate ?? outline.planDate)
        for rule in rules.checks { run.apply(rule, phrases[rule.kind]!) }
        let findings = run.findings.sorted(by: Self.planOrder)
        return PlanCheckReport(
            rules: rules.version, status: run.status, planDate: run.planDate, reviewDate: outline.reviewDate,
            sections: PlanCheckRules.sectionIDs.filter(outline.found.contains), findings: findings,
            counts: rules.checks.map { rule in (rule.kind, findings.count { $0.check == rule.kind }) },
            suggestions: suggestions(findings))
    }

    /// Findings about the whole plan first, then by block, then by check.
    static func planOrder(_ a: PlanFinding, _ b: PlanFinding) -> Bool {
        switch (a.block, b.block) {
        case (nil, .some): return true
        case (.some, nil): return false
        case (.some(let x), .some(let y)) where x != y: return x < y
        default:
            if a.check != b.check { return a.check < b.check }
            let order = PlanCheckRules.sectionIDs
            return (a.section.flatMap(order.firstIndex) ?? -1) < (b.section.flatMap(order.firstIndex) ?? -1)
        }
    }

    /// The findings are grouped by criterion in one pass, by index (filtering every finding
    /// for every criterion and check copied each finding a hundred times).
    private func suggestions(_ findings: [PlanFinding]) -> [PlanSuggestion] {
        var criteria: [(criterion: String, findings: [Int])] = []
        for (i, finding) in findings.enumerated() {
            guard let criterion = finding.criterion else { continue }
            if let c = criteria.firstIndex(where: { $0.criterion == criterion }) {
                criteria[c].findings.append(i)
            } else {
                criteria.append((criterion, [i]))
            }
        }
        return criteria.compactMap { criterion, indices in
            var worst: String?
            var reasons: [String] = []
            for rule in rules.checks {
                let found = indices.filter { findings[$0].check == rule.kind }.map { findings[$0] }
                guard !found.isEmpty else { continue }
                reasons.append(Self.because(found, rule))
                guard let step = (rule.suggest ?? rules.suggest).last(where: { $0.from <= found.count }) else {
                    continue
                }
                if worst == nil || ratingPoints[step.rating, default: 0] < ratingPoints[worst!, default: 0] {
                    worst = step.rating
                }
            }
            return worst.map {
                PlanSuggestion(criterion: criterion, rating: $0, because: reasons.joined(separator: "; "))
            }
        }
    }

    /// "3 vague phrases in F: 'access to' (item 2), 'regular' (item 2), 'up to' (item 5)".
    static func because(_ found: [PlanFinding], _ rule: PlanCheckRule) -> String {
        let sections = found.compactMap(\.section).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var text = "\(found.count) \(found.count == 1 ? rule.one : rule.many)"
        if !sections.isEmpty { text += " in \(sections.joined(separator: ", "))" }
        let shown = 10
        let places = found.prefix(shown).compactMap { finding -> String? in
            if let quote = finding.quote { return "'\(quote)' (\(finding.place))" }
            return finding.item != nil || finding.block != nil ? finding.place : nil
        }
        if !places.isEmpty { text += ": " + places.joined(separator: ", ") }
        if found.count > shown { text += " and \(found.count - shown) more" }
        return text
    }
}
