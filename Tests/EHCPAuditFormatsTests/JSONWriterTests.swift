import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditFormats

struct JSONWriterTests {
    @Test func escapesStrings() {
        #expect(JSONWriter.quoted("a\"b\\c\nd\u{01}é\t\r") == #""a\"b\\c\nd\u0001é\t\r""#)
        #expect(JSONWriter.quoted("\u{1F}\"\"x\\") == #""\u001f\"\"x\\""#)
        #expect(JSONWriter.quoted("") == #""""#)
    }

    @Test func aKeyMadeOnceWritesAsAKeyWrittenEachTime() {
        let key = JSONWriter.Key("say \"hi\"")
        var once = JSONWriter(), each = JSONWriter()
        once.object { json in
            for n in 1...2 {
                json.key(key)
                json.number(n)
            }
        }
        each.object { json in for n in 1...2 { json.member("say \"hi\"", n) } }
        #expect(once.text == #"{"say \"hi\"":1,"say \"hi\"":2}"# && once.text == each.text)
    }

    @Test func membersWithKeysMadeOnceWriteAsTheOthers() {
        func write(_ json: inout JSONWriter, keys: Bool) {
            json.object { json in
                if keys {
                    json.member(JSONWriter.Key("a"), "x")
                    json.member(JSONWriter.Key("b"), nil as Int?)
                    json.member(JSONWriter.Key("c"), 0.125, places: 2)
                    json.member(JSONWriter.Key("d"), false)
                } else {
                    json.member("a", "x")
                    json.member("b", nil as Int?)
                    json.member("c", 0.125, places: 2)
                    json.member("d", false)
                }
            }
        }
        var fresh = JSONWriter(), reused = JSONWriter()
        write(&fresh, keys: false)
        write(&reused, keys: true)
        #expect(reused.text == fresh.text && fresh.text == #"{"a":"x","b":null,"c":0.13,"d":false}"#)
        // Emptied, a writer starts again as a new one: no comma before the next document.
        reused.removeAll()
        write(&reused, keys: true)
        #expect(reused.text == fresh.text)
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

    /// Text is scanned for escapes eight bytes at a time: any mix and position of escapes
    /// reads as escaping byte by byte would write it.
    @Test func escapesAnywhereInLongText() {
        func escapedByteByByte(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let pieces = ["a", "bcdefgh", "é", "\"", "\\", "\n", "\u{01}", "\u{1F}", " ", "~", "\u{7F}", "ü€"]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                pieces.randomElement(using: &random)!
            }.joined()
            #expect(JSONWriter.quoted(text) == escapedByteByByte(text), "\(Array(text.utf8))")
        }
    }

    /// Numbers are written from their digits, without `String(Double)`: the same text as
    /// rounding the double and printing it, which is what the rule says.
    @Test func roundedNumbersReadAsTheRoundedDoublePrints() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let places = Int.random(in: 0...4, using: &random)
            let magnitude = [1.0, 100, 1e6, 1e12][Int.random(in: 0...3, using: &random)]
            let value = Double.random(in: -magnitude...magnitude, using: &random)
            let scale = (0..<places).reduce(1.0) { product, _ in product * 10 }
            let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
            let expected = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
            var json = JSONWriter()
            json.number(value, places: places)
            #expect(json.text == expected, "\(value) to \(places) places")
        }
    }

    /// A writer is a value: a copy written to leaves the original as it was, and the
    /// buffer grows from any starting size without losing a byte.
    @Test func copiesAreWrittenApartAndTheBufferGrows() {
        var original = JSONWriter(capacity: 1)
        original.list { json in for n in 0..<1_000 { json.number(n) } }
        let expected = "[" + (0..<1_000).map(String.init).joined(separator: ",") + "]"
        #expect(original.text == expected && original.bytes.count == expected.utf8.count)
        var copy = original
        copy.separator(UInt8(ascii: "\n"))
        copy.string("more")
        #expect(original.text == expected)
        #expect(copy.text == expected + "\n\"more\"")
        var emptied = copy
        emptied.removeAll()
        #expect(emptied.isEmpty && emptied.text.isEmpty && !copy.isEmpty)
        emptied.string("x")
        #expect(emptied.text == "\"x\"" && copy.text == expected + "\n\"more\"")
        #expect(copy.withBytes { Array($0) } == copy.bytes)
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
