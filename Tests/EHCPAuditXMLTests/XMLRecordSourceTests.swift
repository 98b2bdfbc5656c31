import EHCPAudit
import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditXML

struct XMLRecordSourceTests {
    @Test(arguments: [
        ("audits-2025-06.json", "audits-2025-06.xml"), ("audits-2025-06-late.jsonl", "audits-2025-06-late.xml"),
        ("AUD-2025-06-0012.json", "AUD-2025-06-0012.xml"),
    ])
    func everyXMLSampleHoldsTheSameRecordsAsItsJSONTwin(_ json: String, _ xml: String) throws {
        let fromJSON = try entries("\(Project.root)/samples/\(json)")
        let fromXML = try entries("\(Project.root)/samples/\(xml)")
        #expect(fromXML.allSatisfy { $0.diagnostics.isEmpty })
        #expect(fromXML.count == fromJSON.count)
        #expect(fromXML.map { $0.record?.withoutLines } == fromJSON.map { $0.record?.withoutLines })
    }

    @Test func keepsTheLineOfEveryElement() throws {
        let path = try temporaryFile(
            "a.xml",
            """
            <audits xmlns="\(namespace)">
              \(recordOpening)
                <framework id="mini" version="1"/>
                <judgement criterion="A1" rating="good">Own words</judgement>
                <advice id="ADV-1" agency="health" status="blank"/>
              </audit>
            </audits>
            """)
        let record = try #require(try entries(path).first?.record)
        #expect(record.line == 2)
        #expect(record.judgements.map(\.line) == [4])
        #expect(record.advices.map(\.line) == [5])
    }

    @Test func readsCommentsExactly() throws {
        let path = try temporaryFile(
            "c.xml",
            """
            <audit xmlns="\(namespace)" id="AUD-1" plan="P1" auditor="a-1" date="2025-06-12" kind="routine" \
            status="final">
              <framework id="mini" version="1"/>
              <judgement criterion="A1" rating="good">  "Own" words &amp; &lt;more&gt;
            second line</judgement>
              <judgement criterion="A2" rating="good"></judgement>
            </audit>
            """)
        let read = try entries(path)
        #expect(read.count == 1 && read[0].diagnostics.isEmpty)
        #expect(read[0].record?.judgements.map(\.comment) == ["  \"Own\" words & <more>\nsecond line", nil])
    }

    @Test func readsAttributeValuesExactly() throws {
        // A judgement's two attributes take a quicker path when given plainly; escaped
        // characters, a literal `&` above all, must come out the same either way.
        let path = try temporaryFile(
            "attributes.xml",
            """
            <audit xmlns="\(namespace)" id="AUD-1" plan="P1" auditor="a-1" date="2025-06-12" kind="routine" \
            status="final">
              <framework id="mini" version="1"/>
              <judgement criterion="A&amp;1" rating="good"/>
              <judgement criterion="A2" rating="&lt;good&gt; &#38; &#x41;"/>
              <judgement rating="good" criterion="A3"/>
            </audit>
            """)
        let read = try entries(path)
        #expect(read.count == 1 && read[0].diagnostics.isEmpty)
        let judgements = read[0].record?.judgements ?? []
        #expect(judgements.map(\.criterion) == ["A&1", "A2", "A3"])
        #expect(judgements.map(\.rating) == ["good", "<good> & A", "good"])
    }

    @Test func schemaErrorsBelongToTheirOwnRecordEvenOnOneLine() throws {
        let good = recordOpening + #"<framework id="mini" version="1"/></audit>"#
        let bad =
            #"""
            <audit id="AUD-2" plan="P1" auditor="a-1" date="2025-06-12" kind="weekly" status="final" \#
            childName="x"><framework id="mini" version="1"/></audit>
            """#
        let read = try entries(
            try temporaryFile("one-line.xml", "<audits xmlns=\"\(namespace)\">\(good)\(bad)\(good)</audits>"))
        #expect(read.map { $0.diagnostics.count } == [0, 2, 0])
        #expect(read.map { $0.record != nil } == [true, false, true])
        #expect(read[1].diagnostics.allSatisfy { $0.auditId == "AUD-2" && $0.recordIndex == 2 && $0.line == 1 })
    }

    @Test func strayContentInAuditsIsReportedAndReadingGoesOn() throws {
        let path = try temporaryFile(
            "stray.xml",
            """
            <audits xmlns="\(namespace)" note="x">
              <summary/>
              \(recordOpening)<framework id="mini" version="1"/></audit>
            </audits>
            """)
        let read = try entries(path)
        #expect(read.count == 2)
        #expect(read[0].record == nil)
        #expect(read[0].diagnostics.map(\.line) == [1, 2])
        #expect(read[0].diagnostics[1].message.contains("unexpected element <summary>"))
        #expect(read[1].record?.auditId == "AUD-1")
    }

    @Test func reportsTrueLinesPastLibxml2s65535() throws {
        let padding = String(repeating: "\n", count: 70_000)
        let path = try temporaryFile(
            "long.xml",
            """
            <audits xmlns=\"\(namespace)\">\(padding)\(recordOpening)\n<framework id=\"mini\" \
            version=\"1\"/>\n<judgement criterion=\"A1\" rating=\"good\" extra=\"x\"/>\n</audit></audits>
            """
        )
        let read = try entries(path)
        #expect(read.first?.diagnostics.map(\.line) == [70_003])
        #expect(read.first?.line == 70_001)
    }

    @Test(arguments: [
        ("xml-billion-laughs.xml", 2, "declares a DOCTYPE"),
        ("xml-external-entity.xml", 2, "declares a DOCTYPE"),
        ("xml-external-dtd.xml", 2, "declares a DOCTYPE"),
        ("xml-parameter-entity.xml", 3, "declares a DOCTYPE"),
        ("xml-malformed.xml", 6, "invalid XML: Opening and ending tag mismatch"),
        ("xml-wrong-namespace.xml", 2, "expected <audits> or <audit> in namespace urn:ehcp-audit:record:1"),
    ])
    func hostileOrBrokenDocumentsAreRefusedWithTheirLine(_ name: String, _ line: Int, _ message: String) throws {
        #expect {
            _ = try entries("\(Project.root)/samples/invalid/\(name)")
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.line == line && diagnostic.message.contains(message)
        }
    }

    @Test(arguments: [
        ("xml-xinclude.xml", 5, "unexpected element <include> in namespace http://www.w3.org/2001/XInclude in <audit>"),
        ("xml-bad-enumeration.xml", 3, "kind=\"spot-check\" is not one of routine, moderation, multi-agency"),
        ("xml-personal-data.xml", 3, "<audit> does not take the attribute \"childName\" (it takes id, plan, auditor"),
    ])
    func schemaViolationsRefuseTheRecordWithTheirLine(_ name: String, _ line: Int, _ message: String) throws {
        let read = try entries("\(Project.root)/samples/invalid/\(name)")
        #expect(read.count == 1 && read[0].record == nil)
        #expect(read[0].diagnostics.first?.line == line)
        #expect(read[0].diagnostics.first?.message.contains(message) == true)
    }

    @Test func nothingOfALocalFileAppearsInAnyMessage() throws {
        let secrets = try String(contentsOfFile: "/etc/passwd", encoding: .utf8).split(separator: "\n").prefix(3)
        for name in ["xml-external-entity.xml", "xml-xinclude.xml", "xml-parameter-entity.xml"] {
            var text = ""
            do {
                text = try entries("\(Project.root)/samples/invalid/\(name)").flatMap(\.diagnostics).map(\.description)
                    .joined()
            } catch {
                text = "\(error)"
            }
            #expect(!text.isEmpty)
            #expect(!secrets.contains { text.contains($0) }, "\(name)")
        }
    }

    @Test func anAuditOverTheRecordLimitIsRefusedBeforeItIsBuilt() throws {
        let huge = String(repeating: "x", count: 50_000_000)
        let path = try temporaryFile(
            "huge.xml",
            """
            <audits xmlns=\"\(namespace)\">\(recordOpening)<framework id=\"mini\" version=\"1\"/><judgement \
            criterion=\"A1\" rating=\"good\">\(huge)</judgement></audit></audits>
            """
        )
        #expect {
            _ = try entries(path)
        } throws: { error in
            (error as? Diagnostic)?.message.contains("audit #1 is larger than 4 MiB") == true
        }
    }

    @Test func anEmptyOrMissingFileIsNamed() throws {
        #expect(throws: Diagnostic.self) { _ = try entries(try temporaryFile("empty.xml", "")) }
        #expect {
            _ = try XMLRecordSource(path: "/nonexistent/audits.xml")
        } throws: { error in
            (error as? Diagnostic)?.description.hasPrefix("/nonexistent/audits.xml: error: cannot open file") == true
        }
    }

    @Test func readsOneRecordAtATime() throws {
        // About 12 MB of audits: the reader must never be more than a record or two ahead.
        let judgements = (1...40).map {
            """
            <judgement criterion=\"C\($0)\" rating=\"good\">A comment long enough to take some room in the \
            file.</judgement>
            """
        }.joined(separator: "\n")
        let count = 3_000
        var text = "<audits xmlns=\"\(namespace)\">\n"
        for i in 1...count {
            text +=
                """
                <audit id=\"AUD-\(i)\" plan=\"P\(i)\" auditor=\"a\" date=\"2025-06-12\" kind=\"routine\" \
                status=\"final\"><framework id=\"mini\" version=\"1\"/>\n\(judgements)\n</audit>\n
                """
        }
        text += "</audits>\n"
        let recordBytes = text.utf8.count / count
        let source = try XMLRecordSource(path: try temporaryFile("big.xml", text))
        var read = 0
        var furthestAhead = 0
        while let entry = try source.next() {
            read += 1
            #expect(entry.record?.judgements.count == 40)
            furthestAhead = max(furthestAhead, source.bytesRead - read * recordBytes)
        }
        #expect(read == count)
        #expect(furthestAhead < 4 * recordBytes + 64 * 1024, "the reader ran \(furthestAhead) bytes ahead")
    }
}
