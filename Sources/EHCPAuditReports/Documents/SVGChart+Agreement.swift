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

    /// A share per month against its control limits; signals drawn as larger orange dots.
    static func control(labels: [String], points: [ControlPoint], centre: Double?) -> Drawing {
        let left = 48.0, right = 700.0, top = 16.0, bottom = 250.0
        let step = labels.count > 1 ? (right - left - 20) / Double(labels.count - 1) : 0
        func x(_ i: Int) -> Double { left + 10 + Double(i) * step }
        func y(_ share: Double) -> Double { bottom - share * (bottom - top) }
        var shapes = axis(left: left, right: right, top: top, bottom: bottom)
        for limit in [\ControlPoint.lower, \ControlPoint.upper] {
            let line = points.indices.compactMap { i in points[i][keyPath: limit].map { "\(f(x(i))),\(f(y($0)))" } }
            if line.count > 1 {
                shapes.append(
                    """
                    <polyline points="\(line.joined(separator: " "))" fill="none" stroke="#6c757d" stroke-width="1.5" \
                    stroke-dasharray="6 4"/>
                    """)
            }
        }
        if let centre {
            shapes.append(
                """
                <line x1="\(f(x(0)))" y1="\(f(y(centre)))" x2="\(f(x(max(0, labels.count - 1))))" y2="\(f(y(centre)))" \
                stroke="#343a40" stroke-width="1.5"/>
                """)
        }
        let line = points.indices.map { "\(f(x($0))),\(f(y(points[$0].share)))" }
        let polyline = "<polyline points=\"\(line.joined(separator: " "))\" fill=\"none\""
        shapes.append(polyline + " stroke=\"#1d4f91\" stroke-width=\"2.5\"/>")
        for (i, point) in points.enumerated() {
            let label = HTMLRenderer.escape(labels[i])
            shapes.append(
                """
                <circle cx="\(f(x(i)))" cy="\(f(y(point.share)))" r="\(point.signal ? 6 : 4)" \
                fill="\(point.signal ? "#f0a202" : "#1d4f91")"><title>\(label): \(Words.percent(point.share))\
                \(point.signal ? ", a signal" : "")</title></circle>
                <text x="\(f(x(i)))" y="\(f(bottom + 16))" font-size="11" text-anchor="middle">\(label)</text>
                """)
        }
        shapes.append(
            """
            <circle cx="\(f(left + 7))" cy="291" r="6" fill="#f0a202"/><text x="\(f(left + 20))" y="296" \
            font-size="12">signal</text><line x1="\(f(left + 90))" y1="291" x2="\(f(left + 110))" y2="291" \
            stroke="#6c757d" stroke-dasharray="6 4"/><text x="\(f(left + 116))" y="296" font-size="12">control \
            limits</text><line x1="\(f(left + 230))" y1="291" x2="\(f(left + 250))" y2="291" stroke="#343a40"/><text \
            x="\(f(left + 256))" y="296" font-size="12">average</text>
            """)
        return Drawing(viewBox: "viewBox=\"0 0 720 310\"", shapes: shapes.joined(separator: "\n"))
    }
}
