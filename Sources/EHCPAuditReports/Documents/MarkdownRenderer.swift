/// Markdown, for board papers written in a wiki or converted to a document.
///
/// Every text is data (a team or provider name can hold anything), so each is escaped: no
/// name can become a heading, a link, a list or a table cell of its own.
public enum MarkdownRenderer {
    public static func render(_ blocks: [Block]) -> String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let text): out.append("# \(escape(text))")
            case .heading(let text): out.append("## \(escape(text))")
            case .paragraph(let text): out.append(escape(text))
            case .table(let table):
                out.append(
                    "**\(escape(table.caption))**\n\n"
                        + ([row(table.header), row(table.header.map { _ in "---" })] + table.rows.map(row)).joined(
                            separator: "\n"))
            case .chart: continue
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    private static func row(_ cells: [String]) -> String { "| " + cells.map(escape).joined(separator: " | ") + " |" }

    /// `text` on one line with every character Markdown could read as markup escaped:
    /// inline markup anywhere, and a block marker (`-`, `+`, `=`, `1.`) at the start.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|#!~&".contains(character) { out.append("\\") }
            out.append(character.isNewline ? " " : character)
        }
        if let first = out.first, "-+=".contains(first) { out.insert("\\", at: out.startIndex) }
        if let marker = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), marker != out.startIndex,
            ".)".contains(out[marker])
        {
            out.insert("\\", at: marker)
        }
        return out
    }
}
