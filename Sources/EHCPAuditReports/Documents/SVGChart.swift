/// Inline SVG for the report's charts: plain shapes and text, no script.
enum SVGChart {
    /// Colours for grades, best first; each also differs in lightness, for grey print.
    static let palette = ["#0b6e4f", "#6fb07f", "#f0a202", "#b03a2e", "#6c757d", "#343a40"]

    static func render(_ chart: Chart, id: String) -> String {
        let (title, summary, svg): (String, String, Drawing)
        switch chart {
        case let .stackedBars(t, s, labels, parts, shares):
            (title, summary, svg) = (t, s, stacked(labels: labels, parts: parts, shares: shares))
        case let .shareWithBand(t, s, labels, points):
            (title, summary, svg) = (t, s, band(labels: labels, points: points))
        case let .bars(t, s, labels, shares): (title, summary, svg) = (t, s, bars(labels: labels, shares: shares))
        case let .differences(t, s, points, mean, low, high):
            (title, summary, svg) = (t, s, differences(points, mean: mean, low: low, high: high))
        case let .control(t, s, labels, points, restart):
            (title, summary, svg) = (t, s, control(labels: labels, points: points, restart: restart))
        case let .funnel(t, s, funnel): (title, summary, svg) = (t, s, funnelDrawing(funnel))
        }
        let e = HTMLRenderer.escape
        return """
            <figure>
            <svg role="img" aria-labelledby="\(id)-title \(id)-desc" xmlns="http://www.w3.org/2000/svg" \(svg.viewBox)>
            <title id="\(id)-title">\(e(title))</title>
            <desc id="\(id)-desc">\(e(summary)) The table below gives the same figures.</desc>
            \(svg.shapes)
            </svg>
            <figcaption>\(e(title)). \(e(summary))</figcaption>
            </figure>
            """
    }

    struct Drawing {
        var viewBox: String
        var shapes: String
    }

    static func f(_ value: Double) -> String { String(Double(Int((value * 10).rounded())) / 10) }

    static func axis(left: Double, right: Double, top: Double, bottom: Double) -> [String] {
        [0.0, 0.25, 0.5, 0.75, 1.0].map { tick in
            let y = bottom - tick * (bottom - top)
            return
                """
                <line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(right))\" y2=\"\(f(y))\" stroke=\"#c8c8c8\" \
                stroke-width=\"1\"/><text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" font-size=\"11\" \
                text-anchor=\"end\">\(Int(tick * 100))%</text>
                """
        }
    }

    private static func stacked(labels: [String], parts: [String], shares: [[Double]?]) -> Drawing {
        let left = 48.0, right = 700.0, top = 16.0, bottom = 250.0
        let slot = (right - left) / Double(max(labels.count, 1)), barWidth = slot * 0.7
        var shapes = axis(left: left, right: right, top: top, bottom: bottom)
        for (i, label) in labels.enumerated() {
            let x = left + Double(i) * slot + (slot - barWidth) / 2
            if let split = shares[i] {
                var y = bottom
                for (p, share) in split.enumerated() where share > 0 {
                    let height = share * (bottom - top)
                    y -= height
                    shapes.append(
                        """
                        <rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(barWidth))\" height=\"\(f(height))\" \
                        fill=\"\(palette[p % palette.count])\"><title>\
                        \(HTMLRenderer.escape("\(label), \(parts[p]): \(Words.percent(share))"))</title></rect>
                        """
                    )
                }
            } else {
                shapes.append(
                    """
                    <rect x=\"\(f(x))\" y=\"\(f(top))\" width=\"\(f(barWidth))\" height=\"\(f(bottom - top))\" \
                    fill=\"none\" stroke=\"#8a8a8a\" stroke-dasharray=\"4 \
                    3\"><title>\(HTMLRenderer.escape(label)): no audits, or withheld</title></rect>
                    """
                )
            }
            shapes.append(
                """
                <text x=\"\(f(x + barWidth / 2))\" y=\"\(f(bottom + 16))\" font-size=\"11\" \
                text-anchor=\"middle\">\(HTMLRenderer.escape(label))</text>
                """
            )
        }
        for (p, part) in parts.enumerated() {
            let x = left + Double(p) * 160
            shapes.append(
                """
                <rect x=\"\(f(x))\" y=\"284\" width=\"14\" height=\"14\" \
                fill=\"\(palette[p % palette.count])\"/><text x=\"\(f(x + 20))\" y=\"296\" \
                font-size=\"12\">\(HTMLRenderer.escape(part))</text>
                """
            )
        }
        return Drawing(viewBox: "viewBox=\"0 0 720 310\"", shapes: shapes.joined(separator: "\n"))
    }

    private static func band(labels: [String], points: [BandPoint?]) -> Drawing {
        let left = 48.0, right = 700.0, top = 16.0, bottom = 250.0
        let step = labels.count > 1 ? (right - left - 20) / Double(labels.count - 1) : 0
        func x(_ i: Int) -> Double { left + 10 + Double(i) * step }
        func y(_ share: Double) -> Double { bottom - share * (bottom - top) }
        var shapes = axis(left: left, right: right, top: top, bottom: bottom)
        // Draw each unbroken run of months as its own band and line.
        var runs: [[Int]] = [[]]
        for i in points.indices { if points[i] == nil { runs.append([]) } else { runs[runs.count - 1].append(i) } }
        for run in runs where !run.isEmpty {
            let upper = run.map { "\(f(x($0))),\(f(y(points[$0]!.high)))" }
            let lower = run.reversed().map { "\(f(x($0))),\(f(y(points[$0]!.low)))" }
            shapes.append(
                "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"#9dbbe3\" fill-opacity=\"0.6\"/>")
            shapes.append(
                """
                <polyline \
                points=\"\(run.map { "\(f(x($0))),\(f(y(points[$0]!.share)))" }.joined(separator: " "))\" \
                fill=\"none\" stroke=\"#1d4f91\" stroke-width=\"2.5\"/>
                """
            )
        }
        for (i, label) in labels.enumerated() {
            if let point = points[i] {
                let range = "\(Words.percent(point.low))–\(Words.percent(point.high))"
                let title = HTMLRenderer.escape("\(label): \(Words.percent(point.share)) (\(range))")
                shapes.append(
                    """
                    <circle cx=\"\(f(x(i)))\" cy=\"\(f(y(point.share)))\" r=\"4\" \
                    fill=\"#1d4f91\"><title>\(title)</title></circle>
                    """
                )
            }
            shapes.append(
                """
                <text x=\"\(f(x(i)))\" y=\"\(f(bottom + 16))\" font-size=\"11\" \
                text-anchor=\"middle\">\(HTMLRenderer.escape(label))</text>
                """
            )
        }
        shapes.append(
            """
            <rect x=\"\(f(left))\" y=\"284\" width=\"14\" height=\"14\" fill=\"#9dbbe3\"/><text \
            x=\"\(f(left + 20))\" y=\"296\" font-size=\"12\">95% interval</text><line x1=\"\(f(left + 140))\" \
            y1=\"291\" x2=\"\(f(left + 160))\" y2=\"291\" stroke=\"#1d4f91\" stroke-width=\"2.5\"/><text \
            x=\"\(f(left + 166))\" y=\"296\" font-size=\"12\">Good or better</text>
            """
        )
        return Drawing(viewBox: "viewBox=\"0 0 720 310\"", shapes: shapes.joined(separator: "\n"))
    }

    private static func bars(labels: [String], shares: [Double?]) -> Drawing {
        let labelWidth = 300.0, right = 640.0, rowHeight = 26.0
        var shapes: [String] = []
        for (i, label) in labels.enumerated() {
            let y = Double(i) * rowHeight + 6
            let shown = label.count > 44 ? String(label.prefix(42)) + "…" : label
            shapes.append(
                """
                <text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 15))\" font-size=\"12\" \
                text-anchor=\"end\">\(HTMLRenderer.escape(shown))</text>
                """
            )
            if let share = shares[i] {
                shapes.append(
                    """
                    <rect x=\"\(f(labelWidth))\" y=\"\(f(y + 3))\" \
                    width=\"\(f(max(1, share * (right - labelWidth))))\" height=\"16\" \
                    fill=\"#1d4f91\"><title>\
                    \(HTMLRenderer.escape("\(label): \(Words.percent(share)) on time"))</title></rect>
                    """
                )
                shapes.append(
                    """
                    <text x=\"\(f(labelWidth + share * (right - labelWidth) + 6))\" y=\"\(f(y + 15))\" \
                    font-size=\"12\">\(Words.percent(share))</text>
                    """
                )
            } else {
                shapes.append(
                    """
                    <text x=\"\(f(labelWidth + 6))\" y=\"\(f(y + 15))\" font-size=\"12\">withheld or no advice \
                    timed</text>
                    """
                )
            }
        }
        return Drawing(
            viewBox: "viewBox=\"0 0 720 \(f(Double(labels.count) * rowHeight + 12))\"",
            shapes: shapes.joined(separator: "\n"))
    }
}
