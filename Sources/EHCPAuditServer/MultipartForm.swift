import MultipartKit
import NIOCore

/// Reads a `multipart/form-data` body (a form with a file) into ``FormFields``, through
/// MultipartKit's parser: text parts as fields, file parts as files, all in memory.
///
/// The body has been read within the form's byte limit before it comes here; the number
/// of parts is bounded by `fields`.
enum MultipartForm {
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
        let parser = MultipartParser(boundary: boundary)
        var form = FormFields()
        var headers: [String: String] = [:]
        var content = ByteBuffer()
        var parts = 0
        var broken = false
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            defer {
                headers = [:]
                content = ByteBuffer()
            }
            parts += 1
            guard parts <= limit, let disposition = headers["content-disposition"],
                let name = parameter("name", in: disposition)
            else {
                broken = true
                return
            }
            let bytes = Array(content.readableBytesView)
            if let file = parameter("filename", in: disposition) {
                if !file.isEmpty || !bytes.isEmpty {
                    form.files[name] = FormFields.UploadedFile(fileName: file, bytes: bytes)
                }
            } else if let text = String(validating: bytes, as: UTF8.self) {
                form.append(name, text)
            } else {
                broken = true
            }
        }
        do {
            try parser.execute(body)
        } catch {
            return nil
        }
        return broken || parts == 0 ? nil : form
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
