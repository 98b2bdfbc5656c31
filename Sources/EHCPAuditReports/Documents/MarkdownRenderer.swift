/// Markdown, for board papers written in a wiki or converted to a document.
public enum MarkdownRenderer {
    public static func render(_ blocks: [Block]) -> String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let text): out.append("# \(text)")
            case .heading(let text): out.append("## \(text)")
            case .paragraph(let text): out.append(text)
            case .table(let table):
                out.append("**\(escape(table.caption))**\n\n" + ([row(table.header), row(table.header.map { _ in "---" })] + table.rows.map(row)).joined(separator: "\n"))
            case .chart: continue
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    private static func row(_ cells: [String]) -> String { "| " + cells.map(escape).joined(separator: " | ") + " |" }

    private static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "|*_`<>[]".contains(character) { out.append("\\") }
            out.append(character == "\n" ? " " : character)
        }
        return out
    }
}
