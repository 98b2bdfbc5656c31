import Foundation

/// The fields of a submitted HTML form (`application/x-www-form-urlencoded`, or
/// `multipart/form-data` with files), in order.
public struct FormFields: Sendable, Equatable {
    public private(set) var pairs: [(name: String, value: String)]
    /// Files sent with a `multipart/form-data` form, by field name; held in memory only.
    public var files: [String: UploadedFile] = [:]

    /// A file sent with a form: its name as the browser gave it, and its bytes.
    public struct UploadedFile: Sendable, Equatable {
        public var fileName: String
        public var bytes: [UInt8]
    }

    public init(_ pairs: [(name: String, value: String)] = []) {
        self.pairs = pairs
    }

    /// Parses a form body: `a=1&b=two+words`, percent-escapes decoded, `+` a space.
    /// Nil when the body is not valid UTF-8 or holds a broken escape.
    public init?(body: [UInt8]) {
        guard let text = String(validating: body, as: UTF8.self) else { return nil }
        var pairs: [(String, String)] = []
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String? {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decode(halves[0]), let value = decode(halves.count > 1 ? halves[1] : "") else {
                return nil
            }
            pairs.append((name, value))
        }
        self.pairs = pairs
    }

    mutating func append(_ name: String, _ value: String) { pairs.append((name, value)) }

    /// The first value of `name`, nil when absent.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// The value of `name` with surrounding white space removed; nil when absent or blank.
    public func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    public static func == (a: FormFields, b: FormFields) -> Bool {
        a.pairs.map(\.name) == b.pairs.map(\.name) && a.pairs.map(\.value) == b.pairs.map(\.value)
            && a.files == b.files
    }
}
