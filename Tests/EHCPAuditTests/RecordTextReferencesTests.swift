import Testing

@testable import EHCPAudit

/// The entry checks of docs/records.md: audit ids that every page address can hold, and
/// references that are never a name or a date; each tested both ways.
struct RecordTextReferencesTests {
    @Test(arguments: ["AUD-2025-06-0001", "AUD-2025-06-AR01", "a.b_c-d", "7", "X-DRAFT"])
    func auditIdsOfLettersDigitsAndThreeMarksPass(_ id: String) {
        #expect(RecordText.auditIdProblem(id) == nil)
    }

    @Test(arguments: [
        ("AUD 7", "holds \" \" (a space)", "AUD-7"), ("AUD/7", "holds \"/\"", "AUD-7"),
        ("AUD?7", "holds \"?\"", "AUD-7"), ("AUD#7", "holds \"#\"", "AUD-7"), ("AUD\"7", "holds \"\"\"", "AUD-7"),
        ("AUD'7", "holds \"'\"", "AUD-7"), ("AUDé7", "holds \"é\"", "AUD-7"), ("<x>", "holds \"<\"", "x-"),
    ])
    func auditIdsWithAnyOtherCharacterAreRefusedWithASuggestion(_ id: String, _ found: String, _ suggestion: String) {
        let problem = RecordText.auditIdProblem(id) ?? ""
        #expect(problem.hasPrefix(found + "; an audit id may hold only letters"))
        #expect(problem.hasSuffix("write it as \"\(suggestion)\""))
    }

    @Test func anAuditIdStartsWithALetterOrDigit() {
        #expect(
            RecordText.auditIdProblem(".hidden") == "starts with \".\": an audit id starts with a letter or a digit")
        #expect(RecordText.auditIdProblem("..") != nil && RecordText.auditIdProblem("-1") != nil)
        #expect(RecordText.auditIdProblem("") == nil)  // the readers name it as missing
    }

    /// Every value of this kind in the samples, the generator and the tests, and a few more.
    @Test(arguments: [
        "P0001234", "P0005002", "auditor-07", "cw-113", "North-2", "Central-1", "North 0-5 team", "Central SEN team",
        "North-East team", "Early years team", "SEN team 2", "AUD-2025-06-0001", "EHCP-2025-06-001", "team 12-34-56",
        "P-1234-05-06", "1/2", "Blackpool", "DfE SEN team", "<x-i>&'\"", "P0<x-i>&'\"", "Pé", "v2.1.3", "01.02.03",
    ])
    func referencesThatAreNotNamesOrDatesPass(_ value: String) {
        #expect(RecordText.referenceProblem(value, example: "P0001234") == nil)
    }

    @Test(arguments: [
        (
            "Jack Smith 12/03/2015",
            "a date (\"12/03/2015\") and two capitalised words in a row, like a name (\"Jack Smith\")"
        ),
        ("P 12/03/15", "a date (\"12/03/15\")"), ("2015-03-12", "a date (\"2015-03-12\")"),
        ("born 1.3.2015", "a date (\"1.3.2015\")"), ("x-2015/3/1-y", "a date (\"2015/3/1\")"),
        ("31-12-1999", "a date (\"31-12-1999\")"), ("cw 12/13/2015", "a date (\"12/13/2015\")"),
        ("Jack Smith", "two capitalised words in a row, like a name (\"Jack Smith\")"),
        ("cw Smith, Jack", "two capitalised words in a row, like a name (\"Smith, Jack\")"),
        ("Mary O'Brien-Jones", "two capitalised words in a row, like a name (\"Mary O'Brien-Jones\")"),
        ("José Álvarez", "two capitalised words in a row, like a name (\"José Álvarez\")"),
        ("North East team", "two capitalised words in a row, like a name (\"North East\")"),
    ])
    func datesAndNamesInAReferenceAreRefused(_ value: String, _ found: String) {
        let problem = RecordText.referenceProblem(value, example: "cw-113") ?? ""
        #expect(problem.hasPrefix("looks like personal data: it holds \(found); records carry pseudonymous"))
        #expect(problem.contains("use a reference such as \"cw-113\""))
    }

    @Test(arguments: ["13/13/2015", "32/01/2015", "12/03/1815", "12-03-15", "12/03/20155", "2015-13-01", "12/03-2015"])
    func digitsThatAreNoDatePass(_ value: String) {
        #expect(RecordText.date(in: value) == nil)
    }
}
