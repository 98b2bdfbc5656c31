import EHCPAudit

/// `score --format json` (scoring.md §5): `{"records":[...]}` with one record per line,
/// written as records are scored so that output streams too.
public enum ScoreJSON {
    public static let header = "{\"records\":["
    public static let footer = "]}"

    /// One record object, without separators.
    public static func record(_ result: AuditResult) -> String {
        let s = Formatting.jsonString
        let caps = result.caps.map { "{\"criterion\":\(s($0.criterion)),\"grade\":\(s($0.grade.id))}" }
        let sections = result.sections.map {
            "{\"id\":\(s($0.id)),\"percent\":\(number($0.percent)),\"grade\":\(optional($0.grade?.id))}"
        }
        let actions = result.actions.map {
            "{\"criterion\":\(s($0.criterion)),\"section\":\(s($0.section)),\"rating\":\(s($0.rating)),\"gain\":\(Formatting.fixed2($0.gain)),\"text\":\(s($0.text))}"
        }
        let advices = result.advices.map {
            "{\"id\":\(s($0.id)),\"status\":\(s($0.status.rawValue)),\"percent\":\(number($0.percent)),\"grade\":\(optional($0.grade?.id)),\"days\":\($0.days.map(String.init) ?? "null"),\"timely\":\($0.timely.map { $0 ? "true" : "false" } ?? "null")}"
        }
        return "{\"auditId\":\(s(result.auditId)),\"planId\":\(s(result.planId)),"
            + "\"framework\":{\"id\":\(s(result.framework.id)),\"version\":\(s(result.framework.version))},"
            + "\"percent\":\(Formatting.fixed2(result.percent)),\"boundaryGrade\":\(s(result.boundaryGrade.id)),\"grade\":\(s(result.grade.id)),"
            + "\"caps\":[\(caps.joined(separator: ","))],\"sections\":[\(sections.joined(separator: ","))],"
            + "\"actions\":[\(actions.joined(separator: ","))],\"advices\":[\(advices.joined(separator: ","))]}"
    }

    private static func number(_ value: Double?) -> String { value.map(Formatting.fixed2) ?? "null" }
    private static func optional(_ text: String?) -> String { text.map(Formatting.jsonString) ?? "null" }
}
