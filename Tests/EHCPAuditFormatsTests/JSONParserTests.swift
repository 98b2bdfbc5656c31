import EHCPAuditTestSupport
import Testing

@testable import EHCPAuditFormats

struct JSONParserTests {
    func parse(_ text: String, line: Int = 1) throws(JSONSyntaxError) -> DocumentNode {
        try JSONParser.parse(Array(text.utf8), firstLine: line)
    }

    @Test func keepsTheLineOfEveryValue() throws {
        let node = try parse("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    \"x\"\n  ]\n}", line: 10)
        guard case .object(let members) = node.value, case .array(let elements) = members[1].node.value else {
            Issue.record("expected an object holding an array")
            return
        }
        #expect(node.line == 10)
        #expect(members[0].node.line == 11)
        #expect(members[1].node.line == 12)
        #expect(elements.map(\.line) == [13, 14])
    }

    @Test func decodesEscapesAndUnicode() throws {
        let node = try parse(#""a\"b\\c\/d\n\u00e9\ud83d\ude00 é""#)
        guard case .string(let text) = node.value else {
            Issue.record("expected a string")
            return
        }
        #expect(text == "a\"b\\c/d\né😀 é")
    }

    @Test func readsNumbersWithTheirText() throws {
        guard case .number(let value, let text) = try parse("-12.5e1").value else {
            Issue.record("expected a number")
            return
        }
        #expect(value == -125)
        #expect(text == "-12.5e1")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "expected a key"),
        ("{\"a\" 1}", "expected ':'"),
        ("[1 2]", "expected ',' or ']'"),
        ("{\"a\": 1, \"a\": 2}", "duplicate key \"a\""),
        ("\"abc", "unterminated string"),
        ("\"a\u{01}\"", "control character"),
        ("01", "after the end of the value"),
        ("1.", "digits expected"),
        ("tru", "expected a value"),
        ("\"\\x\"", "invalid escape"),
        ("\"\\udc00\"", "lone surrogate"),
        ("{} {}", "after the end of the value"),
        ("", "unexpected end of input"),
    ])
    func refusesBrokenJSON(_ input: String, _ expected: String) {
        #expect {
            _ = try parse(input)
        } throws: { error in
            (error as? JSONSyntaxError)?.message.contains(expected) == true
        }
    }

    @Test func reportsTheLineOfASyntaxError() {
        #expect(throws: JSONSyntaxError(line: 3, message: "unexpected '}', expected a value")) {
            _ = try parse("{\n\"a\":\n}")
        }
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect { _ = try parse(deep) } throws: { ($0 as? JSONSyntaxError)?.message.contains("nesting") == true }
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { _ = try parse(fine) }
    }
}
