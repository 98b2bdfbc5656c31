import EHCPAudit
import EHCPAuditFormats

/// `report checks --format csv`: one row per group and check (the whole caseload first,
/// as dimension and group `all`), so a spreadsheet can pivot it any way. Hidden counts
/// are `[c]`, withheld shares empty; the follow-up list is left to the other formats.
public enum PlanCheckCensusCSV {
    public static let header = [
        "dimension", "group", "check", "finding", "population", "checked", "plans", "share", "low", "high",
    ]

    public static func render(_ census: PlanCheckCensus, words: PlanCheckWords) -> String {
        var rows = [header]
        func count(_ value: ReportCount?) -> String { value.map { $0.value.map(String.init) ?? Words.hidden } ?? "" }
        func share(_ value: Double?) -> String { value.map { String(($0 * 10_000).rounded() / 10_000) } ?? "" }
        func add(
            _ dimension: String, _ group: String, population: ReportCount?, checked: ReportCount,
            _ figures: [PlanCheckCensus.CheckFigure]
        ) {
            for figure in figures where words.lists(figure) {
                rows.append([
                    dimension, group, figure.check.rawValue, words.many(figure.check), count(population),
                    count(checked), count(figure.plans), share(figure.share?.share), share(figure.share?.low),
                    share(figure.share?.high),
                ])
            }
        }
        add(
            "all", "all", population: census.population.map(ReportCount.shown), checked: census.checked,
            census.checks)
        for breakdown in census.breakdowns {
            for group in breakdown.groups {
                add(
                    breakdown.dimension.rawValue, group.name, population: group.population, checked: group.checked,
                    group.checks)
            }
        }
        return rows.map { $0.map(CSVField.encoded).joined(separator: ",") }.joined(separator: "\n")
    }
}
