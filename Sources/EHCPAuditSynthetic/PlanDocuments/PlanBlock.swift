import EHCPAudit

/// One block of a synthetic plan, as written to the file: a reader of the file must give
/// back exactly one ``PlanDocument/Block`` for it, in the same order (so the block numbers
/// of the truth are its index plus one).
enum PlanBlock: Sendable, Hashable {
    /// The document's title: Word's `Title` style, an ODF heading, a Markdown `#` heading.
    case title(String)
    /// A heading: Word's `Heading1`, an ODF `text:h`, a Markdown `##` heading.
    case heading(String)
    /// A paragraph; `bold` makes it look like a heading without being one.
    case paragraph(String, bold: Bool = false)
    case listItem(String)
    /// A table row; a table starts at a row with `isFirst`.
    case tableRow([String], isFirst: Bool)

    /// The block as the plan checks see it.
    var documentBlock: PlanDocument.Block {
        switch self {
        case .title(let text), .heading(let text): .init(kind: .heading, text: text)
        case .paragraph(let text, _): .init(kind: .paragraph, text: text)
        case .listItem(let text): .init(kind: .listItem, text: text)
        case .tableRow(let cells, let isFirst):
            .init(kind: .tableRow, text: cells.joined(separator: PlanDocument.cellSeparator), isFirstRow: isFirst)
        }
    }

    /// Whether the block ends a table (the next block is not a further row of it).
    static func endsTable(_ blocks: [PlanBlock], at index: Int) -> Bool {
        guard case .tableRow = blocks[index] else { return false }
        guard index + 1 < blocks.count, case .tableRow(_, let isFirst) = blocks[index + 1] else { return true }
        return isFirst
    }
}
