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
        var json = JSONWriter(capacity: 8192)
        write(result, to: &json)
        return json.text
    }

    /// Appends one record as a line of the list: a comma first unless `json` is empty, a
    /// line break after. Lines written in batches are joined with a comma between batches.
    /// (``Writer/appendLine(_:to:)`` writes the same bytes, sooner.)
    public static func appendLine(_ result: AuditResult, to json: inout JSONWriter) {
        appendLine(result, to: &json, actions: nil)
    }

    static func appendLine(_ result: AuditResult, to json: inout JSONWriter, actions: ActionPieces?) {
        if !json.isEmpty { json.separator(UInt8(ascii: ",")) }
        write(result, to: &json, actions: actions)
        json.separator(0x0A)
    }

    /// One record object; improvement actions from `actions`' pieces where it has them (the
    /// same bytes, sooner).
    static func write(_ result: AuditResult, to json: inout JSONWriter, actions: ActionPieces? = nil) {
        json.object { json in
            json.member(Key.auditId, result.auditId)
            json.member(Key.planId, result.planId)
            json.key(Key.framework)
            json.object { json in
                json.member(Key.id, result.framework.id)
                json.member(Key.version, result.framework.version)
            }
            json.member(Key.percent, result.percent, places: 2)
            json.member(Key.boundaryGrade, result.boundaryGrade.id)
            json.member(Key.grade, result.grade.id)
            json.key(Key.caps)
            json.list(result.caps) { json, cap in
                json.object { json in
                    json.member(Key.criterion, cap.criterion)
                    json.member(Key.grade, cap.grade.id)
                }
            }
            json.key(Key.sections)
            json.list(result.sections) { json, section in
                json.object { json in
                    json.member(Key.id, section.id)
                    json.member(Key.percent, section.percent, places: 2)
                    json.member(Key.grade, section.grade?.id)
                }
            }
            json.key(Key.actions)
            json.list(result.actions) { json, action in
                if let actions, actions.write(action, to: &json) { return }
                write(action, to: &json)
            }
            json.key(Key.advices)
            json.list(result.advices) { json, advice in
                json.object { json in
                    json.member(Key.id, advice.id)
                    json.member(Key.status, advice.status.rawValue)
                    json.member(Key.percent, advice.percent, places: 2)
                    json.member(Key.grade, advice.grade?.id)
                    json.member(Key.days, advice.days)
                    json.member(Key.timely, advice.timely)
                }
            }
        }
    }

    /// One improvement action object.
    static func write(_ action: ImprovementAction, to json: inout JSONWriter) {
        json.object { json in
            json.member(Key.criterion, action.criterion)
            json.member(Key.section, action.section)
            json.member(Key.rating, action.rating)
            json.member(Key.gain, action.gain, places: 2)
            json.member(Key.text, action.text)
        }
    }

    /// The keys, each quoted once.
    private enum Key {
        static let actions = JSONWriter.Key("actions")
        static let advices = JSONWriter.Key("advices")
        static let auditId = JSONWriter.Key("auditId")
        static let boundaryGrade = JSONWriter.Key("boundaryGrade")
        static let caps = JSONWriter.Key("caps")
        static let criterion = JSONWriter.Key("criterion")
        static let days = JSONWriter.Key("days")
        static let framework = JSONWriter.Key("framework")
        static let gain = JSONWriter.Key("gain")
        static let grade = JSONWriter.Key("grade")
        static let id = JSONWriter.Key("id")
        static let percent = JSONWriter.Key("percent")
        static let planId = JSONWriter.Key("planId")
        static let rating = JSONWriter.Key("rating")
        static let section = JSONWriter.Key("section")
        static let sections = JSONWriter.Key("sections")
        static let status = JSONWriter.Key("status")
        static let text = JSONWriter.Key("text")
        static let timely = JSONWriter.Key("timely")
        static let version = JSONWriter.Key("version")
    }
}
