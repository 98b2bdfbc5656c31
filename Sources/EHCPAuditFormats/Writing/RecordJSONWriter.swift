import EHCPAudit

/// Writes an `AuditRecord` back as a JSON record (docs/records.md), field for field, so
/// that `convert` loses nothing: optional fields appear only when set. The field names
/// come from `RecordField`, the table the readers follow too.
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
                            json.recordField(key, value, isFlag: field.isFlag)
                        }
                    }
                case .planChecks:
                    guard let checks = record.planChecks else { continue }
                    json.key(field.json)
                    json.object { json in
                        json.member(RecordField.PlanChecks.rules.json, checks.rules)
                        json.key(RecordField.PlanChecks.counts.json)
                        json.object { json in
                            for (check, count) in checks.ordered { json.member(check.rawValue, count) }
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
                } else {
                    json.recordField(field.json, field.text(of: advice), isFlag: field.isFlag)
                }
            }
        }
    }

    /// A judgement's keys, quoted once: a national import writes them millions of times.
    private static let judgementKeys = RecordField.Judgement.allCases.map { JSONWriter.Key($0.json) }

    private static func judgements(_ list: [Judgement], _ json: inout JSONWriter) {
        json.list(list) { json, judgement in
            json.object { json in
                for (field, key) in zip(RecordField.Judgement.allCases, judgementKeys) {
                    guard let text = field.text(of: judgement) else { continue }
                    json.key(key)
                    json.string(text)
                }
            }
        }
    }
}

extension JSONWriter {
    /// A record field from its text, left out when nil: a flag whose text is `true` or
    /// `false` as a JSON boolean, anything else as a string (so a form's stray value is
    /// refused by the reader in its words, as a file's would be).
    public mutating func recordField(_ key: String, _ text: String?, isFlag: Bool) {
        guard let text else { return }
        if isFlag, let flag = Bool(text) { member(key, flag) } else { member(key, text) }
    }
}
