import EHCPAudit
import Foundation
internal import GRDB

/// Lists packed into one text column: items separated by U+001E, fields by U+001F
/// (control characters no id, rating or grade contains).
enum Packed {
    static let item: Character = "\u{1E}"
    static let field: Character = "\u{1F}"

    static func pack(_ items: [[String]]) -> String {
        items.map { $0.joined(separator: String(field)) }.joined(separator: String(item))
    }

    /// Calls `body` with each item of the packed column `column` of `row`, its fields as
    /// bytes read in place, without making a string: the reports' way through tens of
    /// thousands of rows of some 60 items. Split by bytes, not by Character: the separators
    /// are ASCII control characters, which never sit inside another character's bytes nor
    /// join a grapheme, so the items are the same, many times sooner.
    static func forEachItem(in row: Row, at column: Int, _ body: (Fields) throws -> Void) throws {
        try row.withUnsafeData(atIndex: column) { data in
            guard let data, !data.isEmpty else { return }
            try data.withUnsafeBytes { bytes in
                var fields = Fields(bytes)
                var start = 0
                for i in 0..<bytes.count where bytes[i] == itemByte || bytes[i] == fieldByte {
                    fields.append(start..<i)
                    if bytes[i] == itemByte {
                        try body(fields)
                        fields.removeAll()
                    }
                    start = i + 1
                }
                fields.append(start..<bytes.count)
                try body(fields)
            }
        }
    }

    /// One item's fields, as bytes of the row being read: valid only inside the call.
    struct Fields {
        private let bytes: UnsafeRawBufferPointer
        /// The first three fields' places; packed items have no more.
        private var ranges: (Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0)
        private(set) var count = 0

        fileprivate init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        fileprivate mutating func append(_ range: Range<Int>) {
            switch count {
            case 0: ranges.0 = range
            case 1: ranges.1 = range
            case 2: ranges.2 = range
            default: break
            }
            count += 1
        }

        fileprivate mutating func removeAll() { count = 0 }

        /// Field `i` (0, 1 or 2) as bytes.
        subscript(i: Int) -> UnsafeRawBufferPointer {
            let range = i == 0 ? ranges.0 : i == 1 ? ranges.1 : ranges.2
            return UnsafeRawBufferPointer(rebasing: bytes[range])
        }

        /// Field `i` as text.
        func text(_ i: Int) -> String { String(decoding: self[i], as: UTF8.self) }
    }

    private static let itemByte = item.asciiValue!
    private static let fieldByte = field.asciiValue!

    /// `criterion → rating`, in record order.
    static func ratings(_ judgements: [Judgement]) -> String {
        var text = ""
        text.reserveCapacity(judgements.count * 16)
        for (i, judgement) in judgements.enumerated() {
            if i > 0 { text.append(item) }
            text += judgement.criterion
            text.append(field)
            text += judgement.rating
        }
        return text
    }

    /// Section id, percent (full precision, empty when not applicable) and grade.
    static func sections(_ sections: [SectionResult]) -> String {
        pack(sections.map { [$0.id, $0.percent.map { String($0) } ?? "", $0.grade?.id ?? ""] })
    }

    /// A record's `planChecks` counts, check id and count, in ``PlanCheckKind`` order; nil
    /// when it carries none.
    static func planChecks(_ checks: PlanCheckCounts?) -> String? {
        checks.map { pack($0.ordered.map { [$0.check.rawValue, String($0.count)] }) }
    }

    /// The criteria of the improvement actions, in order.
    static func actions(_ actions: [ImprovementAction]) -> String { pack(actions.map { [$0.criterion] }) }
}
