import EHCPAudit

/// Writes an ``AuditRecord`` back as a JSON record of records.md, field for field, so
/// that `convert` loses nothing: optional fields appear only when set. Everything goes
/// into one growing text, as `import` keeps the JSON of every record it stores.
public enum RecordJSONWriter {
    public static func record(_ record: AuditRecord) -> String {
        var out = JSONText(capacity: 3072)
        out.open()
        out.field("auditId", record.auditId)
        out.field("planId", record.planId)
        out.key("framework")
        out.open()
        out.field("id", record.framework.id)
        out.field("version", record.framework.version)
        out.close()
        out.field("auditor", record.auditor)
        out.field("auditDate", record.auditDate.description)
        out.field("kind", record.kind.rawValue)
        out.field("status", record.status.rawValue)
        let plan = record.plan
        let details: [(String, String?)] = [
            ("locality", plan.locality), ("phase", plan.phase?.rawValue), ("primaryNeed", plan.primaryNeed?.rawValue),
            ("team", plan.team), ("caseworker", plan.caseworker), ("planType", plan.planType?.rawValue),
            ("requestDate", plan.requestDate?.description), ("issueDate", plan.issueDate?.description),
        ]
        if details.contains(where: { $0.1 != nil }) {
            out.key("plan")
            out.open()
            for (key, value) in details { out.field(key, value) }
            out.close()
        }
        out.key("judgements")
        judgements(record.judgements, &out)
        if !record.advices.isEmpty {
            out.key("advices")
            out.openList()
            for advice in record.advices {
                out.open()
                out.field("id", advice.id)
                out.field("agency", advice.agency.rawValue)
                out.field("provider", advice.provider)
                out.field("role", advice.role)
                out.field("requested", advice.requested?.description)
                out.field("received", advice.received?.description)
                out.field("status", advice.status.rawValue)
                if !advice.judgements.isEmpty {
                    out.key("judgements")
                    judgements(advice.judgements, &out)
                }
                out.close()
            }
            out.closeList()
        }
        out.close()
        return out.text
    }

    private static func judgements(_ list: [Judgement], _ out: inout JSONText) {
        out.openList()
        for judgement in list {
            out.open()
            out.field("criterion", judgement.criterion)
            out.field("rating", judgement.rating)
            out.field("comment", judgement.comment)
            out.close()
        }
        out.closeList()
    }
}

/// Compact JSON written straight into one byte buffer, commas placed as it goes.
struct JSONText {
    private var bytes: [UInt8] = []
    /// Whether the next member or element is the first of its object or list.
    private var first = true

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func open() { separate(); bytes.append(UInt8(ascii: "{")); first = true }
    mutating func close() { bytes.append(UInt8(ascii: "}")); first = false }
    mutating func openList() { separate(); bytes.append(UInt8(ascii: "[")); first = true }
    mutating func closeList() { bytes.append(UInt8(ascii: "]")); first = false }

    /// A key; its value (an object or list) follows.
    mutating func key(_ key: String) {
        separate()
        quoted(key)
        bytes.append(UInt8(ascii: ":"))
        first = true
    }

    /// A string member; nothing when the value is nil.
    mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        separate()
        quoted(key)
        bytes.append(UInt8(ascii: ":"))
        quoted(value)
    }

    private mutating func quoted(_ text: String) {
        Formatting.appendJSONString(text, to: &bytes)
    }

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
    }
}
