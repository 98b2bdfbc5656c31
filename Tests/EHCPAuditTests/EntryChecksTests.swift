import Testing

@testable import EHCPAudit

/// The entry checks of docs/records.md, made on every record read and never on a stored
/// record scored again.
struct EntryChecksTests {
    @Test func eachCheckNamesTheFieldAndItsValue() {
        var record = Fixtures.record()
        record.auditId = "AUD 1"
        record.planId = "Jack Smith 12/03/2015"
        record.auditor = "Ann Lee"
        record.plan.team = "2024-01-05 team"
        record.plan.caseworker = "Bob Stone"
        let problems = record.entryProblems
        #expect(problems.map(\.path) == ["auditId", "planId", "auditor", "plan.team", "plan.caseworker"])
        #expect(problems[0].message.hasPrefix("auditId \"AUD 1\" holds \" \" (a space)"))
        #expect(problems[1].message.hasPrefix("planId \"Jack Smith 12/03/2015\" looks like personal data"))
        #expect(problems[1].message.contains("such as \"P0001234\""))
        #expect(problems[2].message.contains("such as \"auditor-07\""))
        #expect(problems[3].message.contains("such as \"North-2\""))
        #expect(problems[4].message.contains("such as \"cw-113\""))
        #expect(Fixtures.record().entryProblems.isEmpty)
    }

    @Test func aControlCharacterIsReportedOnceByTheWordRule() {
        var record = Fixtures.record()
        record.auditId = "A\u{0}1"
        #expect(record.entryProblems.isEmpty)
        #expect(record.formProblems.map(\.message) == ["auditId holds the control character U+0000"])
    }

    @Test func moderatesIsAnAuditIdAndNeverTheAuditItself() {
        var record = Fixtures.record()
        record.kind = .moderation
        record.moderates = record.auditId
        #expect(
            record.entryProblems.map(\.message) == [
                "moderates names this audit itself (AUD-1): name the audit of the plan it moderates"
            ])
        record.moderates = "AUD 0"
        #expect(record.entryProblems.map(\.path) == ["moderates"])
        record.moderates = "AUD-0"
        #expect(record.entryProblems.isEmpty)
    }

    @Test func theIssueDateIsNotBeforeTheRequestDate() {
        var record = Fixtures.record()
        record.plan.requestDate = CalendarDate("2025-03-01")
        record.plan.issueDate = CalendarDate("2025-03-01")
        #expect(record.entryProblems.isEmpty)
        record.plan.issueDate = CalendarDate("2025-02-28")
        #expect(record.entryProblems.map(\.path) == ["plan.issueDate"])
        #expect(
            record.entryProblems[0].message.hasPrefix(
                "the plan was issued (2025-02-28) before it was requested (2025-03-01): check both dates"))
    }

    /// A record read is refused for them, wherever it comes from; a stored one still scores.
    @Test func aRecordReadMeetsThemAndAStoredOneStillScores() throws {
        var record = Fixtures.record()
        record.planId = "Jack Smith"
        let catalog = try FrameworkCatalog([try Fixtures.framework()])
        let entry = RecordEntry(index: 3, root: "$[2]", line: 9, auditId: "AUD-1", record: record, diagnostics: [])
        guard case .refused(let diagnostics) = catalog.evaluate(entry, file: "upload.json") else {
            Issue.record("expected the record to be refused")
            return
        }
        #expect(
            diagnostics.map(\.description) == [
                "upload.json: error: record #3 AUD-1 at $[2].planId: planId \"Jack Smith\" looks like personal data: it "
                    + "holds two capitalised words in a row, like a name (\"Jack Smith\"); records carry pseudonymous "
                    + "references only, never names or birth dates: use a reference such as \"P0001234\" (a team or place "
                    + "name is written without two capitalised words in a row, as in \"North-East team\")"
            ])
        #expect(throws: Never.self) { try catalog.score(record) }
    }
}
