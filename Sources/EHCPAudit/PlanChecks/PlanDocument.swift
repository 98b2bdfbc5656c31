/// A plan document as the plan checks see it: its text as numbered blocks, nothing else
/// (docs/plan-checks.md, "Documents").
///
/// Readers of `.docx`, `.odt`, `.md` and `.txt` files build one; the checker never sees
/// the file. Blocks are numbered from 1 in document order, so a finding can say where it is.
///
/// ```swift
/// let document = PlanDocument(blocks: [
///     .init(kind: .heading, text: "Section F: Special educational provision"),
///     .init(kind: .listItem, text: "Access to speech and language therapy."),
/// ])
/// ```
public struct PlanDocument: Sendable, Hashable {
    /// What a block is; only headings, list items and table rows are told apart.
    public enum BlockKind: Sendable, Hashable {
        case heading
        case paragraph
        case listItem
        /// One row of a table; `text` holds its cells joined by ``PlanDocument/cellSeparator``.
        case tableRow
    }

    /// One heading, paragraph, list item or table row.
    public struct Block: Sendable, Hashable {
        public var kind: BlockKind
        /// The block's text: runs joined, tabs as spaces, line breaks as `\n`; a table row's
        /// cells joined by ``PlanDocument/cellSeparator`` (a nested table's rows are flattened
        /// into their cell, each row's text on its own line).
        public var text: String
        /// For a table row, whether it is its table's first (header) row.
        public var isFirstRow: Bool

        public init(kind: BlockKind, text: String, isFirstRow: Bool = false) {
            self.kind = kind
            self.text = text
            self.isFirstRow = isFirstRow
        }
    }

    /// Joins the cells of a table row: no phrase can match across it.
    public static let cellSeparator = " | "

    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }
}
