import EHCPAudit
import EHCPAuditFormats
import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditReports

/// Renders the score of one small record whose numbers are worked out by hand.
struct ScoreRenderingTests {
    static let framework = try! FrameworkLoader.load(
        text: """
            id: mini
            version: "1"
            title: Mini framework
            scale:
              - { id: outstanding, label: Outstanding, points: 4 }
              - { id: good, label: Good, points: 3 }
              - { id: requires-improvement, label: Requires improvement, points: 2 }
              - { id: inadequate, label: Inadequate, points: 1 }
            actionBelow: good
            grades:
              - { id: good, label: Good, minPercent: 50 }
              - { id: requires-improvement, label: Requires improvement, minPercent: 20 }
              - { id: inadequate, label: Inadequate, minPercent: 0 }
            sections:
              - id: A
                title: Views
                weight: 1
                criteria:
                  - { id: A1, text: Own words, action: "Use the child's own words, \\"first person\\".", \
            notApplicable: true }
              - id: F
                title: Provision
                weight: 3
                criteria:
                  - { id: F1, text: Quantified, action: Quantify provision., cap: { at: inadequate, grade: \
            requires-improvement } }
                  - { id: F2, text: Tied to needs, action: Tie provision to needs. }
            advice:
              deadlineDays: 42
              grades:
                - { id: good, label: Good, minPercent: 50 }
                - { id: inadequate, label: Inadequate, minPercent: 0 }
              criteria:
                - { id: HA1, text: Needs, action: Describe needs., needsDependent: true }
            """, file: "mini.yaml")

    static let result: AuditResult = {
        let record = AuditRecord(
            auditId: "AUD-1", planId: "P1", framework: FrameworkReference(id: "mini", version: "1"), auditor: "a",
            auditDate: CalendarDate("2025-06-12")!,
            judgements: [
                Judgement(criterion: "A1", rating: "outstanding"), Judgement(criterion: "F1", rating: "inadequate"),
                Judgement(criterion: "F2", rating: "outstanding"),
            ],
            advices: [
                Advice(
                    id: "ADV-1", agency: .health, provider: "Trust", requested: CalendarDate("2025-02-01"),
                    received: CalendarDate("2025-03-20"),
                    status: .received, judgements: [Judgement(criterion: "HA1", rating: "good")]),
                Advice(id: "ADV-2", agency: .socialCare, status: .notKnown),
            ]
        )
        return try! Scorer(framework).score(record)
    }()

    @Test func jsonFollowsScoringSection5() throws {
        // A 100; F (0 * 1 + 100) / 2 = 50; overall (100 + 3 * 50) / 4 = 62.5 -> Good, capped by F1.
        // F1 gain = (3/4)(1/2)(66.67 - 0) = 25. Advice: 66.67, 47 days, late.
        let expected =
            #"""
            {"auditId":"AUD-1","planId":"P1","framework":{"id":"mini","version":"1"},"percent":62.5,\#
            "boundaryGrade":"good","grade":"requires-improvement","caps":[{"criterion":"F1",\#
            "grade":"requires-improvement"}],"sections":[{"id":"A","percent":100,"grade":"good"},{"id":"F",\#
            "percent":50,"grade":"good"}],"actions":[{"criterion":"F1","section":"F","rating":"inadequate",\#
            "gain":25,"text":"Quantify provision."}],"advices":[{"id":"ADV-1","status":"received",\#
            "percent":66.67,"grade":"good","days":47,"timely":false},{"id":"ADV-2","status":"not-known",\#
            "percent":null,"grade":null,"days":null,"timely":null}]}
            """#
        #expect(ScoreJSON.record(Self.result) == expected)
        let document = ScoreJSON.header + ScoreJSON.record(Self.result) + ScoreJSON.footer
        #expect(try JSONSerialization.jsonObject(with: Data(document.utf8)) is [String: Any])
    }

    @Test func recordsAppendedAsLinesAreTheListsLinesWithCommasBetween() throws {
        var second = Self.result
        second.auditId = "AUD-2"
        var json = JSONWriter()
        ScoreJSON.appendLine(Self.result, to: &json)
        ScoreJSON.appendLine(second, to: &json)
        #expect(json.text == ScoreJSON.record(Self.result) + "\n," + ScoreJSON.record(second) + "\n")
        let document = ScoreJSON.header + "\n" + json.text + ScoreJSON.footer
        let list = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: [Any]])
        #expect(list["records"]?.count == 2)
    }

    @Test func csvHasOneRowPerRecordAndAColumnPerSection() {
        let csv = ScoreCSV(frameworks: [Self.framework])
        #expect(csv.header == "auditId,planId,percent,grade,boundaryGrade,caps,actions,A,F")
        #expect(
            csv.row(Self.result) == "AUD-1,P1,62.50,requires-improvement,good,F1:requires-improvement,1,100.00,50.00")
    }

    @Test func textExplainsTheGradeCapsAndActionsInWords() {
        let lines = ScoreText.record(Self.result, framework: Self.framework)
        let text = lines.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Grade: Requires improvement, 62.50% (the percentage alone would be Good)"))
        #expect(text.contains("Limited to Requires improvement because F1 was rated Inadequate."))
        #expect(text.contains("1. +25.00 points, F1 (rated Inadequate): Quantify provision."))
        #expect(text.contains("ADV-1 (health, Trust): received, Good (66.67%): 47 days, late (due within 42)"))
        #expect(text.contains("ADV-2 (social-care): child not known to the service"))
        #expect(lines.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func theGuideShowsSharesAndTheFormula() {
        let guide = FrameworkGuide.render(Self.framework)
        #expect(guide.contains("A  Views: weight 1, 25.00% of the grade"))
        #expect(guide.contains("F  Provision: weight 3, 75.00% of the grade"))
        #expect(guide.contains("50.00% of F"))
        #expect(guide.contains("Cap: rated Inadequate or worse limits the grade to Requires improvement"))
        #expect(guide.contains("N/A allowed") && guide.contains("N/A not allowed") && guide.contains("needs-dependent"))
        #expect(guide.contains("100 × (points − 1) ÷ (4 − 1)"))
        #expect(guide.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
