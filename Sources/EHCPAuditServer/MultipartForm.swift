import Foundation
import NIOCore

/// Reads a `multipart/form-data` body (RFC 7578: a form with a file) into ``FormFields``:
/// text parts as fields, file parts as files, all in memory.
///
/// Written here rather than taken from MultipartKit: its 4.7 parser (the version in the
/// package mirror) indexes a 128-entry table with any header byte, so a part header
/// holding a byte above 127 stopped the whole server. This reader only finds the parts
/// and their `Content-Disposition`; it never traps on what a client sends. The body has
/// been read within the form's byte limit before it comes here; parts are bounded by
/// `fields`, each part's headers by ``mostHeaderBytes``.
enum MultipartForm {
    /// A part's headers are a few lines; more is no browser's form.
    static let mostHeaderBytes = 8 << 10

    /// The boundary of a `multipart/form-data` content type, if it is one; a boundary
    /// must be 1 to 70 characters (RFC 2046), so a missing or silly one is no form.
    static func boundary(_ contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            var value = part.dropFirst("boundary=".count)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            return (1...70).contains(value.count) ? String(value) : nil
        }
        return nil
    }

    /// The fields and files; nil when the body is not a well-formed form of at most `fields` parts.
    static func parse(_ body: ByteBuffer, boundary: String, fields limit: Int) -> FormFields? {
        let bytes = Array(body.readableBytesView)
        let dashes = Array("--\(boundary)".utf8)
        let delimiter = Array("\r\n--\(boundary)".utf8)
        // The first delimiter starts the body, or follows a preamble and a line break.
        var at: Int
        if bytes.starts(with: dashes) {
            at = dashes.count
        } else if let found = find(delimiter, in: bytes, from: 0) {
            at = found + delimiter.count
        } else {
            return nil
        }
        var form = FormFields()
        var parts = 0
        while true {
            // After a delimiter: "--" ends the form, a line break starts a part.
            guard at + 2 <= bytes.count else { return nil }
            if bytes[at] == UInt8(ascii: "-"), bytes[at + 1] == UInt8(ascii: "-") { break }
            guard bytes[at] == 13, bytes[at + 1] == 10 else { return nil }
            parts += 1
            guard parts <= limit, let headersEnd = find([13, 10, 13, 10], in: bytes, from: at + 2),
                headersEnd - at <= mostHeaderBytes,
                let next = find(delimiter, in: bytes, from: headersEnd + 4)
            else { return nil }
            let headers = String(decoding: bytes[(at + 2)..<headersEnd], as: UTF8.self)
            guard let disposition = header("content-disposition", in: headers),
                let name = parameter("name", in: disposition)
            else { return nil }
            let content = Array(bytes[(headersEnd + 4)..<next])
            if let file = parameter("filename", in: disposition) {
                if !file.isEmpty || !content.isEmpty {
                    form.files[name] = FormFields.UploadedFile(fileName: file, bytes: content)
                }
            } else {
                guard let text = String(validating: content, as: UTF8.self) else { return nil }
                form.append(name, text)
            }
            at = next + delimiter.count
        }
        return parts == 0 ? nil : form
    }

    /// Where `needle` first occurs in `haystack` from `start` (Boyer–Moore–Horspool: a
    /// hostile body full of near-boundaries costs a pass, not a pass per byte).
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        let m = needle.count
        guard m > 0, start >= 0, haystack.count - start >= m else { return nil }
        var skip = [Int](repeating: m, count: 256)
        for i in 0..<(m - 1) { skip[Int(needle[i])] = m - 1 - i }
        var i = start
        while i + m <= haystack.count {
            var j = m - 1
            while j >= 0, haystack[i + j] == needle[j] { j -= 1 }
            if j < 0 { return i }
            i += skip[Int(haystack[i + m - 1])]
        }
        return nil
    }

    /// The value of header `name` (any case) among a part's header lines.
    private static func header(_ name: String, in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// `name="value"` of a Content-Disposition header; the file name without any folders.
    private static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard part.lowercased().hasPrefix(key + "=") else { continue }
            var value = part.dropFirst(key.count + 1)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            let text = String(value)
            return key == "filename" ? String(text.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "") : text
        }
        return nil
    }
}
