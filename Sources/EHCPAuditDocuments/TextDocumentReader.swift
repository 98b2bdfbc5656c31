import EHCPAudit

/// Reads the blocks of a Markdown (`.md`, `.markdown`) or plain text (`.txt`) plan, line by
/// line, after checking that it is UTF-8 (a byte order mark is skipped).
///
/// Both kinds are read alike (a plain text export of a plan often has `- ` bullets):
/// - `#` … `######` followed by a space: a heading, without the `#`s (and any closing ones);
/// - `-`, `*`, `+`, `1.` or `1)` followed by a space: a list item, without its marker;
/// - a line starting with `|`: a table row, cells split on `|`; a separator row (`|---|`) is
///   dropped; the first row of each run of such lines is the header row;
/// - a line of three or more `-`, `*` or `_` alone (a rule) and blank lines: nothing;
/// - any other line: a paragraph. In Markdown, consecutive such lines are one paragraph
///   (joined with a space), and a line following a list item continues it, as Markdown
///   renders them; in plain text each line is a paragraph of its own.
struct TextDocumentReader {
    let joinsLines: Bool

    func blocks(
        bytes: UnsafeBufferPointer<UInt8>, file: String, limits: DocumentLimits
    )
        throws(PlanDocumentError) -> [PlanDocument.Block]
    {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = UnsafeBufferPointer(rebasing: bytes[start...])
        guard Self.isUTF8(body) else {
            throw PlanDocumentError(
                file: file, message: "the text is not valid UTF-8: save it again as UTF-8 text (or as .docx)")
        }
        var list = BlockList(file: file, limit: limits.blocks)
        var open: (kind: PlanDocument.BlockKind, text: [UInt8])?
        var tableRows = 0
        func flush() throws(PlanDocumentError) {
            if let block = open { try list.add(block.kind, block.text) }
            open = nil
        }
        for rawLine in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = BlockList.trimmed(Array(rawLine))
            let row = line.first == UInt8(ascii: "|")
            if !row { tableRows = 0 }
            if line.isEmpty || Self.isRule(line) {
                try flush()
            } else if let heading = Self.heading(line) {
                try flush()
                try list.add(.heading, Array(heading))
            } else if let item = Self.listItem(line) {
                try flush()
                open = (.listItem, Array(item))
            } else if row {
                try flush()
                guard let cells = Self.cells(line) else { continue }
                try list.add(.tableRow, cells, isFirstRow: tableRows == 0)
                tableRows += 1
            } else if joinsLines && open != nil {
                open!.text.append(0x20)
                open!.text.append(contentsOf: line)
            } else {
                try flush()
                open = (.paragraph, Array(line))
            }
            if !joinsLines { try flush() }
        }
        try flush()
        return list.blocks
    }

    /// Whether `bytes` are well-formed UTF-8.
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The text of an ATX heading line (`## Title ##` → `Title`).
    static func heading(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let hashes = line.prefix { $0 == UInt8(ascii: "#") }.count
        guard (1...6).contains(hashes) else { return nil }
        var rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == 0x20 || rest.first == 0x09 else { return nil }
        while let last = rest.last, last == UInt8(ascii: "#") || BlockList.isSpace(last) { rest.removeLast() }
        return rest.drop { BlockList.isSpace($0) }
    }

    /// The text of a list item line (`- x`, `* x`, `+ x`, `12. x`, `3) x`) without its marker.
    static func listItem(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var rest = line
        if let first = rest.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+")
        {
            rest.removeFirst()
        } else {
            let digits = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            guard (1...9).contains(digits) else { return nil }
            rest.removeFirst(digits)
            guard let mark = rest.first, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")") else { return nil }
            rest.removeFirst()
        }
        guard let space = rest.first, space == 0x20 || space == 0x09 else { return nil }
        let item = rest.drop { BlockList.isSpace($0) }
        return item.isEmpty ? nil : item
    }

    /// Whether the line is a rule: three or more of one of `-`, `*`, `_` (spaces allowed).
    static func isRule(_ line: ArraySlice<UInt8>) -> Bool {
        let marks = line.filter { $0 != 0x20 && $0 != 0x09 }
        guard marks.count >= 3, let mark = marks.first else { return false }
        return (mark == UInt8(ascii: "-") || mark == UInt8(ascii: "*") || mark == UInt8(ascii: "_"))
            && marks.allSatisfy { $0 == mark }
    }

    private static let separator = Array(PlanDocument.cellSeparator.utf8)

    /// A pipe-table line's cells joined by ``PlanDocument/cellSeparator``; nil for a
    /// separator row (`|---|:---:|`) or a row of empty cells.
    static func cells(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        var inner = line.dropFirst()
        if inner.last == UInt8(ascii: "|") { inner.removeLast() }
        let cells = inner.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map {
            BlockList.trimmed(Array($0))
        }
        let isSeparator = cells.allSatisfy { cell in
            cell.contains(UInt8(ascii: "-"))
                && cell.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") }
        }
        if isSeparator || cells.allSatisfy(\.isEmpty) { return nil }
        var row: [UInt8] = []
        for (i, cell) in cells.enumerated() {
            if i > 0 { row.append(contentsOf: separator) }
            row.append(contentsOf: cell)
        }
        return row
    }
}
