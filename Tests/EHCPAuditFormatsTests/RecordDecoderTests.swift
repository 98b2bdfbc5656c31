import EHCPAudit
import EHCPAuditTestSupport
import Testing

@testable import EHCPAuditFormats

struct RecordDecoderTests {
    func entry(_ text: String) throws -> RecordEntry {
        let source = try JSONRecordSource(path: try temporaryFile("r.json", text), displayName: "r.json")
        return try #require(try source.next())
    }

    @Test func decodesEveryField() throws {
        let text = """
            {"auditId":"AUD-1","planId":"P1","framework":{"id":"ehcp-qa","version":"2025.1"},"auditor":"a-7",
             "auditDate":"2025-06-12","kind":"multi-agency","status":"draft",
             "plan":{"locality":"North","phase":"post-16","primaryNeed":"SLCN","team":"N-2","caseworker":"cw-1",
                     "planType":"annual-review","requestDate":"2025-01-10","issueDate":"2025-05-20"},
             "judgements":[{"criterion":"A1","rating":"good","comment":"Own words."},{"criterion":"G2","rating":"na"}],
             "advices":[{"id":"ADV-1","agency":"social-care","provider":"CSC","role":"social \
            worker","requested":"2025-02-01",
                         "status":"not-received","received":null}]}
            """
        let record = try #require(try entry(text).record)
        #expect(record.kind == .multiAgency && record.status == .draft)
        #expect(
            record.plan.phase == .post16 && record.plan.primaryNeed == .slcn && record.plan.planType == .annualReview)
        #expect(record.plan.requestDate == CalendarDate("2025-01-10"))
        #expect(record.judgements[0].comment == "Own words." && record.judgements[1].rating == "na")
        #expect(record.judgements.map(\.line) == [5, 5])
        #expect(record.advices[0].agency == .socialCare && record.advices[0].status == .notReceived)
        #expect(record.advices[0].received == nil)
        #expect(record.advices[0].line == 6)
    }

    @Test func refusesPersonalDataByFieldNameWithoutPrintingIt() throws {
        let read = try entry(recordJSON("AUD-9", extra: #","childName":"Sam Example","plan":{"upn":"A123456789012"}"#))
        let messages = read.diagnostics.map(\.description)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.contains("at $.childName: unknown field \"childName\"") })
        #expect(messages.contains { $0.contains("at $.plan.upn: unknown field \"upn\"") })
        #expect(!messages.joined().contains("Sam Example") && !messages.joined().contains("A123456789012"))
        #expect(read.diagnostics.allSatisfy { $0.auditId == "AUD-9" && $0.recordIndex == 1 })
    }

    @Test func namesTheFieldAndPathOfEveryTypeOrValueError() throws {
        let text =
            #"""
            {"auditId":"AUD-3","planId":7,"framework":{"id":"x"},"auditDate":"2025-02-30","kind":"spot",\#
            "status":"final","judgements":[{"criterion":"A1"},"good"],"advices":[{"id":"ADV-1","agency":"police",\#
            "status":"received","judgements":[]}]}
            """#
        let read = try entry(text)
        #expect(read.record == nil)
        let found = Set(read.diagnostics.map { "\($0.path!): \($0.message)" })
        let expected: Set<String> = [
            "$.planId: \"planId\" must be a string, found a number",
            "$.framework.version: missing required field \"version\"",
            "$.auditor: missing required field \"auditor\"",
            "$.auditDate: \"auditDate\" must be an ISO date YYYY-MM-DD that exists, found \"2025-02-30\"",
            "$.kind: \"kind\" must be one of routine, moderation, multi-agency; found \"spot\"",
            "$.judgements[0].rating: missing required field \"rating\"",
            "$.judgements[1]: expected an object, found a string",
            """
            $.advices[0].agency: \"agency\" must be one of education, health, social-care, \
            educational-psychology, other; found \"police\"
            """,
        ]
        #expect(found == expected)
        #expect(read.auditId == "AUD-3")
    }

    @Test func aRecordMustBeAnObject() throws {
        let read = try entry("[1]")
        #expect(
            read.diagnostics.map(\.description) == [
                "r.json:1: error: record #1 at $[0]: expected an object, found a number"
            ])
    }
}
