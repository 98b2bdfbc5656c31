import EHCPAudit
import EHCPAuditFormats

/// `score --format json` (docs/scoring.md §5): `{"records":[...]}` with one record per
/// line, written as records are scored so that output streams too. Percentages and gains
/// are rounded to two decimals.
public enum ScoreJSON {
    public static let header = "{\"records\":["
    public static let footer = "]}"

    /// One record object, without separators.
    public static func record(_ result: AuditResult) -> String {
        var json = JSONWriter(capacity: 2048)
        write(result, to: &json)
        return json.text
    }

    public static func write(_ result: AuditResult, to json: inout JSONWriter) {
        json.object { json in
            json.member("auditId", result.auditId)
            json.member("planId", result.planId)
            json.key("framework")
            json.object { json in
                json.member("id", result.framework.id)
                json.member("version", result.framework.version)
            }
            json.member("percent", result.percent, places: 2)
            json.member("boundaryGrade", result.boundaryGrade.id)
            json.member("grade", result.grade.id)
            json.key("caps")
            json.list(result.caps) { json, cap in
                json.object { json in
                    json.member("criterion", cap.criterion)
                    json.member("grade", cap.grade.id)
                }
            }
            json.key("sections")
            json.list(result.sections) { json, section in
                json.object { json in
                    json.member("id", section.id)
                    json.member("percent", section.percent, places: 2)
                    json.member("grade", section.grade?.id)
                }
            }
            json.key("actions")
            json.list(result.actions) { json, action in
                json.object { json in
                    json.member("criterion", action.criterion)
                    json.member("section", action.section)
                    json.member("rating", action.rating)
                    json.member("gain", action.gain, places: 2)
                    json.member("text", action.text)
                }
            }
            json.key("advices")
            json.list(result.advices) { json, advice in
                json.object { json in
                    json.member("id", advice.id)
                    json.member("status", advice.status.rawValue)
                    json.member("percent", advice.percent, places: 2)
                    json.member("grade", advice.grade?.id)
                    json.member("days", advice.days)
                    json.member("timely", advice.timely)
                }
            }
        }
    }
}
