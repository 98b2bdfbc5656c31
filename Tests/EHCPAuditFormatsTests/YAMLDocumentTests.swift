import EHCPAudit
import Testing

@testable import EHCPAuditFormats

/// YAML anchors and aliases are refused, with the file and line, wherever they are real
/// and nowhere else. (An alias bomb is refused before it expands: HostileInputTests.)
struct YAMLDocumentTests {
    func refusal(_ text: String) -> String? {
        do {
            _ = try YAMLDocument.parse(text, file: "f.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func anchorsAndAliasesInQuotesAndCommentsAreText() throws {
        let document = try YAMLDocument.parse("a: '&x *y'\nb: \"*z &w\" # &c *d\n# *e &f\nc: R&D *g\n", file: "f.yaml")
        guard case .object(let members) = document.value else {
            Issue.record("expected a mapping")
            return
        }
        let values = members.map { member -> String in
            if case .string(let text) = member.node.value { text } else { "" }
        }
        #expect(values == ["&x *y", "*z &w", "R&D *g"])
    }

    @Test(arguments: [
        ("a: 1\nb: &x 2\n", 2),
        ("&k a: 1\n", 1),
        ("a: 1\nb: &m\n  c: 1\n", 2),
        ("- 1\n- &s [1, 2]\n", 2),
    ])
    func aRealAnchorIsRefusedWithItsLine(_ text: String, _ line: Int) {
        #expect(
            refusal(text)
                == "f.yaml:\(line): error: YAML anchors (&name) are not allowed in frameworks: write the value without one"
        )
    }

    /// An alias is named where it stands, not where its anchor does.
    @Test func anAliasIsRefusedAtItsOwnLine() {
        #expect(
            refusal("a: &x 1\nb: 2\nc: *x\n")
                == "f.yaml:3: error: YAML aliases (*name) are not allowed in frameworks: write the value out")
    }
}
