import EHCPAudit

/// The funnel plot (docs/comparison.md): x the unit's number (audits, advices), y its share.
extension SVGChart {
    /// Colours by position, each also a different shape, so that colour is never the only cue.
    static func funnelMark(_ position: FunnelPlot.Position) -> (colour: String, shape: String) {
        switch position {
        case .above998, .above95: ("#1d4f91", "triangle")
        case .within: ("#6c757d", "circle")
        case .below95, .below998: ("#b03a2e", "square")
        }
    }

    static func funnelDrawing(_ funnel: FunnelPlot) -> Drawing {
        let left = 48.0, right = 700.0, top = 16.0, bottom = 250.0
        let most = max(FunnelPlot.smallest + 1, (funnel.units.map(\.n).max() ?? 0) * 21 / 20)
        func x(_ n: Double) -> Double { left + n / Double(most) * (right - left) }
        func y(_ share: Double) -> Double { bottom - share * (bottom - top) }
        var shapes = axis(left: left, right: right, top: top, bottom: bottom)
        for tick in funnelTicks(most) {
            shapes.append(
                """
                <text x="\(f(x(Double(tick))))" y="\(f(bottom + 16))" font-size="11" text-anchor="middle">\(tick)</text>
                """)
        }
        // The limits drawn at 60 sizes from the smallest plotted to the largest.
        let sizes = Array(Set((0...60).map { FunnelPlot.smallest + (most - FunnelPlot.smallest) * $0 / 60 })).sorted()
        let limits = sizes.map { funnel.limits(at: $0) }
        let curves: [(KeyPath<FunnelPlot.Limits, Double>, String)] = [
            (\.lower95, "6 4"), (\.upper95, "6 4"), (\.lower998, "2 3"), (\.upper998, "2 3"),
        ]
        for (limit, dash) in curves {
            let line = sizes.indices.map { "\(f(x(Double(sizes[$0])))),\(f(y(limits[$0][keyPath: limit])))" }
            shapes.append(
                """
                <polyline points="\(line.joined(separator: " "))" fill="none" stroke="#343a40" stroke-width="1.5" \
                stroke-dasharray="\(dash)"/>
                """)
        }
        shapes.append(
            """
            <line x1="\(f(left))" y1="\(f(y(funnel.target)))" x2="\(f(right))" y2="\(f(y(funnel.target)))" \
            stroke="#343a40" stroke-width="1.5"/>
            """)
        for unit in funnel.units {
            let (colour, shape) = funnelMark(unit.position)
            let cx = x(Double(unit.n)), cy = y(unit.share)
            let title = """
                <title>\(HTMLRenderer.escape(unit.name)): \(Words.percent(unit.share)) of \(unit.n), \
                \(Words.position(unit.position))</title>
                """
            switch shape {
            case "triangle":
                shapes.append(
                    """
                    <polygon points="\(f(cx)),\(f(cy - 6)) \(f(cx - 6)),\(f(cy + 5)) \(f(cx + 6)),\(f(cy + 5))" \
                    fill="\(colour)">\(title)</polygon>
                    """)
            case "square":
                shapes.append(
                    """
                    <rect x="\(f(cx - 5))" y="\(f(cy - 5))" width="10" height="10" fill="\(colour)">\(title)</rect>
                    """)
            default: shapes.append(#"<circle cx="\#(f(cx))" cy="\#(f(cy))" r="4" fill="\#(colour)">\#(title)</circle>"#)
            }
        }
        shapes.append(
            """
            <line x1="\(f(left))" y1="291" x2="\(f(left + 20))" y2="291" stroke="#343a40"/><text x="\(f(left + 26))" \
            y="296" font-size="12">average</text><line x1="\(f(left + 90))" y1="291" x2="\(f(left + 110))" y2="291" \
            stroke="#343a40" stroke-dasharray="6 4"/><text x="\(f(left + 116))" y="296" font-size="12">95% \
            limits</text><line x1="\(f(left + 200))" y1="291" x2="\(f(left + 220))" y2="291" stroke="#343a40" \
            stroke-dasharray="2 3"/><text x="\(f(left + 226))" y="296" font-size="12">99.8% limits</text>\
            <text x="\(f((left + right) / 2))" y="\(f(bottom + 32))" font-size="12" text-anchor="middle">\
            \(Words.capitalised(Words.measure(funnel.measure).counted))</text>
            """)
        return Drawing(viewBox: "viewBox=\"0 0 720 310\"", shapes: shapes.joined(separator: "\n"))
    }

    /// Round numbers along the x axis: about five, at 1, 2 or 5 times a power of ten.
    static func funnelTicks(_ most: Int) -> [Int] {
        var power = 1
        while true {
            for step in [power, 2 * power, 5 * power] where most / step <= 5 {
                return Array(stride(from: 0, through: most, by: step))
            }
            power *= 10
        }
    }
}
