import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// Which audits count (docs/reports.md, "Which audits count"), for a whole record and for
/// the summary that agreement works on alike.
struct CountedAuditTests {
    static let cases: [(AuditStatus, AuditKind, Bool)] = [
        (.final, .routine, true), (.final, .multiAgency, true), (.final, .moderation, false),
        (.draft, .routine, false), (.draft, .multiAgency, false), (.draft, .moderation, false),
    ]

    @Test(arguments: cases) func onlyFinalAuditsThatAreNotModerationsCount(
        status: AuditStatus, kind: AuditKind, counts: Bool
    ) {
        var record = Fixtures.record([:])
        record.status = status
        record.kind = kind
        let summary = AuditSummary(
            auditId: "A", planId: "P1", framework: record.framework, auditor: "a", auditDate: record.auditDate,
            kind: kind, status: status, percent: 0, grade: "good", ratings: [:])
        #expect(record.isCounted == counts)
        #expect(summary.isCounted == counts)
    }
}
