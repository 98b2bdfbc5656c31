import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditFormats

struct JSONWriterTests {
    @Test func escapesStrings() {
        #expect(JSONWriter.quoted("a\"b\\c\nd\u{01}é\t\r") == #""a\"b\\c\nd\u0001é\t\r""#)
    }

    @Test func placesCommasAndNulls() {
        var json = JSONWriter()
        json.object { json in
            json.member("a", "x")
            json.member("b", nil as Int?)
            json.field("c", nil)
            json.field("d", "y")
            json.key("e")
            json.list([1, 2, 3]) { json, n in json.number(n) }
            json.key("f")
            json.object { _ in }
            json.member("g", true)
        }
        #expect(json.text == #"{"a":"x","b":null,"d":"y","e":[1,2,3],"f":{},"g":true}"#)
    }

    @Test(arguments: [
        (63.254, 2, "63.25"), (75.0, 2, "75"), (0.005, 2, "0.01"), (-1.5, 2, "-1.5"), (2.0 / 3, 4, "0.6667"),
        (Double.nan, 2, "null"), (Double.infinity, 2, "null"),
    ])
    func roundsNumbers(_ value: Double, _ places: Int, _ text: String) {
        var json = JSONWriter()
        json.number(value, places: places)
        #expect(json.text == text)
    }

    @Test func newlinesLeaveTheMeaningAlone() throws {
        var json = JSONWriter()
        json.list(["a", "b"]) { json, item in
            json.newline()
            json.string(item)
        }
        #expect(json.text == "[\n\"a\",\n\"b\"]")
        #expect(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String] == ["a", "b"])
    }
}
