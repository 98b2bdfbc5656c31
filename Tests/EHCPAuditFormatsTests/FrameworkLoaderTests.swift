import EHCPAudit
import EHCPAuditTestSupport
import Testing

@testable import EHCPAuditFormats

struct FrameworkLoaderTests {
    static let yaml = """
        id: mini
        version: 2025.1
        title: Mini
        scale:
          - { id: good, label: Good, points: 2 }
          - { id: poor, label: Poor, points: 1 }
        actionBelow: good
        grades:
          - { id: pass, label: Pass, minPercent: 50 }
          - { id: fail, label: Fail, minPercent: 0 }
        sections:
          - id: A
            title: Views
            weight: 1
            criteria:
              - id: A1
                text: Views in own words
                action: Record the child's own words.
                cap: { at: poor, grade: fail }
        advice:
          deadlineDays: 42
          grades:
            - { id: pass, label: Pass, minPercent: 50 }
            - { id: fail, label: Fail, minPercent: 0 }
          criteria:
            - { id: HA1, text: Needs, action: Describe needs., needsDependent: true, notApplicable: true }
        """

    func diagnostics(_ text: String, file: String = "f.yaml") -> [Diagnostic] {
        do {
            _ = try FrameworkLoader.load(text: text, file: file)
            Issue.record("expected the framework to be refused")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func loadsYAMLWithDefaultsAndNumericVersionAsText() throws {
        let framework = try FrameworkLoader.load(text: Self.yaml, file: "mini.yaml")
        #expect(framework.version == "2025.1")
        let criterion = framework.sections[0].criteria[0]
        #expect(criterion.weight == 1 && !criterion.notApplicable && criterion.cap == Cap(at: "poor", grade: "fail"))
        #expect(framework.advice?.criteria[0].needsDependent == true)
        #expect(framework.advice?.deadlineDays == 42)
    }

    @Test func loadsTheSameFrameworkFromJSON() throws {
        let json = """
            {"id":"mini","version":"2025.1","title":"Mini","actionBelow":"good",
             "scale":[{"id":"good","label":"Good","points":2},{"id":"poor","label":"Poor","points":1}],
             "grades":[{"id":"pass","label":"Pass","minPercent":50},{"id":"fail","label":"Fail","minPercent":0}],
             "sections":[{"id":"A","title":"Views","weight":1,"criteria":[{"id":"A1","text":"Views in own \
            words","action":"Record the child's own words.","cap":{"at":"poor","grade":"fail"}}]}],
             "advice":{"deadlineDays":42,"grades":[{"id":"pass","label":"Pass","minPercent":50},{"id":"fail",\
            "label":"Fail","minPercent":0}],
                       "criteria":[{"id":"HA1","text":"Needs","action":"Describe \
            needs.","needsDependent":true,"notApplicable":true}]}}
            """
        #expect(
            try FrameworkLoader.load(text: json, file: "mini.json")
                == FrameworkLoader.load(text: Self.yaml, file: "mini.yaml"))
    }

    @Test func aBrokenRuleNamesTheFileLineEntryAndRule() {
        let text = Self.yaml.replacingOccurrences(of: "    weight: 1\n", with: "    weight: 0\n")
        let found = diagnostics(text)
        #expect(
            found.map(\.description) == [
                """
                f.yaml:14: error: at sections[0].weight: section A: weight must be greater than 0 and at most \
                1000000, found 0
                """
            ])
    }

    @Test func aRuleInsideACriterionPointsAtTheCriterion() {
        let text = Self.yaml.replacingOccurrences(
            of: "cap: { at: poor, grade: fail }", with: "cap: { at: poor, grade: excellent }")
        #expect(
            diagnostics(text).map(\.description) == [
                "f.yaml:19: error: at sections[0].criteria[0].cap: criterion A1: cap.grade \"excellent\" names no grade"
            ])
    }

    @Test func aMisspeltKeyIsRefusedNotIgnored() {
        let text = Self.yaml.replacingOccurrences(of: "    weight: 1\n", with: "    wieght: 1\n")
        let found = diagnostics(text).map(\.description)
        #expect(
            found.contains(
                """
                f.yaml:14: error: at sections[0].wieght: unknown field \"wieght\" (allowed here: id, title, \
                weight, criteria)
                """
            ))
        #expect(found.contains("f.yaml:12: error: at sections[0].weight: missing required field \"weight\""))
    }

    @Test func aWrongTypeIsNamed() {
        let text = Self.yaml.replacingOccurrences(of: "points: 2", with: "points: two")
        #expect(
            diagnostics(text).map(\.description) == [
                "f.yaml:5: error: at scale[0].points: \"points\" must be a number, found a string"
            ])
    }

    @Test func aYAMLSyntaxErrorHasItsLine() {
        let found = diagnostics("id: x\nscale: [\n  - a: b\n")
        #expect(found.count == 1)
        #expect(found[0].line != nil)
        #expect(found[0].message.hasPrefix("invalid YAML"))
    }

    @Test func aMissingFileIsNamed() {
        #expect {
            _ = try FrameworkLoader.load(path: "/nonexistent/criteria.yaml")
        } throws: { error in
            (error as? FrameworkLoadError)?.diagnostics.first?.description.hasPrefix(
                "/nonexistent/criteria.yaml: error: cannot read") == true
        }
    }

    @Test func theShippedFrameworkCoversEveryStatutorySection() throws {
        let framework = try FrameworkLoader.load(path: Project.root + "/criteria/ehcp-qa.yaml")
        #expect(framework.sections.map(\.id) == ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"])
        #expect(framework.sections.flatMap(\.criteria).count >= 40)
        let f1 = try #require(framework.sections.first { $0.id == "F" }?.criteria.first { $0.id == "F1" })
        #expect(f1.cap == Cap(at: "inadequate", grade: "requires-improvement"))
        let advice = try #require(framework.advice)
        #expect(advice.deadlineDays == 42)
        #expect(advice.criteria.contains { $0.needsDependent })
        // C and D: "none" is a gradable answer, so they may not be marked not applicable.
        #expect(
            framework.sections.filter { ["C", "D"].contains($0.id) }.flatMap(\.criteria).allSatisfy {
                !$0.notApplicable
            })
    }
}
