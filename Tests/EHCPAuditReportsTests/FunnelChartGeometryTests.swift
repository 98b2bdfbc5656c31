import EHCPAudit
import Testing

@testable import EHCPAuditReports

/// Where the funnel plot draws its axes, limits, labels and units, against positions
/// worked out by hand: y from 250 (0%) up to 16 (100%); x from 48 (none) to 700 at the
/// largest unit's number plus 5% (here 40 → 42), so n sits at x = 48 + 652 n / 42.
struct FunnelChartGeometryTests {
    /// Against a stated 50%: one unit far above, one on target, one far below, one too small.
    static let funnel = FunnelPlot.build(
        measure: .goodOrBetter,
        units: [
            .init(name: "North", n: 40, y: 40), .init(name: "East", n: 20, y: 10), .init(name: "South", n: 30, y: 0),
            .init(name: "West", n: 3, y: 1),
        ], target: 0.5)!
    static let chart = SVGChart.funnelDrawing(funnel)
    static let elements = SVGElement.all(in: chart.shapes)

    @Test func theFixtureHasOneUnitAtEachKindOfPosition() {
        #expect(Self.funnel.units.map(\.position) == [.above998, .within, .below998])
        #expect(Self.funnel.tooFew.map(\.name) == ["West"])
        #expect(!Self.funnel.widened)
    }

    @Test func theAxesAreLabelledInPercentsAndRoundNumbers() {
        #expect(Self.chart.viewBox == #"viewBox="0 0 720 310""#)
        let percents = Self.elements.filter { $0.matches("text", ["text-anchor": "end"]) }
        #expect(percents.map(\.text) == ["0%", "25%", "50%", "75%", "100%"])
        #expect(percents.map { $0.number("y")! } == [254, 195.5, 137, 78.5, 20])
        let counts = Self.elements.filter { $0.matches("text", ["text-anchor": "middle"]) }
        #expect(counts.map(\.text) == ["0", "10", "20", "30", "40", "Audits"])
        #expect(counts.map { $0.number("x")! } == [48, 203.2, 358.5, 513.7, 669, 374])
        #expect(counts.map { $0.number("y")! } == [266, 266, 266, 266, 266, 282])
    }

    /// About five ticks at 1, 2 or 5 times a power of ten, from 0 to at most the largest number.
    @Test(arguments: [
        (6, [0, 2, 4, 6]), (42, [0, 10, 20, 30, 40]), (250, [0, 50, 100, 150, 200, 250]),
        (1000, [0, 200, 400, 600, 800, 1000]),
    ])
    func ticksAreRoundNumbers(_ most: Int, _ ticks: [Int]) {
        #expect(SVGChart.funnelTicks(most) == ticks)
    }

    @Test func theTargetIsASolidLineAcrossThePlot() {
        let target = Self.elements.filter {
            $0.matches("line", ["stroke-width": "1.5", "stroke-dasharray": nil])
        }
        #expect(target.map { $0.ends } == [[48, 133, 700, 133]])
    }

    /// Four dashed curves (95% dashed, 99.8% dotted), each from n = 5 (x 125.6) to the
    /// axis's end (42, x 700) at every whole number between: 38 points, each at the height
    /// of the limit at its number, and the limits nested around the target at every number.
    @Test func theLimitsAreCurvesFromTheSmallestPlottedNumber() throws {
        let curves = Self.elements.filter { $0.matches("polyline") }
        #expect(curves.map { $0.attributes["stroke-dasharray"]! } == ["6 4", "6 4", "2 3", "2 3"])
        for curve in curves {
            #expect(curve.points.count == 38)
            #expect(curve.points.first?[0] == 125.6 && curve.points.last?[0] == 700)
        }
        let y = { (share: Double) in Double(Int(((250 - 234 * share) * 10).rounded())) / 10 }
        let atFive = Self.funnel.limits(at: 5)
        #expect(
            curves.map { $0.points[0][1] } == [
                y(atFive.lower95), y(atFive.upper95), y(atFive.lower998), y(atFive.upper998),
            ])
        for i in 0..<38 {
            let heights = curves.map { $0.points[i][1] }
            #expect(heights[2] >= heights[0] && heights[0] >= 133 && 133 >= heights[1] && heights[1] >= heights[3])
        }
        #expect(curves[1].points[0][1] < curves[1].points[37][1], "the upper limit comes down as n grows")
        #expect(curves[0].points[0][1] > curves[0].points[37][1], "the lower limit goes up as n grows")
    }

    /// Above: a blue triangle (tip 6 above the point); within: a grey circle; below: a red
    /// square 10 wide centred on the point. Each names the unit, its share, n and position.
    @Test func eachUnitIsDrawnAtItsNumberAndShare() {
        let above = Self.elements.first { $0.matches("polygon", ["fill": "#1d4f91"]) }
        #expect(above?.points == [[669, 10], [663, 21], [675, 21]], "x(40) = 668.95, 100%")
        let within = Self.elements.first { $0.matches("circle") }
        #expect(within.map { [$0.number("cx")!, $0.number("cy")!] } == [358.5, 133], "x(20) = 358.48, 50%")
        #expect(within?.attributes["fill"] == "#6c757d")
        let below = Self.elements.first { $0.matches("rect") }
        #expect(
            below.map { [$0.number("x")!, $0.number("y")!, $0.number("width")!] } == [508.7, 245, 10],
            "x(30) = 513.71, 0%")
        #expect(below?.attributes["fill"] == "#b03a2e")
        let titles = Self.chart.shapes.matches(of: #/<title>([^<]*)</title>/#).map { String($0.output.1) }
        #expect(
            titles == [
                "North: 100.0% of 40, above the 99.8% limit", "East: 50.0% of 20, within the limits",
                "South: 0.0% of 30, below the 99.8% limit",
            ])
    }
}
