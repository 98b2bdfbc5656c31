/// An address inside the workspace, built from its parts so that every path segment and
/// query value is percent-encoded: an audit id with a space, a quote, `é`, `/`, `?` or `#`
/// still leads to its own page (and `VICTIM#x` never to `VICTIM`). Routes decode the
/// segments they read (``WorkspaceContext/pathValue(_:)``).
///
/// ```swift
/// Link("audits", "AUD 1/2", "edit").address                  // /audits/AUD%201%2F2/edit
/// Link("reports", "monthly", query: ["month": "2025-06"]).address  // /reports/monthly?month=2025-06
/// ```
struct Link: Sendable, Equatable {
    let address: String

    init(_ segments: String..., query: KeyValuePairs<String, String?> = [:]) {
        self.init(segments: segments, query: Array(query))
    }

    init(segments: [String], query: [(key: String, value: String?)] = []) {
        var address = "/" + segments.map(Self.segment).joined(separator: "/")
        let pairs = query.compactMap { pair in pair.value.map { "\(Self.encode(pair.key))=\(Self.encode($0))" } }
        if !pairs.isEmpty { address += "?" + pairs.joined(separator: "&") }
        self.address = address
    }

    /// An address already made (a path of this site, checked by the caller).
    init(address: String) {
        self.address = address
    }

    /// The worklist.
    static let home = Link()
    static let checkPlan = Link("check")

    static func audit(_ id: String) -> Link { Link("audits", id) }

    /// A path segment: percent-encoded, and `.` and `..` (which a browser would resolve
    /// away) written as `%2E`.
    static func segment(_ text: String) -> String {
        text.allSatisfy { $0 == "." } ? String(repeating: "%2E", count: text.count) : encode(text)
    }

    /// Percent-encodes all but the unreserved characters of RFC 3986 (letters, digits, `-._~`).
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return out
    }
}
