/// What linking and comparing audits needs of each one: who audited which plan, when,
/// against which framework, and what they concluded.
public struct AuditSummary: Sendable, Equatable {
    public var auditId: String
    public var planId: String
    public var framework: FrameworkReference
    public var auditor: String
    public var auditDate: CalendarDate
    public var kind: AuditKind
    public var status: AuditStatus
    public var moderates: String?
    /// The overall percent, unrounded.
    public var percent: Double
    /// The final grade's id (after caps).
    public var grade: String
    /// Criterion id → rating id (`na` included), for the plan criteria.
    public var ratings: [String: String]
    /// The record's `planChecks` counts, when it carries them (``PlanCheckAgreement``).
    public var planChecks: [PlanCheckKind: Int]?

    public init(
        auditId: String, planId: String, framework: FrameworkReference, auditor: String, auditDate: CalendarDate,
        kind: AuditKind, status: AuditStatus, moderates: String? = nil, percent: Double, grade: String,
        ratings: [String: String], planChecks: [PlanCheckKind: Int]? = nil
    ) {
        self.auditId = auditId
        self.planId = planId
        self.framework = framework
        self.auditor = auditor
        self.auditDate = auditDate
        self.kind = kind
        self.status = status
        self.moderates = moderates
        self.percent = percent
        self.grade = grade
        self.ratings = ratings
        self.planChecks = planChecks
    }
}

/// Final moderation audits linked to the audit at the root of what they moderate
/// (docs/moderation.md, "Linking").
///
/// A moderation audit `M` names its target with `moderates`, or else its target is the
/// latest final, non-moderation audit of the same plan and framework dated on or before
/// it. A target that is itself a moderation audit is followed in turn to the *root*. `M`
/// is unmatched when a link is missing or wrong, when the chain loops, or when its auditor
/// already coded the root's group (the root's auditor or an earlier moderator of it).
public struct ModerationLinks: Sendable, Equatable {
    /// Why a moderation audit could not be compared.
    public enum Reason: String, Error, Sendable, CaseIterable {
        case unknownAudit = "unknown-audit"
        case notFinal = "not-final"
        case otherPlan = "other-plan"
        case otherFramework = "other-framework"
        case noEarlierAudit = "no-earlier-audit"
        case cycle
        case sameAuditor = "same-auditor"
    }

    /// A root audit and the moderation audits that lead to it.
    public struct Group: Sendable, Equatable {
        public var root: AuditSummary
        /// In `auditDate`, then `auditId` order.
        public var moderations: [AuditSummary]
    }

    public struct Unmatched: Sendable, Equatable {
        public var auditId: String
        public var reason: Reason
    }

    /// Groups in root `auditId` order.
    public var groups: [Group]
    /// In `auditId` order.
    public var unmatched: [Unmatched]

    /// Links each of `moderations` (the final moderation audits of a period) through
    /// `audits` (every stored audit that could be a target, drafts included so that they
    /// are named as such).
    public static func link(_ moderations: [AuditSummary], among audits: [AuditSummary]) -> ModerationLinks {
        let byId = Dictionary(audits.map { ($0.auditId, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = moderations.filter { $0.kind == .moderation && $0.status == .final }
            .sorted { ($0.auditDate, $0.auditId) < ($1.auditDate, $1.auditId) }
        var groups: [String: Group] = [:]
        var coders: [String: Set<String>] = [:]
        var unmatched: [Unmatched] = []
        for moderation in ordered {
            switch root(of: moderation, byId: byId, audits: audits) {
            case .failure(let reason):
                unmatched.append(Unmatched(auditId: moderation.auditId, reason: reason))
            case .success(let root):
                var seen = coders[root.auditId] ?? [root.auditor]
                guard !seen.contains(moderation.auditor) else {
                    unmatched.append(Unmatched(auditId: moderation.auditId, reason: .sameAuditor))
                    continue
                }
                seen.insert(moderation.auditor)
                coders[root.auditId] = seen
                groups[root.auditId, default: Group(root: root, moderations: [])].moderations.append(moderation)
            }
        }
        return ModerationLinks(
            groups: groups.values.sorted { $0.root.auditId < $1.root.auditId },
            unmatched: unmatched.sorted { $0.auditId < $1.auditId })
    }

    /// The root that `moderation`'s chain of targets ends at.
    private static func root(
        of moderation: AuditSummary, byId: [String: AuditSummary], audits: [AuditSummary]
    ) -> Result<AuditSummary, Reason> {
        var visited: Set<String> = [moderation.auditId]
        var current = moderation
        while true {
            let target: AuditSummary
            switch self.target(of: current, for: moderation, byId: byId, audits: audits) {
            case .failure(let reason): return .failure(reason)
            case .success(let found): target = found
            }
            if target.kind != .moderation { return .success(target) }
            guard visited.insert(target.auditId).inserted else { return .failure(.cycle) }
            current = target
        }
    }

    /// The audit `link` moderates, checked against `moderation`'s plan and framework.
    private static func target(
        of link: AuditSummary, for moderation: AuditSummary, byId: [String: AuditSummary], audits: [AuditSummary]
    ) -> Result<AuditSummary, Reason> {
        guard let id = link.moderates else {
            let earlier = audits.filter {
                $0.isCounted && $0.planId == moderation.planId
                    && $0.framework == moderation.framework && $0.auditDate <= link.auditDate
            }
            guard let latest = earlier.max(by: { ($0.auditDate, $0.auditId) < ($1.auditDate, $1.auditId) }) else {
                return .failure(.noEarlierAudit)
            }
            return .success(latest)
        }
        guard let target = byId[id] else { return .failure(.unknownAudit) }
        guard target.status == .final else { return .failure(.notFinal) }
        guard target.planId == moderation.planId else { return .failure(.otherPlan) }
        guard target.framework == moderation.framework else { return .failure(.otherFramework) }
        return .success(target)
    }
}
