/// Plain text at 80 columns, for a terminal or an email.
public enum TextRenderer {
    public static let width = 80

    public static func render(_ blocks: [Block]) -> String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let text):
                out.append(Formatting.wrap(text))
                out.append(String(repeating: "=", count: min(width, text.count)))
            case .heading(let text):
                out.append("")
                out.append(Formatting.wrap(text))
                out.append(String(repeating: "-", count: min(width, text.count)))
            case .paragraph(let text):
                out.append(Formatting.wrap(text))
            case .table(let table):
                out.append("")
                out.append(contentsOf: render(table))
            case .chart:
                continue
            }
        }
        return out.joined(separator: "\n")
    }

    /// A grid when it fits in 80 columns; otherwise each row as a short list.
    static func render(_ table: Table) -> [String] {
        var lines = [Formatting.wrap(table.caption + ":")]
        let widths = table.header.indices.map { c in
            ([table.header[c]] + table.rows.map { c < $0.count ? $0[c] : "" }).map(\.count).max() ?? 0
        }
        if widths.reduce(0, +) + 2 * widths.count + 2 <= width {
            let line = { (cells: [String]) in
                "  " + cells.enumerated().map { Formatting.pad($0.element, widths[$0.offset]) }.joined(separator: "  ")
            }
            lines.append(line(table.header).trimmingTrailingSpaces)
            for row in table.rows { lines.append(line(row).trimmingTrailingSpaces) }
        } else {
            for row in table.rows {
                lines.append(Formatting.wrap(row.first ?? "", indent: "  "))
                let pairs = zip(table.header.dropFirst(), row.dropFirst()).map { "\($0): \($1)" }
                lines.append(Formatting.wrap(pairs.joined(separator: "; "), indent: "      "))
            }
        }
        return lines
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
