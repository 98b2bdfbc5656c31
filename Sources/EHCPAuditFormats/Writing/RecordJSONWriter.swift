import EHCPAudit

/// Writes an ``AuditRecord`` back as a JSON record (docs/records.md), field for field, so
/// that `convert` loses nothing: optional fields appear only when set. The field names
/// come from ``RecordField``, the table the readers follow too.
public enum RecordJSONWriter {
    public static func record(_ record: AuditRecord) -> String {
        var json = JSONWriter(capacity: 3072)
        write(record, to: &json)
        return json.text
    }

    public static func write(_ record: AuditRecord, to json: inout JSONWriter) {
        json.object { json in
            for field in RecordField.Audit.allCases {
                switch field {
                case .auditId: json.member(field.json, record.auditId)
                case .planId: json.member(field.json, record.planId)
                case .framework:
                    json.key(field.json)
                    json.object { json in
                        json.member(RecordField.Framework.id.json, record.framework.id)
                        json.member(RecordField.Framework.version.json, record.framework.version)
                    }
                case .auditor: json.member(field.json, record.auditor)
                case .auditDate: json.member(field.json, record.auditDate.description)
                case .kind: json.member(field.json, record.kind.rawValue)
                case .status: json.member(field.json, record.status.rawValue)
                case .moderates: json.field(field.json, record.moderates)
                case .plan:
                    let details = RecordField.Plan.allCases.map { ($0.json, $0.text(of: record.plan)) }
                    guard details.contains(where: { $0.1 != nil }) else { continue }
                    json.key(field.json)
                    json.object { json in
                        for (field, (key, value)) in zip(RecordField.Plan.allCases, details) {
                            guard field.isFlag else {
                                json.field(key, value)
                                continue
                            }
                            if value != nil { json.member(key, true) }
                        }
                    }
                case .judgements:
                    json.key(field.json)
                    judgements(record.judgements, &json)
                case .advices:
                    guard !record.advices.isEmpty else { continue }
                    json.key(field.json)
                    json.list(record.advices) { json, advice in self.advice(advice, &json) }
                }
            }
        }
    }

    private static func advice(_ advice: Advice, _ json: inout JSONWriter) {
        json.object { json in
            for field in RecordField.Advice.allCases {
                if field == .judgements {
                    guard !advice.judgements.isEmpty else { continue }
                    json.key(field.json)
                    judgements(advice.judgements, &json)
                } else if field.isFlag {
                    if field.text(of: advice) != nil { json.member(field.json, true) }
                } else {
                    json.field(field.json, field.text(of: advice))
                }
            }
        }
    }

    private static func judgements(_ list: [Judgement], _ json: inout JSONWriter) {
        json.list(list) { json, judgement in
            json.object { json in
                for field in RecordField.Judgement.allCases { json.field(field.json, field.text(of: judgement)) }
            }
        }
    }
}
