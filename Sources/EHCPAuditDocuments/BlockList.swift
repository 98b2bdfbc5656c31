import EHCPAudit

/// The blocks of a document as they are found, refused past the limit on their number.
struct BlockList {
    let file: String
    let limit: Int
    private(set) var blocks: [PlanDocument.Block] = []

    init(file: String, limit: Int) {
        self.file = file
        self.limit = limit
    }

    /// Adds a block of `text` (UTF-8 bytes) with white space trimmed from both ends; text
    /// that is empty once trimmed makes no block.
    mutating func add(
        _ kind: PlanDocument.BlockKind, _ text: [UInt8], isFirstRow: Bool = false
    )
        throws(PlanDocumentError)
    {
        let trimmed = Self.trimmed(text)
        guard !trimmed.isEmpty else { return }
        guard blocks.count < limit else {
            throw PlanDocumentError(
                file: file,
                message: "the document has more than \(limit.formatted) blocks (headings, paragraphs, list items and "
                    + "table rows), the most that can be checked: split it or check it by hand")
        }
        blocks.append(
            PlanDocument.Block(kind: kind, text: String(decoding: trimmed, as: UTF8.self), isFirstRow: isFirstRow))
    }

    /// `text` without leading or trailing spaces, tabs, or line breaks.
    static func trimmed(_ text: [UInt8]) -> ArraySlice<UInt8> {
        var slice = text[...]
        while let first = slice.first, isSpace(first) { slice.removeFirst() }
        while let last = slice.last, isSpace(last) { slice.removeLast() }
        return slice
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

extension Int {
    /// The number with thousands separated by commas ("100,000").
    fileprivate var formatted: String {
        let digits = String(self)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
