/// Do auditors agree with the plan checks? For each check, set against the ratings of the
/// criteria it informs (docs/moderation.md, "Plan checks"): of the audits where it found
/// something, the share where the auditor rated an informed criterion below the
/// framework's action threshold (`actionBelow`), and of those where it found nothing, the
/// share rated below anyway. A check a local area can trust has a high first share and a
/// low second one.
///
/// The audits are the latest final audit of each plan that carries `planChecks`, made in
/// the report's period against the compared framework (id and version), moderation audits
/// aside: one plan counts once, however often it was audited, by the auditor's reading of
/// the latest document checked; a moderation audit is a second look at a plan already
/// counted, and drafts are never counted. A check the audit did not count (missing from
/// its `counts`) leaves it out of that check's row.
///
/// ```swift
/// let agreement = PlanCheckAgreement.build(
///     audits, framework: framework, informs: [.vagueWording: ["F4", "G1", "H1a", "H2a"]])
/// agreement.rows[0].found   // audits where vague-wording found something
/// ```
public struct PlanCheckAgreement: Sendable, Equatable {
    /// One check against the criteria it informs.
    public struct Row: Sendable, Equatable {
        public var check: PlanCheckKind
        /// The informed criteria of the framework, in its order.
        public var criteria: [String]
        /// Audits where the check found something (count above 0) …
        public var found: Int
        /// … and of them, those rating an informed criterion below the threshold.
        public var foundBelow: Int
        /// Audits where the check found nothing (count 0) …
        public var notFound: Int
        /// … and of them, those rating an informed criterion below the threshold anyway.
        public var notFoundBelow: Int

        /// `foundBelow` of `found`; nil when the check found nothing in any audit.
        public var foundShare: Double? { ModerationReport.share(foundBelow, of: found) }
        /// `notFoundBelow` of `notFound`; nil when it found something in every audit.
        public var notFoundShare: Double? { ModerationReport.share(notFoundBelow, of: notFound) }
    }

    /// The audits compared: the latest of each plan, as above.
    public var audits: Int
    /// A row per check that informs a criterion of the framework, in ``PlanCheckKind``
    /// order; none when no audit carries `planChecks`.
    public var rows: [Row]

    public init(audits: Int, rows: [Row]) {
        self.audits = audits
        self.rows = rows
    }

    /// The table over `audits` (any mix: those that do not qualify, as above, are left
    /// out) for `framework`. `informs` maps each check to the criterion ids it informs, as
    /// the plan-check rules file says; criteria the framework does not have are ignored, and
    /// a check informing none of its criteria has no row. "Rated below" means a rating on
    /// the scale with fewer points than `actionBelow`'s; `na` and an unrated criterion are
    /// not below.
    public static func build(
        _ audits: [AuditSummary], framework: Framework, informs: [PlanCheckKind: Set<String>]
    ) -> PlanCheckAgreement {
        let reference = FrameworkReference(id: framework.id, version: framework.version)
        var latest: [String: AuditSummary] = [:]
        for audit in audits
        where audit.planChecks != nil && audit.isCounted
            && audit.framework == reference
        {
            if let held = latest[audit.planId],
                (held.auditDate, held.auditId) >= (audit.auditDate, audit.auditId)
            {
                continue
            }
            latest[audit.planId] = audit
        }
        guard !latest.isEmpty else { return PlanCheckAgreement(audits: 0, rows: []) }
        let threshold = framework.rating(framework.actionBelow)?.points ?? 0
        let points = Dictionary(uniqueKeysWithValues: framework.scale.map { ($0.id, $0.points) })
        let order = framework.sections.flatMap(\.criteria).map(\.id)
        let rows = PlanCheckKind.allCases.compactMap { check -> Row? in
            let informed = order.filter { informs[check]?.contains($0) == true }
            guard !informed.isEmpty else { return nil }
            var row = Row(check: check, criteria: informed, found: 0, foundBelow: 0, notFound: 0, notFoundBelow: 0)
            for audit in latest.values {
                guard let count = audit.planChecks?[check] else { continue }
                let below = informed.contains { points[audit.ratings[$0] ?? ""].map { $0 < threshold } ?? false }
                if count > 0 {
                    row.found += 1
                    if below { row.foundBelow += 1 }
                } else {
                    row.notFound += 1
                    if below { row.notFoundBelow += 1 }
                }
            }
            return row
        }
        return PlanCheckAgreement(audits: latest.count, rows: rows)
    }
}
