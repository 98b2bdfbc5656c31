import EHCPAudit

/// Turns the structure of a word-processing document (paragraphs, tables of rows of cells,
/// nested to any depth) into blocks, for the `.docx` and `.odt` readers alike.
///
/// Each structural start tag pushes a frame and its end tag pops it, so the frames always
/// match the XML's nesting, however odd (a cell outside a row becomes an inert frame).
/// Where a finished paragraph or table goes depends on what encloses it:
/// - a paragraph: a block of its own at the top level; a line of the cell it sits in; a
///   line of the paragraph it sits in (a text box anchored in a paragraph);
/// - a table row: a `.tableRow` block (cells joined by ``PlanDocument/cellSeparator``) for
///   a top-level table; for a nested table, a line of the enclosing cell or paragraph.
struct BlockBuilder {
    private enum Frame {
        case paragraph
        case table
        case row
        case cell
        /// A structural tag in a place it makes no sense (a cell outside a row).
        case inert
    }

    private struct Paragraph {
        var kind: PlanDocument.BlockKind
        var text: [UInt8] = []
    }

    private struct Table {
        /// Whether its rows are blocks (no paragraph or cell encloses it).
        let isTopLevel: Bool
        var rowCount = 0
        var inHeaderRows = false
        var rowIsHeader = false
        var cells: [[UInt8]] = []
        var cell: [UInt8] = []
        /// A nested table's rows, each as one line.
        var lines: [UInt8] = []
    }

    private(set) var list: BlockList
    let tableDepthLimit: Int
    private var frames: [Frame] = []
    private var paragraphs: [Paragraph] = []
    private var tables: [Table] = []

    init(file: String, limits: DocumentLimits) {
        list = BlockList(file: file, limit: limits.blocks)
        tableDepthLimit = limits.tableDepth
    }

    /// The innermost frame that is not inert, if any.
    private var enclosing: Frame? { frames.last { if case .inert = $0 { false } else { true } } }

    mutating func beginParagraph(_ kind: PlanDocument.BlockKind) {
        frames.append(.paragraph)
        paragraphs.append(Paragraph(kind: kind))
    }

    /// Whether text now goes to a paragraph.
    var inParagraph: Bool { !paragraphs.isEmpty }

    /// Sets the kind of the paragraph being read, if it is not inside another one.
    mutating func setKind(_ kind: PlanDocument.BlockKind) {
        if paragraphs.count == 1 { paragraphs[0].kind = kind }
    }

    /// Appends text to the innermost paragraph (none open: dropped).
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].text.append(contentsOf: bytes) }
    }

    /// Appends text in which line breaks and tabs are white space like a space (ODF).
    mutating func appendCollapsingLines(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !paragraphs.isEmpty else { return }
        let p = paragraphs.count - 1
        for byte in bytes { paragraphs[p].text.append(byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte) }
    }

    mutating func append(_ byte: UInt8) {
        if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].text.append(byte) }
    }

    mutating func beginTable() throws(PlanDocumentError) {
        guard tables.count < tableDepthLimit else {
            throw PlanDocumentError(
                file: list.file,
                message: "tables are nested more than \(tableDepthLimit) deep, the most that can be read: "
                    + "the document is damaged or built to exhaust the reader")
        }
        tables.append(Table(isTopLevel: enclosing == nil))
        frames.append(.table)
    }

    /// Rows begun until ``endHeaderRows()`` are header rows.
    mutating func beginHeaderRows() {
        if !tables.isEmpty { tables[tables.count - 1].inHeaderRows = true }
    }

    mutating func endHeaderRows() {
        if !tables.isEmpty { tables[tables.count - 1].inHeaderRows = false }
    }

    mutating func beginRow() {
        guard case .table = frames.last else { return frames.append(.inert) }
        let t = tables.count - 1
        tables[t].cells = []
        tables[t].rowIsHeader = tables[t].inHeaderRows || tables[t].rowCount == 0
        frames.append(.row)
    }

    /// Marks the row being read as a header row (Word's "repeat as header row").
    mutating func markHeaderRow() {
        if case .row = enclosing { tables[tables.count - 1].rowIsHeader = true }
    }

    mutating func beginCell() {
        guard case .row = frames.last else { return frames.append(.inert) }
        tables[tables.count - 1].cell = []
        frames.append(.cell)
    }

    /// Ends whatever the matching start tag began.
    mutating func end() throws(PlanDocumentError) {
        guard let frame = frames.popLast() else { return }
        switch frame {
        case .paragraph:
            let paragraph = paragraphs.removeLast()
            try place(paragraph.text, as: paragraph.kind)
        case .cell:
            let t = tables.count - 1
            tables[t].cells.append(Array(BlockList.trimmed(tables[t].cell)))
        case .row:
            let t = tables.count - 1
            defer { tables[t].rowCount += 1 }
            // A row whose cells are all empty makes no block and no line.
            guard tables[t].cells.contains(where: { !$0.isEmpty }) else { return }
            let row = Self.joined(tables[t].cells)
            if tables[t].isTopLevel {
                try list.add(.tableRow, row, isFirstRow: tables[t].rowIsHeader)
            } else {
                Self.addLine(row, to: &tables[t].lines)
            }
        case .table:
            let table = tables.removeLast()
            if !table.isTopLevel { try place(table.lines, as: .paragraph) }
        case .inert:
            break
        }
    }

    /// Puts a finished paragraph's text (or a nested table's lines) where it belongs.
    private mutating func place(_ text: [UInt8], as kind: PlanDocument.BlockKind) throws(PlanDocumentError) {
        switch enclosing {
        case .paragraph:
            let p = paragraphs.count - 1
            Self.addLine(Array(BlockList.trimmed(text)), to: &paragraphs[p].text)
            if !paragraphs[p].text.isEmpty { paragraphs[p].text.append(0x0A) }
        case .cell, .row, .table:
            Self.addLine(Array(BlockList.trimmed(text)), to: &tables[tables.count - 1].cell)
        case .inert, nil:
            try list.add(kind, text)
        }
    }

    /// Appends `line` to `text` on a line of its own; an empty line adds nothing.
    private static func addLine(_ line: [UInt8], to text: inout [UInt8]) {
        guard !line.isEmpty else { return }
        if let last = text.last, last != 0x0A { text.append(0x0A) }
        text.append(contentsOf: line)
    }

    private static let separator = Array(PlanDocument.cellSeparator.utf8)

    private static func joined(_ cells: [[UInt8]]) -> [UInt8] {
        var row: [UInt8] = []
        for (i, cell) in cells.enumerated() {
            if i > 0 { row.append(contentsOf: separator) }
            row.append(contentsOf: cell)
        }
        return row
    }
}
