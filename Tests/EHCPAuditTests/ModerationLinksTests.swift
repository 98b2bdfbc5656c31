import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// Each linking rule of docs/moderation.md, and each reason a moderation audit is left
/// unmatched, on audits of one plan.
struct ModerationLinksTests {
    static let mini = FrameworkReference(id: "mini", version: "1")

    static func audit(
        _ id: String, _ date: String, by auditor: String = "a-1", kind: AuditKind = .routine,
        status: AuditStatus = .final, moderates: String? = nil, plan: String = "P1",
        framework: FrameworkReference = mini
    ) -> AuditSummary {
        AuditSummary(
            auditId: id, planId: plan, framework: framework, auditor: auditor, auditDate: CalendarDate(date)!,
            kind: kind, status: status, moderates: moderates, percent: 50, grade: "good", ratings: [:])
    }

    static func moderation(
        _ id: String, _ date: String, by auditor: String = "m-1", moderates: String? = nil
    )
        -> AuditSummary
    {
        audit(id, date, by: auditor, kind: .moderation, moderates: moderates)
    }

    static func link(_ moderations: [AuditSummary], _ others: [AuditSummary]) -> ModerationLinks {
        ModerationLinks.link(moderations, among: moderations + others)
    }

    @Test func moderatesNamesTheTarget() {
        let links = Self.link(
            [Self.moderation("M", "2025-06-20", moderates: "A")],
            [Self.audit("A", "2025-06-01"), Self.audit("B", "2025-06-10")])
        #expect(links.groups.map(\.root.auditId) == ["A"] && links.unmatched.isEmpty)
    }

    @Test func withoutModeratesTheLatestEarlierFinalAuditOfThePlan() {
        let links = Self.link(
            [Self.moderation("M", "2025-06-20")],
            [
                Self.audit("A", "2025-06-01"), Self.audit("C", "2025-06-10"), Self.audit("B", "2025-06-10"),
                Self.audit("D", "2025-06-25"), Self.audit("E", "2025-06-15", status: .draft),
                Self.audit("F", "2025-06-18", plan: "P2"),
            ])
        #expect(links.groups.map(\.root.auditId) == ["C"], "same day: the greater id; later, draft, other plan: no")
    }

    @Test func aChainOfModerationsLeadsToItsRoot() {
        let links = Self.link(
            [
                Self.moderation("M1", "2025-06-10", by: "m-1", moderates: "A"),
                Self.moderation("M2", "2025-06-20", by: "m-2", moderates: "M1"),
            ],
            [Self.audit("A", "2025-06-01")])
        #expect(links.groups.count == 1 && links.groups[0].root.auditId == "A")
        #expect(links.groups[0].moderations.map(\.auditId) == ["M1", "M2"])
    }

    @Test(arguments: [
        (
            [Self.moderation("M", "2025-06-20", moderates: "X")], [Self.audit("A", "2025-06-01")],
            ModerationLinks.Reason.unknownAudit
        ),
        (
            [Self.moderation("M", "2025-06-20", moderates: "A")], [Self.audit("A", "2025-06-01", status: .draft)],
            .notFinal
        ),
        ([Self.moderation("M", "2025-06-20", moderates: "A")], [Self.audit("A", "2025-06-01", plan: "P2")], .otherPlan),
        (
            [Self.moderation("M", "2025-06-20", moderates: "A")],
            [Self.audit("A", "2025-06-01", framework: FrameworkReference(id: "mini", version: "2"))], .otherFramework
        ),
        ([Self.moderation("M", "2025-06-20")], [Self.audit("A", "2025-06-21")], .noEarlierAudit),
        (
            [
                Self.moderation("M1", "2025-06-10", by: "m-1", moderates: "M2"),
                Self.moderation("M2", "2025-06-20", by: "m-2", moderates: "M1"),
            ], [], .cycle
        ),
        (
            [Self.moderation("M", "2025-06-20", by: "a-1", moderates: "A")], [Self.audit("A", "2025-06-01")],
            .sameAuditor
        ),
    ])
    func eachReasonForLeavingAModerationUnmatched(
        _ moderations: [AuditSummary], _ others: [AuditSummary], _ reason: ModerationLinks.Reason
    ) {
        let links = Self.link(moderations, others)
        #expect(links.groups.isEmpty)
        #expect(Set(links.unmatched.map(\.reason)) == [reason])
    }

    @Test func aModeratorCountsOncePerRootAndTheLaterOneIsUnmatched() {
        let links = Self.link(
            [
                Self.moderation("M2", "2025-06-20", by: "m-1", moderates: "A"),
                Self.moderation("M1", "2025-06-10", by: "m-1", moderates: "A"),
                Self.moderation("M3", "2025-06-20", by: "m-3", moderates: "A"),
            ],
            [Self.audit("A", "2025-06-01")])
        #expect(links.groups[0].moderations.map(\.auditId) == ["M1", "M3"])
        #expect(links.unmatched == [ModerationLinks.Unmatched(auditId: "M2", reason: .sameAuditor)])
    }

    @Test func aBrokenLinkInAChainGivesItsReason() {
        let links = Self.link(
            [Self.moderation("M2", "2025-06-20", by: "m-2", moderates: "M1")],
            [
                Self.audit("M1", "2025-06-10", by: "m-1", kind: .moderation, moderates: "A", plan: "P1"),
                Self.audit("A", "2025-06-01", plan: "P9"),
            ])
        #expect(links.unmatched.map(\.reason) == [.otherPlan])
    }

    @Test func draftModerationsAreLeftOut() {
        let draft = Self.audit("M", "2025-06-20", by: "m-1", kind: .moderation, status: .draft, moderates: "A")
        let links = ModerationLinks.link([draft], among: [draft, Self.audit("A", "2025-06-01")])
        #expect(links.groups.isEmpty && links.unmatched.isEmpty)
    }
}
