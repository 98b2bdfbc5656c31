import Foundation

/// Opens audit records, JSON or XML, from a file or from bytes in memory, choosing the
/// reader by content type or name.
///
/// ```swift
/// // A request body, by its Content-Type:
/// let source = try RecordReader.source(bytes: body, name: "POST /api/audits", contentType: "application/json")
/// // A file, by its extension:
/// let file = try RecordReader.source(path: "samples/audits.xml")
/// while let entry = try source.next() { ... }
/// ```
public enum RecordReader {
    /// The record formats: JSON (one record or an array), JSON Lines (one record a line) and XML.
    public enum Format: String, Sendable, CaseIterable {
        case json, jsonLines, xml

        /// The format a file name's extension names (`.json`, `.jsonl`, `.ndjson`, `.xml`).
        public init?(name: String) {
            guard let dot = name.lastIndex(of: ".") else { return nil }
            let ext = name[name.index(after: dot)...].lowercased()
            if ext == "jsonl" || ext == "ndjson" {
                self = .jsonLines
            } else if JSONRecordSource.extensions.contains(ext) {
                self = .json
            } else if XMLRecordSource.extensions.contains(ext) {
                self = .xml
            } else {
                return nil
            }
        }

        /// The format a media type names, parameters ignored: `application/json`,
        /// `application/x-ndjson`, `application/jsonl`, `application/xml`, `text/xml` and
        /// any `+json` or `+xml` type.
        public init?(contentType: String) {
            let type = (contentType.split(separator: ";").first.map(String.init) ?? "")
                .trimmingCharacters(in: .whitespaces).lowercased()
            switch type {
            case "application/json":
                self = .json
            case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines",
                "application/jsonlines":
                self = .jsonLines
            case "application/xml", "text/xml":
                self = .xml
            case _ where type.hasSuffix("+json"): self = .json
            case _ where type.hasSuffix("+xml"): self = .xml
            default: return nil
            }
        }
    }

    /// The formats understood, for messages.
    public static let expected = "expected .json, .jsonl, .ndjson or .xml"

    /// A reader for the record file at `path`, chosen by its extension.
    public static func source(path: String) throws(Diagnostic) -> RecordSource {
        switch Format(name: path) {
        case .json, .jsonLines: try JSONRecordSource(path: path)
        case .xml: try XMLRecordSource(path: path)
        case nil:
            let ext =
                path.split(separator: "/").last?.split(separator: ".").dropFirst().last.map { "\".\($0)\"" } ?? "(none)"
            throw Diagnostic(file: path, message: "unsupported file type \(ext): \(expected)")
        }
    }

    /// A reader for records held in memory. The format comes from `contentType` when
    /// given, else from `name`'s extension; `name` is what messages call the input.
    public static func source(
        bytes: [UInt8], name: String, contentType: String? = nil
    ) throws(Diagnostic) -> RecordSource {
        let format = contentType.map { type in Format(contentType: type) } ?? Format(name: name)
        switch format {
        case .json: return JSONRecordSource(bytes: bytes, name: name, lines: false)
        case .jsonLines: return JSONRecordSource(bytes: bytes, name: name, lines: true)
        case .xml: return try XMLRecordSource(bytes: bytes, name: name)
        case nil:
            let given = contentType.map { "content type \"\($0)\"" } ?? "file type"
            throw Diagnostic(
                file: name, message: "unsupported \(given): expected JSON (application/json) or XML (application/xml)")
        }
    }
}
