import EHCPAuditFormats
import Testing

/// CSV fields as RFC 4180 writes them, which the population reader reads back.
struct CSVFieldTests {
    @Test func fieldsAreQuotedOnlyWhenTheyMustBe() {
        #expect(CSVField.encoded("plain") == "plain")
        #expect(CSVField.encoded("") == "")
        #expect(CSVField.encoded("a,b") == "\"a,b\"")
        #expect(CSVField.encoded("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVField.encoded("two\nlines\r") == "\"two\nlines\r\"")
    }
}
