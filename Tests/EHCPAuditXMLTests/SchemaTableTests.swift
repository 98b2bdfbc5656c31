import EHCPAuditTestSupport
import Foundation
import Testing

/// The shipped XSD and the ``RecordField`` table (with the word lists of the core) name
/// the same things, so the XML reader, the writers and the schema cannot drift apart.
struct SchemaTableTests {
    static let xsd = try! String(
        contentsOfFile: Project.path("Sources/EHCPAuditXML/ehcp-audit-record.xsd"), encoding: .utf8)

    /// The text of the definition that starts with `opening`, up to its closing tag.
    static func block(_ opening: String, closing: String) -> String {
        guard let start = xsd.range(of: opening),
            let end = xsd.range(of: closing, range: start.upperBound..<xsd.endIndex)
        else { return "" }
        return String(xsd[start.lowerBound..<end.upperBound])
    }

    static func names(_ kind: String, in text: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: "<xs:\(kind) name=\"([A-Za-z]+)\"")
        let range = NSRange(text.startIndex..., in: text)
        return Set(pattern.matches(in: text, range: range).map { String(text[Range($0.range(at: 1), in: text)!]) })
    }

    static func attributes<Field: RecordFieldName>(_ type: Field.Type) -> Set<String> {
        Set(Field.allCases.compactMap(\.xmlAttribute))
    }

    static func elements<Field: RecordFieldName>(_ type: Field.Type) -> Set<String> {
        Set(Field.allCases.compactMap(\.xmlElement))
    }

    @Test func theAuditElementMatchesTheTable() {
        let audit = Self.block("<xs:element name=\"audit\">", closing: "\n  </xs:element>\n")
        #expect(!audit.isEmpty)
        #expect(Self.names("attribute", in: audit) == Self.attributes(RecordField.Audit.self))
        #expect(Self.names("element", in: audit).subtracting(["audit"]) == Self.elements(RecordField.Audit.self))
    }

    @Test func eachComplexTypeMatchesItsTable() {
        func type(_ name: String) -> String {
            Self.block("<xs:complexType name=\"\(name)\">", closing: "</xs:complexType>")
        }
        #expect(Self.names("attribute", in: type("FrameworkReference")) == Self.attributes(RecordField.Framework.self))
        #expect(Self.names("attribute", in: type("Plan")) == Self.attributes(RecordField.Plan.self))
        #expect(Self.names("attribute", in: type("Judgement")) == Self.attributes(RecordField.Judgement.self))
        #expect(type("Judgement").contains("xs:simpleContent"), "the comment is the element's text")
        #expect(RecordField.Judgement.comment.xml == .text)
        #expect(Self.names("attribute", in: type("Advice")) == Self.attributes(RecordField.Advice.self))
        #expect(Self.names("element", in: type("Advice")) == Self.elements(RecordField.Advice.self))
        #expect(Self.names("attribute", in: type("PlanChecks")) == Self.attributes(RecordField.PlanChecks.self))
        #expect(Self.names("element", in: type("PlanChecks")) == Self.elements(RecordField.PlanChecks.self))
        #expect(Self.names("attribute", in: type("PlanCheckCount")) == Self.attributes(RecordField.PlanCheckCount.self))
        #expect(type("PlanCheckCount").contains("xs:simpleContent"), "the count is the element's text")
        #expect(RecordField.PlanCheckCount.count.xml == .text)
    }

    @Test(arguments: [
        ("AuditKind", AuditKind.allCases.map(\.rawValue)), ("AuditStatus", AuditStatus.allCases.map(\.rawValue)),
        ("Phase", Phase.allCases.map(\.rawValue)), ("PrimaryNeed", PrimaryNeed.allCases.map(\.rawValue)),
        ("PlanType", PlanType.allCases.map(\.rawValue)), ("Agency", Agency.allCases.map(\.rawValue)),
        ("AdviceStatus", AdviceStatus.allCases.map(\.rawValue)), ("PlanCheck", PlanCheckKind.allCases.map(\.rawValue)),
    ])
    func wordListsMatchTheCore(_ type: String, _ words: [String]) {
        let block = Self.block("<xs:simpleType name=\"\(type)\">", closing: "</xs:simpleType>")
        let pattern = try! NSRegularExpression(pattern: "<xs:enumeration value=\"([^\"]+)\"")
        let values = pattern.matches(in: block, range: NSRange(block.startIndex..., in: block))
            .map { String(block[Range($0.range(at: 1), in: block)!]) }
        #expect(values == words)
    }

    @Test func everyJSONKeyIsTheCaseName() {
        #expect(
            RecordField.Audit.allCases.map(\.json) == [
                "auditId", "planId", "framework", "auditor", "auditDate", "kind", "status", "moderates", "plan",
                "planChecks", "judgements", "advices",
            ])
        #expect(RecordField.Plan(json: "planType") == .planType && RecordField.Plan(json: "type") == nil)
        #expect(RecordField.Plan.planType.xml == .attribute("type"))
    }
}
