import Foundation
import NIOCore
import Testing

@testable import EHCPAuditServer

/// A multipart form is read into fields and files, and a broken or hostile one is refused,
/// never a crash.
struct MultipartFormTests {
    static let boundary = "b0und4ry"
    static let body = """
        --b0und4ry\r
        Content-Disposition: form-data; name="csrf"\r
        \r
        abc\r
        --b0und4ry\r
        Content-Disposition: form-data; name="document"; filename="C:\\\\Users\\\\x\\\\plan.md"\r
        Content-Type: text/markdown\r
        \r
        # Section F\r
        --b0und4ry--\r

        """

    @Test func fieldsAndAFileWithoutItsFolders() throws {
        let form = try #require(MultipartForm.parse(ByteBuffer(string: Self.body), boundary: Self.boundary, fields: 10))
        #expect(form["csrf"] == "abc")
        #expect(form.files["document"]?.fileName == "plan.md")
        #expect(form.files["document"]?.bytes == Array("# Section F".utf8))
    }

    @Test func theBoundaryIsReadFromTheContentTypeWithinItsLength() {
        #expect(MultipartForm.boundary("multipart/form-data; boundary=\"abc\"") == "abc")
        #expect(MultipartForm.boundary("multipart/form-data; boundary=") == nil)
        #expect(MultipartForm.boundary("multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
        #expect(MultipartForm.boundary("application/x-www-form-urlencoded") == nil)
    }

    @Test func tooManyPartsOrNoneOrBrokenOnesAreRefused() {
        #expect(MultipartForm.parse(ByteBuffer(string: Self.body), boundary: Self.boundary, fields: 1) == nil)
        #expect(MultipartForm.parse(ByteBuffer(string: "no parts at all"), boundary: Self.boundary, fields: 10) == nil)
        let nameless = Self.body.replacingOccurrences(of: "name=\"csrf\"", with: "")
        #expect(MultipartForm.parse(ByteBuffer(string: nameless), boundary: Self.boundary, fields: 10) == nil)
    }

    /// MultipartKit 4.7's parser trapped on this: a header name byte above 127.
    @Test func aHeaderByteAbove127IsNoCrash() {
        var bytes = Array(Self.body.utf8)
        bytes.insert(0xC3, at: Array(Self.body.utf8).firstIndex(of: UInt8(ascii: "C"))!)
        #expect(MultipartForm.parse(ByteBuffer(bytes: bytes), boundary: Self.boundary, fields: 10) == nil)
    }

    @Test func everyMutationOfAFormIsReadOrRefusedWithoutACrash() {
        var generator = SystemRandomNumberGenerator()
        let original = Array(Self.body.utf8)
        for _ in 0..<3_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: at)
                default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 12)], at: at)
                }
                if bytes.isEmpty { bytes = [0] }
            }
            _ = MultipartForm.parse(ByteBuffer(bytes: bytes), boundary: Self.boundary, fields: 10)
        }
    }
}
