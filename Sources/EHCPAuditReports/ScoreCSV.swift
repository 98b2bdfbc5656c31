import EHCPAudit

/// `score --format csv`: one row per record, for spreadsheets.
///
/// Columns: auditId, planId, percent, grade, boundaryGrade, caps (`F1:requires-improvement`
/// joined by `;`), actions (how many), then one column per section with its percent
/// (empty where not applicable or where the record's framework has no such section).
public struct ScoreCSV {
    /// Section ids in column order: every section of the frameworks, first seen first.
    public let sectionIDs: [String]

    public init(frameworks: [Framework]) {
        var ids: [String] = []
        for section in frameworks.flatMap(\.sections) where !ids.contains(section.id) { ids.append(section.id) }
        sectionIDs = ids
    }

    public var header: String {
        (["auditId", "planId", "percent", "grade", "boundaryGrade", "caps", "actions"] + sectionIDs)
            .map(Formatting.csvField).joined(separator: ",")
    }

    public func row(_ result: AuditResult) -> String {
        let caps = result.caps.map { "\($0.criterion):\($0.grade.id)" }.joined(separator: ";")
        var percents: [String: String] = [:]
        for section in result.sections { percents[section.id] = section.percent.map(Formatting.fixed2) }
        let fields = [
            result.auditId, result.planId, Formatting.fixed2(result.percent), result.grade.id, result.boundaryGrade.id,
            caps, String(result.actions.count),
        ] + sectionIDs.map { percents[$0] ?? "" }
        return fields.map(Formatting.csvField).joined(separator: ",")
    }
}
