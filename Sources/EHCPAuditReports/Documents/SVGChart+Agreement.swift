/// The charts of agreement and of statistical process control.
extension SVGChart {
    /// Bland–Altman: x the pair's mean percent (0–100), y its difference.
    static func differences(_ points: [PlotPoint], mean: Double?, low: Double?, high: Double?) -> Drawing {
        let left = 56.0, right = 700.0, top = 16.0, bottom = 250.0
        let reach = max(10, ([low, high, mean].compactMap { $0 } + points.map(\.y)).map(abs).max() ?? 10) * 1.1
        func x(_ value: Double) -> Double { left + value / 100 * (right - left) }
        func y(_ value: Double) -> Double { (top + bottom) / 2 - value / reach * (bottom - top) / 2 }
        var shapes: [String] = []
        for tick in [-reach, -reach / 2, 0, reach / 2, reach] {
            shapes.append(
                """
                <line x1="\(f(left))" y1="\(f(y(tick)))" x2="\(f(right))" y2="\(f(y(tick)))" stroke="#c8c8c8"/>\
                <text x="\(f(left - 6))" y="\(f(y(tick) + 4))" font-size="11" text-anchor="end">\
                \(Int(tick.rounded()))</text>
                """)
        }
        for tick in stride(from: 0.0, through: 100, by: 25) {
            shapes.append(
                """
                <text x="\(f(x(tick)))" y="\(f(bottom + 16))" font-size="11" text-anchor="middle">\(Int(tick))%</text>
                """)
        }
        for (value, label, dash) in [(mean, "mean", ""), (low, "lower limit", "6 4"), (high, "upper limit", "6 4")] {
            guard let value else { continue }
            shapes.append(
                """
                <line x1="\(f(left))" y1="\(f(y(value)))" x2="\(f(right))" y2="\(f(y(value)))" stroke="#b03a2e" \
                stroke-width="2" stroke-dasharray="\(dash)"><title>\(label): \(Formatting.fixed2(value))</title></line>
                """)
        }
        for point in points {
            shapes.append(
                """
                <circle cx="\(f(x(point.x)))" cy="\(f(y(point.y)))" r="4" fill="#1d4f91"><title>\
                mean \(Formatting.fixed2(point.x))%, difference \(Formatting.fixed2(point.y))</title></circle>
                """)
        }
        shapes.append(
            """
            <text x="\(f((left + right) / 2))" y="\(f(bottom + 34))" font-size="12" text-anchor="middle">Mean of the \
            two percents</text>
            """)
        return Drawing(viewBox: "viewBox=\"0 0 720 300\"", shapes: shapes.joined(separator: "\n"))
    }

    /// Making Data Count's colours: blue for improvement, orange for concern, grey for
    /// common-cause variation; each also its own shape, so colour is never the only cue.
    static func variationMark(_ point: ControlPoint) -> (colour: String, words: String) {
        switch (point.improvement, point.concern) {
        case (true, true): ("#7a4f9c", "a signal both ways")
        case (true, false): ("#1d4f91", "special cause: improvement")
        case (false, true): ("#f0a202", "special cause: concern")
        case (false, false): ("#6c757d", "common cause")
        }
    }

    /// A share per month against its control limits and centre line, each stretch of months
    /// apart when the chart was started again (a dashed upright line marks where).
    static func control(labels: [String], points: [ControlPoint], restart: Int?) -> Drawing {
        let left = 48.0, right = 700.0, top = 16.0, bottom = 250.0
        let step = labels.count > 1 ? (right - left - 20) / Double(labels.count - 1) : 0
        func x(_ i: Int) -> Double { left + 10 + Double(i) * step }
        func y(_ share: Double) -> Double { bottom - share * (bottom - top) }
        var shapes = axis(left: left, right: right, top: top, bottom: bottom)
        let stretches = restart.map { [0..<$0, $0..<points.count] } ?? [0..<points.count]
        for stretch in stretches where !stretch.isEmpty {
            for limit in [\ControlPoint.lower, \ControlPoint.upper] {
                let line = stretch.compactMap { i in points[i][keyPath: limit].map { "\(f(x(i))),\(f(y($0)))" } }
                if line.count > 1 {
                    shapes.append(
                        """
                        <polyline points="\(line.joined(separator: " "))" fill="none" stroke="#6c757d" \
                        stroke-width="1.5" stroke-dasharray="6 4"/>
                        """)
                }
            }
            let centre = points[stretch.lowerBound].centre
            shapes.append(
                """
                <line x1="\(f(x(stretch.lowerBound)))" y1="\(f(y(centre)))" x2="\(f(x(stretch.upperBound - 1)))" \
                y2="\(f(y(centre)))" stroke="#343a40" stroke-width="1.5"/>
                """)
        }
        if let restart, restart > 0, restart < points.count {
            let at = (x(restart - 1) + x(restart)) / 2
            shapes.append(
                """
                <line x1="\(f(at))" y1="\(f(top))" x2="\(f(at))" y2="\(f(bottom))" stroke="#343a40" \
                stroke-dasharray="2 3"/><text x="\(f(at + 4))" y="\(f(top + 10))" font-size="11">limits \
                calculated again</text>
                """)
        }
        let line = points.indices.map { "\(f(x($0))),\(f(y(points[$0].share)))" }
        let polyline = "<polyline points=\"\(line.joined(separator: " "))\" fill=\"none\""
        shapes.append(polyline + " stroke=\"#9aa5b1\" stroke-width=\"2\"/>")
        for (i, point) in points.enumerated() {
            let label = HTMLRenderer.escape(labels[i])
            let (colour, words) = variationMark(point)
            let title = "<title>\(label): \(Words.percent(point.share)), \(words)</title>"
            let cx = x(i), cy = y(point.share)
            switch (point.improvement, point.concern) {
            case (true, false):
                shapes.append(
                    """
                    <polygon points="\(f(cx)),\(f(cy - 7)) \(f(cx - 6)),\(f(cy + 4)) \(f(cx + 6)),\(f(cy + 4))" \
                    fill="\(colour)">\(title)</polygon>
                    """)
            case (false, true):
                shapes.append(
                    """
                    <polygon points="\(f(cx)),\(f(cy + 7)) \(f(cx - 6)),\(f(cy - 4)) \(f(cx + 6)),\(f(cy - 4))" \
                    fill="\(colour)">\(title)</polygon>
                    """)
            default:
                shapes.append(#"<circle cx="\#(f(cx))" cy="\#(f(cy))" r="4" fill="\#(colour)">\#(title)</circle>"#)
            }
            shapes.append(
                """
                <text x="\(f(cx))" y="\(f(bottom + 16))" font-size="11" text-anchor="middle">\(label)</text>
                """)
        }
        shapes.append(
            """
            <polygon points="\(f(left + 7)),284 \(f(left + 1)),295 \(f(left + 13)),295" fill="#1d4f91"/><text \
            x="\(f(left + 18))" y="296" font-size="12">improvement</text><polygon points="\(f(left + 117)),297 \
            \(f(left + 111)),286 \(f(left + 123)),286" fill="#f0a202"/><text x="\(f(left + 128))" y="296" \
            font-size="12">concern</text><circle cx="\(f(left + 203))" cy="291" r="4" fill="#6c757d"/><text \
            x="\(f(left + 212))" y="296" font-size="12">common cause</text><line x1="\(f(left + 310))" y1="291" \
            x2="\(f(left + 330))" y2="291" stroke="#6c757d" stroke-dasharray="6 4"/><text x="\(f(left + 336))" \
            y="296" font-size="12">control limits</text><line x1="\(f(left + 440))" y1="291" x2="\(f(left + 460))" \
            y2="291" stroke="#343a40"/><text x="\(f(left + 466))" y="296" font-size="12">average</text>
            """)
        return Drawing(viewBox: "viewBox=\"0 0 720 310\"", shapes: shapes.joined(separator: "\n"))
    }
}
