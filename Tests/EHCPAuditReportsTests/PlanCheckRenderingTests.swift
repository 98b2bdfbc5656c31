import EHCPAuditTestSupport
import Foundation
import Testing

/// The plan checks' table in the moderation report, in every format: each share with the
/// numbers behind it. Two audits of the shipped framework: one where vague-wording found 3
/// and F4 was rated inadequate (below Good), one where it found nothing and all was Good.
struct PlanCheckRenderingTests {
    var report: ModerationReport {
        let framework = Project.framework
        func audit(_ id: String, _ plan: String, _ f4: String, _ count: Int) -> AuditSummary {
            AuditSummary(
                auditId: id, planId: plan, framework: FrameworkReference(id: framework.id, version: framework.version),
                auditor: "a-1", auditDate: CalendarDate("2025-06-02")!, kind: .routine, status: .final, percent: 50,
                grade: "good", ratings: ["F4": f4, "E1": "good"], planChecks: [.vagueWording: count, .noReviewDate: 0])
        }
        return ModerationReport.build(
            period: ReportPeriod(month: YearMonth("2025-06")!), links: ModerationLinks.link([], among: []),
            framework: framework, checked: [audit("R1", "P1", "inadequate", 3), audit("R2", "P2", "good", 0)],
            informs: Project.planCheckRules.informedCriteria)
    }

    @Test func jsonGivesEveryFigure() throws {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(ModerationReportJSON.render(report).utf8)) as? [String: Any])
        let checks = try #require(json["planChecks"] as? [String: Any])
        #expect(checks["audits"] as? Int == 2)
        let rows = try #require(checks["checks"] as? [[String: Any]])
        #expect(rows.count == Project.planCheckRules.informedCriteria.filter { !$0.value.isEmpty }.count)
        let vague = try #require(rows.first { $0["check"] as? String == "vague-wording" })
        #expect(vague["criteria"] as? [String] == ["F4", "G1", "H1a", "H2a"])
        #expect(vague["found"] as? Int == 1 && vague["foundBelow"] as? Int == 1 && vague["foundShare"] as? Double == 1)
        #expect(vague["notFound"] as? Int == 1 && vague["notFoundBelow"] as? Int == 0)
        let review = try #require(rows.first { $0["check"] as? String == "no-review-date" })
        #expect(review["found"] as? Int == 0 && review["foundShare"] is NSNull && review["notFound"] as? Int == 2)
        #expect(!rows.contains { $0["check"] as? String == "template-text" }, "it informs no criterion")
    }

    @Test func theDocumentsShowEachShareWithItsNumbers() {
        let blocks = ModerationLayout.blocks(report)
        let markdown = MarkdownRenderer.render(blocks).replacingOccurrences(of: "\\.", with: ".")
        for text in [TextRenderer.render(blocks), markdown, HTMLRenderer.render(blocks)] {
            #expect(text.contains("Do auditors agree with the checks?"))
            #expect(text.contains("no audits"), "a check no audit counted")
            #expect(text.contains("100.0% (1 of 1)") && text.contains("0.0% (0 of 1)"))
            #expect(text.contains("0.0% (0 of 2)"), "no-review-date found nothing in both")
        }
        var none = report
        none.planChecks = PlanCheckAgreement(audits: 0, rows: [])
        #expect(!TextRenderer.render(ModerationLayout.blocks(none)).contains("agree with the checks"))
    }
}
