import EHCPAudit
import EHCPAuditFormats

/// `report monthly --format csv`: one figure per row (`table,row,column,value`), so a
/// spreadsheet can pivot it any way; hidden counts are `[c]`, withheld shares empty.
public enum MonthlyReportCSV {
    public static func render(_ report: MonthlyReport) -> String {
        var rows: [[String]] = [["table", "row", "column", "value"]]
        func add(_ table: String, _ row: String, _ column: String, _ value: String) {
            rows.append([table, row, column, value])
        }
        func count(_ value: ReportCount) -> String { value.value.map(String.init) ?? Words.hidden }
        func share(_ value: Double?) -> String { value.map { String(($0 * 10_000).rounded() / 10_000) } ?? "" }
        let p = report.progress
        for (name, value) in [
            ("target", p.target), ("open plans", p.openPlans), ("sampled", p.sampled),
            ("year target", report.yearTarget),
        ] as [(String, Int?)] {
            add("target", report.month.description, name, value.map(String.init) ?? "")
        }
        for (name, value) in [
            ("completed", report.completed), ("completed of sampled plans", report.completedSampled),
            ("moderation", report.moderation),
            ("shortfall", report.shortfall), ("year completed", report.yearCompleted),
        ] as [(String, ReportCount?)] {
            add("target", report.month.description, name, value.map(count) ?? "")
        }
        for grade in report.grades {
            add("grades", grade.grade.id, "audits", count(grade.count))
            add("grades", grade.grade.id, "share", share(grade.share?.share))
            add("grades", grade.grade.id, "low", share(grade.share?.low))
            add("grades", grade.grade.id, "high", share(grade.share?.high))
        }
        add("grades", "good-or-better", "audits", count(report.goodOrBetter))
        add("grades", "good-or-better", "share", share(report.goodOrBetterShare?.share))
        add("grades", "good-or-better", "low", share(report.goodOrBetterShare?.low))
        add("grades", "good-or-better", "high", share(report.goodOrBetterShare?.high))
        for section in report.sections {
            add("sections", section.id, "audits", count(section.applicable))
            add("sections", section.id, "mean percent", section.meanPercent.map(Formatting.fixed2) ?? "")
            for (grade, cell) in zip(report.gradeScale, section.grades) {
                add("sections", section.id, grade.id, count(cell))
            }
        }
        for row in report.criteria { add("criteria below standard", row.criterion, "audits", count(row.count)) }
        for row in report.themes { add("themes", row.section, "actions", count(row.actions)) }
        for row in report.caps { add("caps", row.criterion, "audits", count(row.count)) }
        add("plan timeliness", "new plans", "timed", count(report.newPlansTimed))
        add("plan timeliness", "new plans", "exceptions", count(report.newPlansExceptions))
        if let r = report.reaudits {
            add("re-audited plans", "all", "plans", count(r.plans))
            for (b, before) in r.grades.enumerated() {
                for (a, after) in r.grades.enumerated() {
                    add("re-audited plans", "\(before.id) to \(after.id)", "plans", count(r.table[b][a]))
                }
            }
            for (status, value) in zip(Reaudit.ActionStatus.allCases, r.outcomes) {
                add("re-audited plans", "actions", status.rawValue, count(value))
            }
        }
        if let v = report.familyVoice {
            add("family voice", "all", "plans", count(v.plans))
            for (r, grade) in v.planGrades.enumerated() {
                add("family voice", grade.id, "plans", count(v.byPlanGrade[r]))
                for (c, family) in v.familyGrades.enumerated() {
                    add("family voice", grade.id, family.id, count(v.table[r][c]))
                }
            }
            for (c, family) in v.familyGrades.enumerated() {
                add("family voice", "all", family.id, count(v.byFamilyGrade[c]))
            }
        }
        for other in report.otherFrameworks {
            add("other frameworks", other.framework, "audits", count(other.audits))
        }
        add("plan timeliness", "new plans", "within 20 weeks", share(report.newPlansWithin20Weeks?.share))
        for (table, list) in [
            ("advice by agency", report.adviceByAgency), ("advice by provider", report.adviceByProvider),
        ] {
            for row in list {
                add(table, row.name, "advices", count(row.advices))
                for (grade, cell) in zip(report.adviceGrades, row.grades) {
                    add(table, row.name, grade.id, count(cell))
                }
                add(table, row.name, "not scored", count(row.notScored))
                add(table, row.name, "timely", share(row.timely?.share))
                add(table, row.name, "blank", share(row.blank))
                add(table, row.name, "no needs identified", share(row.noNeeds))
                add(table, row.name, "not received", share(row.notReceived))
                add(table, row.name, "not known", share(row.notKnown))
            }
        }
        if let c = report.caseload {
            add("caseload", "plans", "population", c.population.map(String.init) ?? "")
            add("caseload", "plans", "checked", count(c.checked))
            add("caseload", "plans", "checked in population", count(c.checkedInPopulation))
            add("caseload", "plans", "coverage", share(c.coverage?.share))
            for figure in c.checks {
                add("caseload", figure.check.rawValue, "plans", count(figure.plans))
                add("caseload", figure.check.rawValue, "share", share(figure.share?.share))
            }
        }
        for row in report.trend {
            add("trend", row.month.description, "target", row.target.map(String.init) ?? "")
            add("trend", row.month.description, "audits", count(row.completed))
            for (grade, cell) in zip(report.gradeScale, row.grades) {
                add("trend", row.month.description, grade.id, count(cell))
            }
            add("trend", row.month.description, "good or better", share(row.goodOrBetter?.share))
        }
        return rows.map { $0.map(CSVField.encoded).joined(separator: ",") }.joined(separator: "\n")
    }
}
