import EHCPAudit

/// One finding the plan checks must report for a synthetic plan document: its truth.
///
/// Written as one JSON object a line in `truth.jsonl`, keys in this order, absent ones left out:
/// `{"file":…,"check":…,"section":…,"item":…,"block":…,"quote":…,"missing":[…]}`.
/// `block` is left out where the spec does not say which block a finding points at
/// (`missing-section`, `no-setting-in-final`, `no-review-date`).
public struct ExpectedPlanFinding: Sendable, Hashable, Comparable {
    public var file: String
    public var check: PlanCheckKind
    /// A section id (`A`…`K`, `H1`, `H2`); absent for plan-level findings and front matter.
    public var section: String?
    /// The item's number within its section, from 1.
    public var item: Int?
    /// The block's number in the document, from 1.
    public var block: Int?
    /// For `vague-wording`, the phrase as written.
    public var quote: String?
    /// For `unquantified-provision`, what the item lacks: `frequency`, `amount` or both.
    public var missing: [String]?

    public init(
        file: String, check: PlanCheckKind, section: String? = nil, item: Int? = nil, block: Int? = nil,
        quote: String? = nil, missing: [String]? = nil
    ) {
        self.file = file
        self.check = check
        self.section = section
        self.item = item
        self.block = block
        self.quote = quote
        self.missing = missing
    }

    /// By file, then block (findings without one first), check in the spec's order, section, item, quote.
    public static func < (a: Self, b: Self) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.block != b.block { return (a.block ?? 0) < (b.block ?? 0) }
        if a.check != b.check { return a.check < b.check }
        if a.section != b.section { return SectionOrder.rank(a.section) < SectionOrder.rank(b.section) }
        if a.item != b.item { return (a.item ?? 0) < (b.item ?? 0) }
        return (a.quote ?? "") < (b.quote ?? "")
    }

    /// The finding as one line of JSON.
    public var jsonLine: String {
        var fields = ["\"file\":\(Self.json(file))", "\"check\":\(Self.json(check.rawValue))"]
        if let section { fields.append("\"section\":\(Self.json(section))") }
        if let item { fields.append("\"item\":\(item)") }
        if let block { fields.append("\"block\":\(block)") }
        if let quote { fields.append("\"quote\":\(Self.json(quote))") }
        if let missing { fields.append("\"missing\":[\(missing.map(Self.json).joined(separator: ","))]") }
        return "{" + fields.joined(separator: ",") + "}"
    }

    private static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// The plan's section ids in document order.
enum SectionOrder {
    static let ids = ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"]

    static func rank(_ id: String?) -> Int { id.flatMap { ids.firstIndex(of: $0) }.map { $0 + 1 } ?? 0 }
}
