/// Writes a plan's blocks as Markdown: every block on one line, blocks apart by a blank
/// line (list items and table rows by a single line break), so that reading lines or
/// paragraphs gives the same blocks.
///
/// A table is a pipe table; its delimiter row (`| --- | --- |`) is markup, not a block.
enum MarkdownPlanWriter {
    static func document(_ blocks: [PlanBlock]) -> [UInt8] {
        var text = ""
        for (index, block) in blocks.enumerated() {
            switch block {
            case .title(let line): text += "# \(line)\n"
            case .heading(let line): text += "## \(line)\n"
            case .paragraph(let line, _): text += "\(line)\n"
            case .listItem(let line): text += "- \(line)\n"
            case .tableRow(let cells, let isFirst):
                text += "| " + cells.joined(separator: " | ") + " |\n"
                if isFirst { text += "|" + String(repeating: " --- |", count: cells.count) + "\n" }
            }
            if index + 1 < blocks.count, !continues(block, with: blocks[index + 1]) { text += "\n" }
        }
        return Array(text.utf8)
    }

    /// List items follow list items, and rows their table, without a blank line.
    private static func continues(_ block: PlanBlock, with next: PlanBlock) -> Bool {
        switch (block, next) {
        case (.listItem, .listItem): true
        case (.tableRow, .tableRow(_, let isFirst)): !isFirst
        default: false
        }
    }
}
