import EHCPAudit
import EHCPAuditSampling

/// Synthetic audits for demos, training and benchmarks: pseudonymous but realistic —
/// mixed grades with section-level variation, N/A where a section does not apply, advice
/// of every status with blank and late returns, moderation pairs (most naming the audit they
/// moderate), quality that improves a little month by month, and new plans of
/// which about 46% were issued within 20 weeks. The same seed gives the same audits.
public struct SyntheticAudits: Sequence, IteratorProtocol {
    let framework: Framework
    let plans: [PopulationPlan]
    let count: Int
    let months: [YearMonth]
    var random: SeededRandom
    var made = 0
    /// A moderation audit waiting to follow the routine audit it checks.
    var pendingModeration: AuditRecord?

    static let providers: [Agency: [String]] = [
        .health: [
            "Northshire Teaching Hospitals", "Northshire Community Health", "Coastal and Pennine NHS Foundation Trust",
            "Valley Children's Hospital",
        ],
        .educationalPsychology: ["County Educational Psychology Service"],
        .socialCare: ["Children's Social Care", "Disabled Children's Team"],
        .education: ["Oakfield Primary School", "Hillside Academy", "Riverside College", "St Anne's Special School"],
    ]
    static let comments = [
        "Child's own words throughout.", "Provision not quantified.", "Outcomes not time-bound.",
        "Strong golden thread.", "\"Access to\" used twice in F.", "Advice over 12 months old.",
    ]

    /// - Parameters: `months` ending with `last`.
    public init(framework: Framework, plans: [PopulationPlan], count: Int, months: Int, last: YearMonth, seed: String) {
        self.framework = framework
        self.plans = plans
        self.count = count
        self.months = (0..<Swift.max(1, months)).map { last.adding(months: $0 - Swift.max(1, months) + 1) }
        random = SeededRandom(seed: seed + ":audits")
    }

    public mutating func next() -> AuditRecord? {
        guard made < count, !plans.isEmpty else { return nil }
        made += 1
        if var moderation = pendingModeration {
            pendingModeration = nil
            moderation.auditId = "AUD-\(String(made).leftPadded(8))"
            return moderation
        }
        let monthIndex = Swift.min(months.count - 1, (made - 1) * months.count / count)
        let month = months[monthIndex]
        let date = CalendarDate(year: month.year, month: month.month, day: random.int(1...28))!
        let plan = plans[random.int(0...plans.count - 1)]
        let kind: AuditKind = random.chance(0.06) ? .multiAgency : .routine
        // Plans improve a little over the months, so that the trend has a direction.
        let drift = 0.16 * (Double(monthIndex) / Double(Swift.max(1, months.count - 1)) - 0.5)
        let quality = random.level(around: 0.55 + drift, spread: 0.22)
        let record = AuditRecord(
            auditId: "AUD-\(String(made).leftPadded(8))", planId: plan.planId,
            framework: FrameworkReference(id: framework.id, version: framework.version),
            auditor: "auditor-\(String(random.int(1...60)).leftPadded(2))", auditDate: date, kind: kind,
            status: random.chance(0.01) ? .draft : .final, plan: details(plan, auditDate: date),
            judgements: judgements(quality: quality),
            advices: (0..<random.int(1...4)).map { advice($0, auditDate: date, kind: kind) }
        )
        if random.chance(0.03) && made < count {
            var moderation = record
            moderation.kind = .moderation
            // Most moderation audits name the audit they moderate; the others are linked
            // to the plan's latest earlier audit.
            moderation.moderates = random.chance(0.8) ? record.auditId : nil
            moderation.auditor = "auditor-\(String(random.int(61...70)).leftPadded(2))"
            // Later in the same month, so the pair counts in one month's report.
            moderation.auditDate = CalendarDate(
                year: date.year, month: date.month, day: Swift.min(28, date.day + random.int(0...10)))!
            moderation.judgements = judgements(quality: random.level(around: quality, spread: 0.05))
            pendingModeration = moderation
        }
        return record
    }

    private mutating func details(_ plan: PopulationPlan, auditDate: CalendarDate) -> PlanDetails {
        let type: PlanType = random.pick([(.new, 30), (.amended, 20), (.annualReview, 50)])
        var details = PlanDetails(
            locality: plan.locality, phase: plan.phase.flatMap(Phase.init),
            primaryNeed: plan.primaryNeed.flatMap(PrimaryNeed.init),
            team: plan.team, caseworker: plan.caseworker, planType: type
        )
        if type == .new {
            let issued = auditDate.adding(days: -random.int(5...60))
            details.issueDate = issued
            details.requestDate = issued.adding(
                days: -(random.chance(Proportions.within20Weeks) ? random.int(90...140) : random.int(141...260)))
            // Now and then an exception to the 20-week limit applies (reg. 13(3)).
            details.timelinessException = random.chance(Proportions.timelinessException)
        }
        return details
    }

    private mutating func judgements(quality: Double) -> [Judgement] {
        var judgements: [Judgement] = []
        for section in framework.sections {
            let sectionQuality = random.level(around: quality, spread: 0.12)
            let optional = section.criteria.allSatisfy(\.notApplicable)
            let wholeSectionNA = optional && random.chance(0.35)
            for criterion in section.criteria {
                let na = criterion.notApplicable && (wholeSectionNA || (!optional && random.chance(0.15)))
                let comment = random.chance(0.1) ? Self.comments[random.int(0...Self.comments.count - 1)] : nil
                judgements.append(
                    Judgement(
                        criterion: criterion.id,
                        rating: na ? notApplicableRating : rating(random.level(around: sectionQuality, spread: 0.15)),
                        comment: na ? nil : comment))
            }
        }
        return judgements
    }

    /// A level from 0 (worst) to 1 (best) as a rating on the scale.
    private func rating(_ level: Double) -> String {
        let scale = framework.scale
        return scale[Swift.min(scale.count - 1, Int((1 - level) * Double(scale.count)))].id
    }

    private mutating func advice(_ index: Int, auditDate: CalendarDate, kind: AuditKind) -> Advice {
        let agency: Agency = random.pick([
            (.health, 40), (.educationalPsychology, 25), (.socialCare, 20), (.education, 15),
        ])
        let providers = Self.providers[agency]!
        let status: AdviceStatus =
            agency == .socialCare
            ? random.pick([(.received, 55), (.noNeedsIdentified, 15), (.notKnown, 12), (.blank, 6), (.notReceived, 12)])
            : random.pick([(.received, 80), (.noNeedsIdentified, 6), (.blank, 6), (.notReceived, 8)])
        let requested = auditDate.adding(days: -random.int(90...240))
        let days = 14 + Int((random.unit() * random.unit()) * 110)
        var advice = Advice(
            id: "ADV-\(index + 1)", agency: agency, provider: providers[random.int(0...providers.count - 1)],
            requested: requested,
            received: status == .notReceived ? nil : requested.adding(days: days), status: status,
            // Now and then the family was away or could not attend (reg. 8(2)).
            timelinessException: random.chance(Proportions.adviceDeadlineException)
        )
        if status.isJudged, let criteria = framework.advice?.criteria {
            let quality = random.level(around: 0.6, spread: 0.2)
            advice.judgements = criteria.map { criterion in
                let na =
                    (status == .noNeedsIdentified && criterion.needsDependent)
                    || (criterion.notApplicable && random.chance(0.1))
                return Judgement(
                    criterion: criterion.id,
                    rating: na ? notApplicableRating : rating(random.level(around: quality, spread: 0.15)))
            }
        }
        return advice
    }
}
