/// One self-contained HTML file: no script, no network, inline SVG charts each followed
/// by its data table; readable on a phone and printed on A4; headings, `lang`, table
/// headers and text alternatives for accessibility.
public enum HTMLRenderer {
    public static func render(_ blocks: [Block]) -> String {
        var title = "Report"
        var body: [String] = []
        var chartNumber = 0
        var heading = "", labels: Set<String> = []
        for block in blocks {
            switch block {
            case .title(let text):
                title = text
                body.append("<h1>\(escape(text))</h1>")
            case .heading(let text):
                heading = text
                body.append("<h2>\(escape(text))</h2>")
            case .paragraph(let text): body.append("<p>\(escape(text))</p>")
            case .table(let table):
                // Each scrollable table is a landmark, whose name must be unique on the page.
                let label = labels.contains(table.caption) ? "\(heading): \(table.caption)" : table.caption
                labels.insert(label)
                body.append(render(table, label: label))
            case .chart(let chart):
                chartNumber += 1
                body.append(SVGChart.render(chart, id: "chart\(chartNumber)"))
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    static func render(_ table: Table, label: String) -> String {
        let head = "<tr>" + table.header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr>"
        let rows = table.rows.map { row in
            "<tr>"
                + row.enumerated().map { cell in
                    if cell.offset == 0 { return "<th scope=\"row\">\(escape(cell.element))</th>" }
                    return isFigure(cell.element)
                        ? "<td>\(escape(cell.element))</td>" : "<td class=\"text\">\(escape(cell.element))</td>"
                }.joined() + "</tr>"
        }
        return
            """
            <div class=\"table\" role=\"region\" aria-label=\"\(escape(label))\" \
            tabindex=\"0\"><table>\n<caption>\(escape(table.caption))</caption>\n<thead>\(head)</thead>\n<tbody>\
            \n\(rows.joined(separator: "\n"))\n</tbody></table></div>
            """
    }

    /// Figures align right; words align left.
    static func isFigure(_ text: String) -> Bool {
        guard let first = text.first else { return true }
        return first.isNumber || first == "<" || first == "–" || first == "-"
    }

    /// Text escaped for HTML content and double-quoted attribute values: `&`, `<`, `>` and `"`.
    public static func escape(_ text: String) -> String {
        // Most text holds none of the four: it is returned as it is, found by a byte scan.
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let style = """
        body{margin:0;font-family:system-ui,-apple-system,"Segoe \
        UI",Arial,sans-serif;line-height:1.5;color:#1b1b1b;background:#fff}
        main{max-width:60rem;margin:0 auto;padding:1rem}
        h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid \
        #1d4f91;padding-bottom:.2rem}
        p{max-width:45rem}
        .table{overflow-x:auto;margin:1rem 0}
        table{border-collapse:collapse;min-width:60%;font-variant-numeric:tabular-nums}
        caption{text-align:left;font-weight:600;padding:.3rem 0}
        th,td{border:1px solid #8a8a8a;padding:.3rem .5rem;text-align:right;vertical-align:top}
        th[scope=row],thead th:first-child,td.text{text-align:left}
        thead th{background:#e8eef7}
        figure{margin:1rem 0}figcaption{font-size:.9rem;color:#333}
        svg{width:100%;height:auto;max-width:48rem}
        svg text{fill:#1b1b1b;font-family:inherit}
        @media print{@page{size:A4;margin:15mm}main{max-width:none;padding:0}h2{break-after:avoid}figure,\
        .table{break-inside:avoid}.table{overflow:visible}}
        """
}
