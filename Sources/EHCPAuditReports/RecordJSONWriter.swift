import EHCPAudit

/// Writes an ``AuditRecord`` back as a JSON record of records.md, field for field, so
/// that `convert` loses nothing: optional fields appear only when set.
public enum RecordJSONWriter {
    public static func record(_ record: AuditRecord) -> String {
        var fields = [
            field("auditId", record.auditId), field("planId", record.planId),
            "\"framework\":{\(field("id", record.framework.id)),\(field("version", record.framework.version))}",
            field("auditor", record.auditor), field("auditDate", record.auditDate.description),
            field("kind", record.kind.rawValue), field("status", record.status.rawValue),
        ]
        let plan = planFields(record.plan)
        if !plan.isEmpty { fields.append("\"plan\":{\(plan.joined(separator: ","))}") }
        fields.append("\"judgements\":[\(record.judgements.map(judgement).joined(separator: ","))]")
        if !record.advices.isEmpty { fields.append("\"advices\":[\(record.advices.map(advice).joined(separator: ","))]") }
        return "{\(fields.joined(separator: ","))}"
    }

    private static func planFields(_ plan: PlanDetails) -> [String] {
        [
            optional("locality", plan.locality), optional("phase", plan.phase?.rawValue),
            optional("primaryNeed", plan.primaryNeed?.rawValue), optional("team", plan.team),
            optional("caseworker", plan.caseworker), optional("planType", plan.planType?.rawValue),
            optional("requestDate", plan.requestDate?.description), optional("issueDate", plan.issueDate?.description),
        ].compactMap { $0 }
    }

    private static func judgement(_ judgement: Judgement) -> String {
        let fields = [field("criterion", judgement.criterion), field("rating", judgement.rating), optional("comment", judgement.comment)]
        return "{\(fields.compactMap { $0 }.joined(separator: ","))}"
    }

    private static func advice(_ advice: Advice) -> String {
        var fields = [
            field("id", advice.id), field("agency", advice.agency.rawValue), optional("provider", advice.provider),
            optional("role", advice.role), optional("requested", advice.requested?.description),
            optional("received", advice.received?.description), field("status", advice.status.rawValue),
        ].compactMap { $0 }
        if !advice.judgements.isEmpty { fields.append("\"judgements\":[\(advice.judgements.map(judgement).joined(separator: ","))]") }
        return "{\(fields.joined(separator: ","))}"
    }

    private static func field(_ key: String, _ value: String) -> String {
        "\(Formatting.jsonString(key)):\(Formatting.jsonString(value))"
    }

    private static func optional(_ key: String, _ value: String?) -> String? {
        value.map { field(key, $0) }
    }
}
