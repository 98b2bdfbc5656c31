import EHCPAudit

/// Lists packed into one text column: items separated by U+001E, fields by U+001F
/// (control characters no id, rating or grade contains).
enum Packed {
    static let item: Character = "\u{1E}"
    static let field: Character = "\u{1F}"

    static func pack(_ items: [[String]]) -> String {
        items.map { $0.joined(separator: String(field)) }.joined(separator: String(item))
    }

    static func unpack(_ text: String) -> [[Substring]] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: item, omittingEmptySubsequences: false).map {
            $0.split(separator: field, omittingEmptySubsequences: false)
        }
    }

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

    /// The criteria of the improvement actions, in order.
    static func actions(_ actions: [ImprovementAction]) -> String { pack(actions.map { [$0.criterion] }) }
}
