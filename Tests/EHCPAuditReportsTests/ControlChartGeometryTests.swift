import Testing

@testable import EHCPAuditReports

/// Where the control chart and the Bland–Altman chart draw their axes, limits, labels and
/// points, against positions worked out by hand from the plot area: x from 48 to 700,
/// y from 250 (0%) up to 16 (100%), so a share s sits at y = 250 − 234 s.
struct ControlChartGeometryTests {
    static func point(
        _ share: Double, lower: Double? = 0.2, upper: Double? = 0.8, centre: Double = 0.5, improvement: Bool = false,
        concern: Bool = false
    ) -> ControlPoint {
        ControlPoint(
            share: share, lower: lower, upper: upper, centre: centre, improvement: improvement, concern: concern)
    }

    /// Three months: common cause at 50%, a concern at 25%, an improvement at 75%.
    static let chart = SVGChart.control(
        labels: ["Apr 2025", "May 2025", "Jun 2025"],
        points: [point(0.5), point(0.25, concern: true), point(0.75, upper: nil, improvement: true)], restart: nil)
    static let elements = SVGElement.all(in: chart.shapes)

    @Test func theAxisHasALineAndALabelEveryQuarter() {
        #expect(Self.chart.viewBox == #"viewBox="0 0 720 310""#)
        let grid = Self.elements.filter { $0.matches("line", ["stroke": "#c8c8c8"]) }
        #expect(grid.map { $0.number("y1")! } == [250, 191.5, 133, 74.5, 16])
        #expect(
            grid.allSatisfy { $0.number("x1") == 48 && $0.number("x2") == 700 && $0.number("y2") == $0.number("y1") })
        let labels = Self.elements.filter { $0.matches("text", ["text-anchor": "end"]) }
        #expect(labels.map(\.text) == ["0%", "25%", "50%", "75%", "100%"])
        #expect(labels.map { $0.number("y")! } == [254, 195.5, 137, 78.5, 20])
        #expect(labels.allSatisfy { $0.number("x") == 42 })
    }

    /// Three months share the width less 20: 316 apart, from x = 58.
    @Test func monthsAreEvenlySpacedAndLabelledUnderTheAxis() {
        let months = Self.elements.filter { $0.matches("text", ["text-anchor": "middle"]) }
        #expect(months.map(\.text) == ["Apr 2025", "May 2025", "Jun 2025"])
        #expect(months.map { $0.number("x")! } == [58, 374, 690])
        #expect(months.allSatisfy { $0.number("y") == 266 })
        let line = Self.elements.first { $0.matches("polyline", ["stroke": "#9aa5b1"]) }
        #expect(line?.points == [[58, 133], [374, 191.5], [690, 74.5]])
    }

    /// The limits are dashed lines through the months that have them (20% at y 203.2, 80%
    /// at 62.8); the upper one stops where the last month has none. The centre is solid.
    @Test func theLimitsAndTheCentreLine() {
        let limits = Self.elements.filter { $0.matches("polyline", ["stroke-dasharray": "6 4"]) }
        #expect(limits.map(\.points) == [[[58, 203.2], [374, 203.2], [690, 203.2]], [[58, 62.8], [374, 62.8]]])
        let centre = Self.elements.filter {
            $0.matches("line", ["stroke": "#343a40", "stroke-width": "1.5"])
        }
        #expect(centre.map { $0.ends } == [[58, 133, 690, 133]])
    }

    /// Common cause a grey circle; a concern an orange triangle pointing down (tip 7 below
    /// the point); an improvement a blue triangle pointing up (tip 7 above).
    @Test func eachPointHasTheShapeAndColourOfItsVariation() {
        let circle = Self.elements.first { $0.matches("circle", ["r": "4"]) && $0.number("cx") == 58 }
        #expect(circle?.number("cy") == 133)
        #expect(circle?.attributes["fill"] == "#6c757d")
        let triangles = Self.elements.filter { $0.matches("polygon") && $0.points.count == 3 && $0.points[0][1] < 250 }
        let concern = triangles.first { $0.attributes["fill"] == "#f0a202" && $0.points[0][0] == 374 }
        #expect(concern?.points == [[374, 198.5], [368, 187.5], [380, 187.5]])
        let improvement = triangles.first { $0.attributes["fill"] == "#1d4f91" && $0.points[0][0] == 690 }
        #expect(improvement?.points == [[690, 67.5], [684, 78.5], [696, 78.5]])
        let titles = Self.chart.shapes.matches(of: #/<title>([^<]*)</title>/#).map { String($0.output.1) }
        #expect(
            titles == [
                "Apr 2025: 50.0%, common cause", "May 2025: 25.0%, special cause: concern",
                "Jun 2025: 75.0%, special cause: improvement",
            ])
    }

    /// Four months 210.67 apart, started again at the third: a dotted upright line halfway
    /// between the second (268.7) and third (479.3), and a centre line for each stretch.
    @Test func aChartStartedAgainIsDrawnInTwoStretches() {
        let chart = SVGChart.control(
            labels: ["1", "2", "3", "4"],
            points: [
                Self.point(0.4, centre: 0.4), Self.point(0.4, centre: 0.4), Self.point(0.6, centre: 0.6),
                Self.point(0.6, centre: 0.6),
            ],
            restart: 2)
        let elements = SVGElement.all(in: chart.shapes)
        let restart = elements.first { $0.matches("line", ["stroke-dasharray": "2 3"]) }
        #expect(restart.map { $0.ends } == [374, 16, 374, 250])
        let note = elements.first { $0.text == "limits calculated again" }
        #expect(note?.number("x") == 378 && note?.number("y") == 26)
        let centres = elements.filter {
            $0.matches("line", ["stroke-width": "1.5", "stroke-dasharray": nil])
        }
        #expect(
            centres.map { $0.ends } == [
                [58, 156.4, 268.7, 156.4], [479.3, 109.6, 690, 109.6],
            ])
        let limits = elements.filter { $0.matches("polyline", ["stroke-dasharray": "6 4"]) }
        #expect(limits.count == 4, "each stretch has its own lower and upper limit")
    }

    /// Bland–Altman: the y axis reaches 1.1 times the largest difference or limit (12 here,
    /// so ±13.2 over 117 each side of y = 133); x is the mean percent over 644 from x = 56.
    @Test func differencesAreDrawnAroundZero() {
        let drawing = SVGChart.differences(
            [PlotPoint(x: 50, y: 4), PlotPoint(x: 80, y: -6)], mean: -1, low: -12, high: 10)
        #expect(drawing.viewBox == #"viewBox="0 0 720 300""#)
        let elements = SVGElement.all(in: drawing.shapes)
        let grid = elements.filter { $0.matches("line", ["stroke": "#c8c8c8"]) }
        #expect(grid.map { $0.number("y1")! } == [250, 191.5, 133, 74.5, 16])
        let ticks = elements.filter { $0.matches("text", ["text-anchor": "end"]) }
        #expect(ticks.map(\.text) == ["-13", "-7", "0", "7", "13"])
        let percents = elements.filter { $0.matches("text", ["text-anchor": "middle"]) }
        #expect(percents.map(\.text) == ["0%", "25%", "50%", "75%", "100%", "Mean of the two percents"])
        #expect(percents.map { $0.number("x")! } == [56, 217, 378, 539, 700, 378])
        let lines = elements.filter { $0.matches("line", ["stroke": "#b03a2e"]) }
        #expect(lines.map { $0.number("y1")! } == [141.9, 239.4, 44.4], "mean −1, lower −12, upper 10")
        #expect(lines.map { $0.attributes["stroke-dasharray"]! } == ["", "6 4", "6 4"])
        let points = elements.filter { $0.matches("circle") }
        #expect(points.map { [$0.number("cx")!, $0.number("cy")!] } == [[378, 97.5], [571.2, 186.2]])
    }
}
