import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// The plan checks against the auditors' ratings, on the mini framework (action threshold
/// Good), worked by hand. `vague-wording` informs F2 and G1; `no-expertise` F1 (and X9,
/// which the framework lacks); `outcome-is-provision` only X9 and `template-text` nothing,
/// so neither has a row.
///
/// Counted, the latest final non-moderation audit of each plan that carries `planChecks`:
/// - P1: R1b (the later of R1 and R1b): vague 0 with G1 inadequate (below); no-expertise 1
///   with F1 inadequate (below);
/// - P2: vague 1, F2 good and G1 na (not below); no-expertise not counted;
/// - P3: vague 0, no-expertise 0, all good (not below);
/// - P8: vague 4, F2 unrated and G1 na (not below); no-expertise not counted.
///
/// Left out: a draft (P4), a moderation audit (P5), an audit without `planChecks` (P6), one
/// of another framework version (P7).
///
/// So vague-wording: found 2 (P2, P8), 0 below; found nothing 2 (P1, P3), 1 below (P1).
/// No-expertise: found 1 (P1), 1 below; found nothing 1 (P3), 0 below.
struct PlanCheckAgreementTests {
    let framework = try! Fixtures.framework()
    let informs: [PlanCheckKind: Set<String>] = [
        .vagueWording: ["G1", "F2"], .noExpertise: ["F1", "X9"], .outcomeIsProvision: ["X9"], .templateText: [],
    ]

    func audit(
        _ id: String, plan: String, date: String = "2025-06-02", kind: AuditKind = .routine,
        status: AuditStatus = .final, version: String = "1", _ ratings: [String: String],
        _ checks: [PlanCheckKind: Int]?
    ) -> AuditSummary {
        AuditSummary(
            auditId: id, planId: plan, framework: FrameworkReference(id: "mini", version: version), auditor: "a-1",
            auditDate: CalendarDate(date)!, kind: kind, status: status, percent: 50, grade: "good", ratings: ratings,
            planChecks: checks)
    }

    var audits: [AuditSummary] {
        let good = ["A1": "good", "A2": "good", "F1": "good", "F2": "good", "G1": "good", "G2": "good"]
        return [
            audit(
                "R1", plan: "P1", good.merging(["F2": "requires-improvement"]) { $1 },
                [.vagueWording: 2, .noExpertise: 0]),
            audit(
                "R1b", plan: "P1", date: "2025-06-10", good.merging(["G1": "inadequate", "F1": "inadequate"]) { $1 },
                [.vagueWording: 0, .noExpertise: 1]),
            audit("R2", plan: "P2", good.merging(["G1": "na"]) { $1 }, [.vagueWording: 1]),
            audit("R3", plan: "P3", good, [.vagueWording: 0, .noExpertise: 0]),
            audit("D4", plan: "P4", status: .draft, good.merging(["F2": "inadequate"]) { $1 }, [.vagueWording: 5]),
            audit("M5", plan: "P5", kind: .moderation, good.merging(["F2": "inadequate"]) { $1 }, [.vagueWording: 5]),
            audit("R6", plan: "P6", good.merging(["F2": "inadequate"]) { $1 }, nil),
            audit("R7", plan: "P7", version: "2", good.merging(["F2": "inadequate"]) { $1 }, [.vagueWording: 3]),
            audit("R8", plan: "P8", good.filter { $0.key != "F2" }.merging(["G1": "na"]) { $1 }, [.vagueWording: 4]),
        ]
    }

    @Test func eachCheckAgainstTheRatingsOfTheCriteriaItInforms() {
        let agreement = PlanCheckAgreement.build(audits, framework: framework, informs: informs)
        #expect(agreement.audits == 4)
        #expect(
            agreement.rows == [
                .init(
                    check: .vagueWording, criteria: ["F2", "G1"], found: 2, foundBelow: 0, notFound: 2, notFoundBelow: 1
                ),
                .init(check: .noExpertise, criteria: ["F1"], found: 1, foundBelow: 1, notFound: 1, notFoundBelow: 0),
            ])
        #expect(agreement.rows[0].foundShare == 0 && agreement.rows[0].notFoundShare == 0.5)
        #expect(agreement.rows[1].foundShare == 1 && agreement.rows[1].notFoundShare == 0)
    }

    @Test func theLatestAuditOfAPlanIsTheOneCounted() {
        // Without R1b, P1 is R1: vague-wording found (2) and F2 below; no-expertise 0, F1 good.
        let agreement = PlanCheckAgreement.build(
            audits.filter { $0.auditId != "R1b" }, framework: framework, informs: informs)
        #expect(agreement.rows[0].found == 3 && agreement.rows[0].foundBelow == 1)
        #expect(agreement.rows[1].found == 0 && agreement.rows[1].foundShare == nil)
        #expect(agreement.rows[1].notFound == 2 && agreement.rows[1].notFoundBelow == 0)
    }

    @Test func noAuditWithPlanChecksNoTable() {
        let none = PlanCheckAgreement.build(
            audits.filter { $0.planId == "P6" || $0.planId == "P4" }, framework: framework, informs: informs)
        #expect(none == PlanCheckAgreement(audits: 0, rows: []))
    }

    @Test func theModerationReportCarriesItForItsFramework() {
        let links = ModerationLinks.link([], among: [])
        let june = ReportPeriod(month: YearMonth("2025-06")!)
        let report = ModerationReport.build(
            period: june, links: links, framework: framework, checked: audits, informs: informs)
        #expect(report.pairs == 0 && report.planChecks.audits == 4 && report.planChecks.rows.count == 2)
        let noFramework = ModerationReport.build(
            period: june, links: links, framework: nil, checked: audits, informs: informs)
        #expect(noFramework.planChecks.rows.isEmpty)
    }
}
