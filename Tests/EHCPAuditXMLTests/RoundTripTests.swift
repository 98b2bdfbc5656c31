import EHCPAudit
import EHCPAuditReports
import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditXML

/// `convert` must lose nothing: JSON -> XML -> JSON gives back the same records.
struct RoundTripTests {
    func xmlDocument(_ records: [AuditRecord]) throws -> String {
        RecordXMLWriter.header + "\n" + (try records.map { try RecordXMLWriter.record($0) }).joined(separator: "\n")
            + "\n" + RecordXMLWriter.footer
    }

    @Test(arguments: ["audits-2025-06.json", "audits-2025-06-late.jsonl", "AUD-2025-06-0012.json"])
    func samplesSurviveJSONToXMLToJSON(_ name: String) throws {
        let original = try entries("\(Project.root)/samples/\(name)").compactMap(\.record)
        let xml = try entries(try temporaryFile("rt.xml", try xmlDocument(original))).compactMap(\.record)
        let json = "[" + xml.map(RecordJSONWriter.record).joined(separator: ",\n") + "]"
        let back = try entries(try temporaryFile("rt.json", json)).compactMap(\.record)
        #expect(original.count > 0)
        #expect(xml.map(\.withoutLines) == original.map(\.withoutLines))
        #expect(back.map(\.withoutLines) == original.map(\.withoutLines))
        if name.hasSuffix("late.jsonl") {
            #expect(xml.first?.moderates == "AUD-2025-06-0003", "the moderation sample names what it moderates")
        }
    }

    @Test func awkwardTextSurvives() throws {
        let comment =
            "Quotes \" and ' , <markup> & ampersands,\ttabs,\r\nCRLF lines,\n  leading spaces, emoji 😀 and é"
        let record = AuditRecord(
            auditId: "AUD-\"1\"", planId: "P<1>", framework: FrameworkReference(id: "mini", version: "1 & 2"),
            auditor: "a\tb",
            auditDate: CalendarDate("2025-06-12")!, kind: .moderation, status: .draft,
            plan: PlanDetails(
                locality: "North\nEast", phase: .post19, primaryNeed: .msi, planType: .amended,
                requestDate: CalendarDate("2025-01-01"), timelinessException: true),
            judgements: [
                Judgement(criterion: "A1", rating: "good", comment: comment), Judgement(criterion: "A2", rating: "na"),
            ],
            advices: [
                Advice(
                    id: "ADV-1", agency: .other, provider: "Trust & Co", role: "\"lead\"",
                    requested: CalendarDate("2025-02-01"),
                    status: .notReceived, timelinessException: true)
            ]
        )
        let xml = try entries(try temporaryFile("awkward.xml", try xmlDocument([record])))
        #expect(xml.first?.diagnostics.isEmpty == true)
        #expect(xml.first?.record?.withoutLines == record)
        let json = try entries(try temporaryFile("awkward.json", RecordJSONWriter.record(record)))
        #expect(json.first?.record?.withoutLines == record)
    }

    @Test func aCharacterXMLCannotCarryIsNamed() {
        let record = AuditRecord(
            auditId: "A", planId: "P", framework: FrameworkReference(id: "m", version: "1"), auditor: "a",
            auditDate: CalendarDate("2025-06-12")!,
            judgements: [Judgement(criterion: "A1", rating: "good", comment: "bell \u{07}")])
        #expect {
            _ = try RecordXMLWriter.record(record)
        } throws: { error in
            (error as? RecordXMLWriter.UnwritableText).map { $0.field == "comment" && $0.character == 7 } == true
        }
    }
}
