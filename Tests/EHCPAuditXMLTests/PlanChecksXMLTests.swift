import EHCPAudit
import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditXML

/// `<planChecks>` (docs/records.md): read as the shipped schema has it, right after
/// `<plan>`, each problem on its line, and the schema agreeing on accept or refuse.
struct PlanChecksXMLTests {
    func document(_ checks: String) -> String {
        """
        <audits xmlns="\(namespace)">
          \(recordOpening)
            <framework id="mini" version="1"/>
            <plan phase="primary"/>
            \(checks)
            <judgement criterion="A1" rating="good"/>
          </audit>
        </audits>
        """
    }

    func read(_ checks: String) throws -> RecordEntry {
        try #require(try entries(try temporaryFile("p.xml", document(checks))).first)
    }

    @Test func readsTheCounts() throws {
        let entry = try read(
            """
            <planChecks rules="2026.1"><count check="vague-wording">3</count>
                <count check="outcome-not-time-bound"> 0 </count><count check="stale-advice">007</count></planChecks>
            """)
        #expect(entry.diagnostics.isEmpty)
        #expect(
            entry.record?.planChecks
                == PlanCheckCounts(
                    rules: "2026.1", counts: [.vagueWording: 3, .outcomeNotTimeBound: 0, .staleAdvice: 7]))
        #expect(try read(#"<planChecks rules="r"/>"#).record?.planChecks == PlanCheckCounts(rules: "r", counts: [:]))
        #expect(try read("").record?.planChecks == nil)
        #expect(XMLDifferentialTests.schema.accepts(Array(document(#"<planChecks rules="r"/>"#).utf8)))
    }

    @Test(arguments: [
        (
            #"<planChecks rules="r"><count check="vague-wordings">3</count></planChecks>"#,
            #"check="vague-wordings" is not one of missing-section, vague-wording"#
        ),
        (
            #"<planChecks rules="r"><count check="vague-wording">-1</count></planChecks>"#,
            #"<count check="vague-wording"> holds "-1": a count is a whole number from 0, in digits"#
        ),
        (#"<planChecks rules="r"><count check="vague-wording">2.5</count></planChecks>"#, #"holds "2.5""#),
        (#"<planChecks rules="r"><count check="vague-wording"></count></planChecks>"#, #"holds """#),
        (#"<planChecks rules=""><count check="vague-wording">1</count></planChecks>"#, #"rules="" must not be empty"#),
        (
            #"<planChecks><count check="vague-wording">1</count></planChecks>"#,
            #"<planChecks> needs the attribute "rules""#
        ),
        (
            #"<planChecks rules="r"><count check="vague-wording">1</count><count check="vague-wording">2</count></planChecks>"#,
            #"the check "vague-wording" is counted twice in <planChecks>"#
        ),
        (#"<planChecks rules="r"><count>1</count></planChecks>"#, #"<count> needs the attribute "check""#),
        (
            #"<planChecks rules="r"><judgement criterion="A1" rating="good"/></planChecks>"#,
            "only <count> elements belong here"
        ),
        (#"<planChecks rules="r">3</planChecks>"#, "unexpected text in <planChecks>"),
        (#"<planChecks rules="r" upn="1"/>"#, #"<planChecks> does not take the attribute "upn""#),
    ])
    func refusesABadCountOnItsLine(_ checks: String, _ message: String) throws {
        let entry = try read(checks)
        #expect(entry.record == nil)
        let problem = try #require(entry.diagnostics.first)
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.line == 5 && problem.auditId == "AUD-1" && problem.file.hasSuffix("p.xml"))
        #expect(!XMLDifferentialTests.schema.accepts(Array(document(checks).utf8)), "the schema refuses it too")
    }

    @Test func comesRightAfterThePlanAndOnce() throws {
        let late = """
            <audit xmlns="\(namespace)" id="AUD-1" plan="P1" auditor="a-1" date="2025-06-12" kind="routine" \
            status="final">
              <framework id="mini" version="1"/>
              <judgement criterion="A1" rating="good"/>
              <planChecks rules="r"/>
            </audit>
            """
        let twice = document(#"<planChecks rules="r"/><planChecks rules="s"/>"#)
        for text in [late, twice] {
            let entry = try #require(try entries(try temporaryFile("o.xml", text)).first)
            #expect(entry.record == nil)
            #expect(entry.diagnostics.contains { $0.message.contains("<planChecks> is out of place in <audit>") })
            #expect(!XMLDifferentialTests.schema.accepts(Array(text.utf8)))
        }
    }

    @Test func theWriterWritesItRightAfterThePlanAndItReadsBack() throws {
        var record = try #require(try read("").record)
        record.planChecks = PlanCheckCounts(rules: "2026.1", counts: [.templateText: 2, .missingSection: 0])
        let xml = try RecordXMLWriter.record(record)
        #expect(
            xml.contains(
                """
                    <plan phase="primary"/>
                    <planChecks rules="2026.1">
                      <count check="missing-section">0</count>
                      <count check="template-text">2</count>
                    </planChecks>
                """))
        let document = RecordXMLWriter.header + "\n" + xml + "\n" + RecordXMLWriter.footer
        #expect(XMLDifferentialTests.schema.accepts(Array(document.utf8)))
        let back = try #require(try entries(try temporaryFile("w.xml", document)).first?.record)
        #expect(back.planChecks == record.planChecks)
    }
}
