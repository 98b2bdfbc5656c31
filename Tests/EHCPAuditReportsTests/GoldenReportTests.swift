import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditReports

/// The monthly, advice, learning and moderation reports of a small seeded year, rendered as
/// text, Markdown, HTML and each chart's SVG, compared byte for byte with golden files
/// (see ``Golden``). The seed is fixed, so the reports are the same in every run.
///
/// Serialized, and each report built once: the fixture is built on first use, and every
/// test waiting for it would hold one of the few threads the server tests also need.
@Suite(.serialized)
struct GoldenReportTests {
    /// 240 audits of 300 plans over the twelve months to June 2025, a population as of
    /// June and June's sample drawn from it. Each locality is one team (eight, not the
    /// generator's thirty-two), so that the team packs are few and each stands on more audits.
    static let store: AuditStore = {
        let asOf = CalendarDate("2025-06-01")!
        let plans = SyntheticPopulation(count: 300, seed: "golden", asOf: asOf).plans
        let records = SyntheticAudits(
            framework: Project.framework, plans: plans, count: 240, months: 12, last: YearMonth("2025-06")!,
            seed: "golden"
        ).map { record in
            var record = record
            record.plan.team = record.plan.locality
            return record
        }
        let store = try! EHCPAuditTestSupport.store(with: records)
        try! store.savePopulation(plans, asOf: asOf, source: "golden.csv", digest: "golden", at: "2025-07-01T00:00:00Z")
        _ = try! store.drawSample(
            SampleParameters(month: YearMonth("2025-06")!, seed: "golden"), at: "2025-07-01T00:00:00Z")
        return store
    }()

    /// The reports, by the name their golden files start with.
    static let reports = ["monthly", "monthly-public", "advice", "learning-team", "moderation"]

    /// A report laid out as blocks, for the renderers.
    static func build(_ report: String) throws -> [Block] {
        let june = YearMonth("2025-06")!
        switch report {
        case "monthly": return MonthlyLayout.blocks(try store.monthlyReport(for: june, isPublic: false))
        case "monthly-public": return MonthlyLayout.blocks(try store.monthlyReport(for: june, isPublic: true))
        case "advice": return AdviceLayout.blocks(try store.adviceReport(for: ReportPeriod("2025-04", "2025-06")))
        case "learning-team":
            return LearningLayout.blocks(try store.learningReport(by: .team, for: ReportPeriod("2025-01", "2025-06")))
        case "moderation":
            return ModerationLayout.blocks(
                try store.moderationReport(
                    for: ReportPeriod("2024-07", "2025-06"), informs: Project.planCheckRules.informedCriteria))
        default: throw UnknownReport(name: report)
        }
    }

    /// Each report's blocks, built once.
    static let built = Dictionary(
        uniqueKeysWithValues: reports.map { report in (report, Result { try build(report) }) })

    /// A report's blocks.
    static func blocks(_ report: String) throws -> [Block] {
        try built[report, default: .failure(UnknownReport(name: report))].get()
    }

    /// The charts of a report, in order.
    static func charts(_ report: String) throws -> [Chart] {
        try blocks(report).compactMap { block in
            if case .chart(let chart) = block { return chart }
            return nil
        }
    }

    @Test(arguments: reports)
    func text(_ report: String) throws {
        try Golden.check(TextRenderer.render(try Self.blocks(report)), against: "\(report).txt")
    }

    @Test(arguments: reports)
    func markdown(_ report: String) throws {
        try Golden.check(MarkdownRenderer.render(try Self.blocks(report)), against: "\(report).md")
    }

    @Test(arguments: reports)
    func html(_ report: String) throws {
        try Golden.check(HTMLRenderer.render(try Self.blocks(report)), against: "\(report).html")
    }

    /// Each chart on its own, as the standalone SVG the HTML report holds in its figure:
    /// a change to a chart shows in its own file.
    @Test(arguments: reports)
    func charts(_ report: String) throws {
        let charts = try Self.charts(report)
        for (number, chart) in charts.enumerated() {
            let figure = SVGChart.render(chart, id: "chart\(number + 1)")
            let svg = try #require(figure.range(of: "<svg").map { figure[$0.lowerBound...] })
            let end = try #require(svg.range(of: "</svg>"))
            try Golden.check(String(svg[..<end.upperBound]) + "\n", against: "\(report)-chart\(number + 1).svg")
        }
    }

    @Test func theFixtureHasWhatTheReportsShow() throws {
        let monthly = try Self.store.monthlyReport(for: YearMonth("2025-06")!, isPublic: false)
        #expect(monthly.progress.target != nil, "a sample was drawn, so there is a target")
        let kinds = try Self.reports.flatMap(Self.charts).map { chart in
            switch chart {
            case .stackedBars: "stacked bars"
            case .shareWithBand: "share with band"
            case .bars: "bars"
            case .differences: "differences"
            case .control: "control"
            case .funnel: "funnel"
            }
        }
        #expect(Set(kinds) == ["stacked bars", "share with band", "bars", "differences", "control", "funnel"])
    }
}

/// A report name the golden tests do not know.
struct UnknownReport: Error {
    var name: String
}

extension ReportPeriod {
    fileprivate init(_ first: String, _ last: String) {
        self.init(from: YearMonth(first)!, to: YearMonth(last)!)!
    }
}
