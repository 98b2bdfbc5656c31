import EHCPAudit

/// `report monthly --format json`: every figure of the report, for other systems and for
/// checking by hand. Suppressed counts are `null` and listed under `suppressed`; shares
/// are fractions (0–1) with their 95% Wilson interval.
public enum MonthlyReportJSON {
    public static func render(_ report: MonthlyReport) -> String {
        let s = Formatting.jsonString
        let p = report.progress
        var fields: [String] = [
            "\"month\":\(s(report.month.description))", "\"public\":\(report.isPublic)", "\"framework\":\(s(report.framework))",
            "\"target\":\(int(p.target))", "\"openPlans\":\(int(p.openPlans))", "\"sampled\":\(p.sampled)",
            "\"completed\":\(count(report.completed))", "\"completedSampled\":\(count(report.completedSampled))",
            "\"completedOther\":\(count(report.completedOther))",
            "\"moderation\":\(count(report.moderation))", "\"percentOfTarget\":\(report.percentOfTarget.map(Formatting.fixed2) ?? "null")",
            "\"shortfall\":\(report.shortfall.map(count) ?? "null")",
            "\"year\":{\"target\":\(report.yearTarget),\"completed\":\(count(report.yearCompleted))}",
            "\"audits\":\(count(report.audits))",
            "\"grades\":{\(report.grades.map { "\(s($0.grade.id)):\(count($0.count))" }.joined(separator: ","))}",
            "\"gradeShares\":{\(report.grades.map { "\(s($0.grade.id)):\(share($0.share))" }.joined(separator: ","))}",
            "\"goodOrBetter\":\(share(report.goodOrBetterShare, count: report.goodOrBetter, grades: report.goodOrBetterGrades))",
            "\"sections\":[\(report.sections.map(section).joined(separator: ","))]",
            "\"criteriaBelowStandard\":[\(report.criteria.map(criterion).joined(separator: ","))]",
            "\"themes\":[\(report.themes.map { "{\"section\":\(s($0.section)),\"title\":\(s($0.title)),\"actions\":\(count($0.actions))}" }.joined(separator: ","))]",
            "\"caps\":[\(report.caps.map(criterion).joined(separator: ","))]",
            "\"planTimeliness\":{\"timed\":\(count(report.newPlansTimed)),\"within20Weeks\":\(share(report.newPlansWithin20Weeks))}",
            "\"advice\":{\"byAgency\":[\(report.adviceByAgency.map { advice($0, report) }.joined(separator: ","))],\"byProvider\":[\(report.adviceByProvider.map { advice($0, report) }.joined(separator: ","))]}",
            "\"trend\":[\(report.trend.map { trend($0, report) }.joined(separator: ",\n"))]",
            "\"suppressed\":[\(report.suppressed.map(s).joined(separator: ","))]",
        ]
        fields[0] = "\n" + fields[0]
        return "{" + fields.joined(separator: ",\n") + "\n}"
    }

    private static func int(_ value: Int?) -> String { value.map(String.init) ?? "null" }
    private static func count(_ value: ReportCount) -> String { value.value.map(String.init) ?? "null" }
    private static func fraction(_ value: Double?) -> String { value.map { String(($0 * 10_000).rounded() / 10_000) } ?? "null" }

    private static func share(_ share: Share?) -> String {
        guard let share else { return "{\"share\":null,\"low\":null,\"high\":null}" }
        return "{\"share\":\(fraction(share.share)),\"low\":\(fraction(share.low)),\"high\":\(fraction(share.high))}"
    }

    private static func share(_ share: Share?, count: ReportCount, grades: [String]) -> String {
        String(self.share(share).dropLast()) + ",\"count\":\(self.count(count)),\"grades\":[\(grades.map(Formatting.jsonString).joined(separator: ","))]}"
    }

    private static func section(_ row: MonthlyReport.SectionRow) -> String {
        "{\"id\":\(Formatting.jsonString(row.id)),\"title\":\(Formatting.jsonString(row.title)),\"audits\":\(count(row.applicable)),"
            + "\"meanPercent\":\(row.meanPercent.map(Formatting.fixed2) ?? "null"),\"grades\":[\(row.grades.map(count).joined(separator: ","))]}"
    }

    private static func criterion(_ row: MonthlyReport.CriterionRow) -> String {
        "{\"criterion\":\(Formatting.jsonString(row.criterion)),\"section\":\(Formatting.jsonString(row.section)),\"count\":\(count(row.count)),\"share\":\(fraction(row.share)),\"text\":\(Formatting.jsonString(row.text))}"
    }

    private static func advice(_ row: MonthlyReport.AdviceRow, _ report: MonthlyReport) -> String {
        let grades = zip(report.adviceGrades, row.grades).map { "\(Formatting.jsonString($0.id)):\(count($1))" }.joined(separator: ",")
        return "{\"name\":\(Formatting.jsonString(row.name)),\"advices\":\(count(row.advices)),\"grades\":{\(grades)},\"notScored\":\(count(row.notScored)),"
            + "\"timely\":\(share(row.timely)),\"blank\":\(fraction(row.blank)),\"noNeedsIdentified\":\(fraction(row.noNeeds)),"
            + "\"notReceived\":\(fraction(row.notReceived)),\"notKnown\":\(fraction(row.notKnown))}"
    }

    private static func trend(_ row: MonthlyReport.TrendRow, _ report: MonthlyReport) -> String {
        let grades = zip(report.gradeScale, row.grades).map { "\(Formatting.jsonString($0.id)):\(count($1))" }.joined(separator: ",")
        return "{\"month\":\"\(row.month)\",\"target\":\(int(row.target)),\"completed\":\(count(row.completed)),\"grades\":{\(grades)},\"goodOrBetter\":\(share(row.goodOrBetter))}"
    }
}

/// `report monthly --format csv`: one figure per row (`table,row,column,value`), so a
/// spreadsheet can pivot it any way; hidden counts are `[c]`, withheld shares empty.
public enum MonthlyReportCSV {
    public static func render(_ report: MonthlyReport) -> String {
        var rows: [[String]] = [["table", "row", "column", "value"]]
        func add(_ table: String, _ row: String, _ column: String, _ value: String) { rows.append([table, row, column, value]) }
        func count(_ value: ReportCount) -> String { value.value.map(String.init) ?? Words.hidden }
        func share(_ value: Double?) -> String { value.map { String(($0 * 10_000).rounded() / 10_000) } ?? "" }
        let p = report.progress
        for (name, value) in [("target", p.target), ("open plans", p.openPlans), ("sampled", p.sampled), ("year target", report.yearTarget)] as [(String, Int?)] {
            add("target", report.month.description, name, value.map(String.init) ?? "")
        }
        for (name, value) in [("completed", report.completed), ("completed of sampled plans", report.completedSampled), ("moderation", report.moderation),
                              ("shortfall", report.shortfall), ("year completed", report.yearCompleted)] as [(String, ReportCount?)] {
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
            for (grade, cell) in zip(report.gradeScale, section.grades) { add("sections", section.id, grade.id, count(cell)) }
        }
        for row in report.criteria { add("criteria below standard", row.criterion, "audits", count(row.count)) }
        for row in report.themes { add("themes", row.section, "actions", count(row.actions)) }
        for row in report.caps { add("caps", row.criterion, "audits", count(row.count)) }
        add("plan timeliness", "new plans", "timed", count(report.newPlansTimed))
        add("plan timeliness", "new plans", "within 20 weeks", share(report.newPlansWithin20Weeks?.share))
        for (table, list) in [("advice by agency", report.adviceByAgency), ("advice by provider", report.adviceByProvider)] {
            for row in list {
                add(table, row.name, "advices", count(row.advices))
                for (grade, cell) in zip(report.adviceGrades, row.grades) { add(table, row.name, grade.id, count(cell)) }
                add(table, row.name, "not scored", count(row.notScored))
                add(table, row.name, "timely", share(row.timely?.share))
                add(table, row.name, "blank", share(row.blank))
                add(table, row.name, "no needs identified", share(row.noNeeds))
                add(table, row.name, "not received", share(row.notReceived))
                add(table, row.name, "not known", share(row.notKnown))
            }
        }
        for row in report.trend {
            add("trend", row.month.description, "target", row.target.map(String.init) ?? "")
            add("trend", row.month.description, "audits", count(row.completed))
            for (grade, cell) in zip(report.gradeScale, row.grades) { add("trend", row.month.description, grade.id, count(cell)) }
            add("trend", row.month.description, "good or better", share(row.goodOrBetter?.share))
        }
        return rows.map { $0.map(Formatting.csvField).joined(separator: ",") }.joined(separator: "\n")
    }
}
