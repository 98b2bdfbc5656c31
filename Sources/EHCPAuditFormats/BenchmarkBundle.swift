import EHCPAudit
import Foundation

/// A benchmark bundle (docs/comparison.md): one council's `BenchmarkFigures` as JSON,
/// with the SHA-256 digest of their canonical form and, when signed, an Ed25519 signature
/// over that digest (made and checked by EHCPAuditKit's `BenchmarkSigning`).
///
/// The canonical form is RFC 8785's (JSON Canonicalization Scheme): members sorted by key,
/// no white space, strings with only `"`, `\` and control characters escaped; the bundle
/// holds only strings, whole numbers and `null`, so no number needs JCS's float rules.
public struct BenchmarkBundle: Sendable, Equatable {
    public struct Signature: Sendable, Equatable {
        /// The signer's Ed25519 public key and the signature, each base64.
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public var figures: BenchmarkFigures
    /// Lowercase hex SHA-256 of ``canonical(_:)``, as the bundle says.
    public var digest: String
    public var signature: Signature?

    public init(figures: BenchmarkFigures, digest: String, signature: Signature? = nil) {
        self.figures = figures
        self.digest = digest
        self.signature = signature
    }

    public static let format = "ehcp-audit-benchmark/1"
    /// The most bytes a bundle may have.
    public static let mostBytes = 1 << 20

    /// The canonical JSON of `figures`: the text the digest is taken over.
    public static func canonical(_ figures: BenchmarkFigures) -> String {
        var text = ""
        write(members(figures), into: &text)
        return text
    }

    /// The bundle's file: the canonical members, then `digest` and `signature`.
    public var json: String {
        var members = Self.members(figures)
        members["digest"] = .string(digest)
        if let signature {
            members["signature"] = .object(["key": .string(signature.key), "value": .string(signature.value)])
        }
        var text = ""
        Self.write(members, into: &text)
        return text + "\n"
    }

    private indirect enum Value {
        case string(String)
        case number(Int?)
        case object([String: Value])
    }

    private static func members(_ f: BenchmarkFigures) -> [String: Value] {
        [
            "format": .string(format), "council": .string(f.council),
            "framework": .object(["id": .string(f.framework.id), "version": .string(f.framework.version)]),
            "from": .string(f.from.description), "to": .string(f.to.description), "openPlans": .number(f.openPlans),
            "audits": .number(f.audits), "goodOrBetter": .number(f.goodOrBetter),
            "sections": .object(
                f.sections.mapValues {
                    .object(["audits": .number($0.audits), "belowStandard": .number($0.belowStandard)])
                }),
            "advice": .object([
                "received": .number(f.adviceReceived), "onTime": .number(f.adviceOnTime),
                "goodOrBetter": .number(f.adviceGoodOrBetter),
            ]),
            "newPlans": .object([
                "counted": .number(f.newPlansCounted), "within20Weeks": .number(f.newPlansWithin20Weeks),
                "exceptions": .number(f.newPlansExceptions),
            ]),
        ]
    }

    private static func write(_ members: [String: Value], into text: inout String) {
        text += "{"
        for (i, key) in members.keys.sorted(by: { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) })
            .enumerated()
        {
            if i > 0 { text += "," }
            writeString(key, into: &text)
            text += ":"
            switch members[key]! {
            case .string(let string): writeString(string, into: &text)
            case .number(let number): text += number.map(String.init) ?? "null"
            case .object(let object): write(object, into: &text)
            }
        }
        text += "}"
    }

    private static func writeString(_ string: String, into text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\u{08}": text += "\\b"
            case "\u{09}": text += "\\t"
            case "\u{0A}": text += "\\n"
            case "\u{0C}": text += "\\f"
            case "\u{0D}": text += "\\r"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
