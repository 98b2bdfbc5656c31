import EHCPAudit
import EHCPAuditFormats

/// `score --format csv`: one row per record, for spreadsheets.
///
/// Columns: auditId, planId, percent, grade, boundaryGrade, caps (`F1:requires-improvement`
/// joined by `;`), actions (how many), then one column per section with its percent
/// (empty where not applicable or where the record's framework has no such section).
public struct ScoreCSV: Sendable {
    /// Section ids in column order: every section of the frameworks, first seen first.
    public let sectionIDs: [String]

    public init(frameworks: [Framework]) {
        var ids: [String] = []
        for section in frameworks.flatMap(\.sections) where !ids.contains(section.id) { ids.append(section.id) }
        sectionIDs = ids
    }

    public var header: String {
        (["auditId", "planId", "percent", "grade", "boundaryGrade", "caps", "actions"] + sectionIDs)
            .map(CSVField.encoded).joined(separator: ",")
    }

    public func row(_ result: AuditResult) -> String {
        let caps = result.caps.map { "\($0.criterion):\($0.grade.id)" }.joined(separator: ";")
        let percents: [String]
        if result.sections.map(\.id) == sectionIDs {
            percents = result.sections.map { $0.percent.map(Formatting.fixed2) ?? "" }
        } else {
            var byID: [String: String] = [:]
            for section in result.sections { byID[section.id] = section.percent.map(Formatting.fixed2) }
            percents = sectionIDs.map { byID[$0] ?? "" }
        }
        let fields =
            [
                result.auditId, result.planId, Formatting.fixed2(result.percent), result.grade.id,
                result.boundaryGrade.id,
                caps, String(result.actions.count),
            ] + percents
        return fields.map(CSVField.encoded).joined(separator: ",")
    }
}
