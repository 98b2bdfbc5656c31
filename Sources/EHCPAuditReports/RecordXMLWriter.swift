import EHCPAudit

/// Writes ``AuditRecord``s as the XML of records.md, so that `convert` can move exports
/// between systems without losing anything (judgement comments included).
public enum RecordXMLWriter {
    public static let namespace = "urn:ehcp-audit:record:1"
    public static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<audits xmlns=\"\(namespace)\">"
    public static let footer = "</audits>"

    /// A character that XML 1.0 cannot carry, such as a control character in a comment.
    public struct UnwritableText: Error, Equatable {
        public var field: String
        public var character: UInt32
    }

    /// One `<audit>` element, indented to sit inside `<audits>`.
    public static func record(_ record: AuditRecord) throws(UnwritableText) -> String {
        var lines: [String] = []
        lines.append("  <audit" + (try attributes([
            ("id", record.auditId), ("plan", record.planId), ("auditor", record.auditor), ("date", record.auditDate.description),
            ("kind", record.kind.rawValue), ("status", record.status.rawValue),
        ])) + ">")
        lines.append("    <framework" + (try attributes([("id", record.framework.id), ("version", record.framework.version)])) + "/>")
        let plan = record.plan
        let planAttributes = try attributes([
            ("locality", plan.locality), ("phase", plan.phase?.rawValue), ("primaryNeed", plan.primaryNeed?.rawValue),
            ("team", plan.team), ("caseworker", plan.caseworker), ("type", plan.planType?.rawValue),
            ("requestDate", plan.requestDate?.description), ("issueDate", plan.issueDate?.description),
        ])
        if !planAttributes.isEmpty { lines.append("    <plan\(planAttributes)/>") }
        for judgement in record.judgements { lines.append("    " + (try self.judgement(judgement))) }
        for advice in record.advices {
            let open = "    <advice" + (try attributes([
                ("id", advice.id), ("agency", advice.agency.rawValue), ("provider", advice.provider), ("role", advice.role),
                ("requested", advice.requested?.description), ("received", advice.received?.description), ("status", advice.status.rawValue),
            ]))
            if advice.judgements.isEmpty {
                lines.append(open + "/>")
            } else {
                lines.append(open + ">")
                for judgement in advice.judgements { lines.append("      " + (try self.judgement(judgement))) }
                lines.append("    </advice>")
            }
        }
        lines.append("  </audit>")
        return lines.joined(separator: "\n")
    }

    private static func judgement(_ judgement: Judgement) throws(UnwritableText) -> String {
        let open = "<judgement" + (try attributes([("criterion", judgement.criterion), ("rating", judgement.rating)]))
        guard let comment = judgement.comment, !comment.isEmpty else { return open + "/>" }
        return open + ">" + (try escape(comment, field: "comment", inAttribute: false)) + "</judgement>"
    }

    private static func attributes(_ pairs: [(String, String?)]) throws(UnwritableText) -> String {
        var out = ""
        for (name, value) in pairs {
            guard let value else { continue }
            out += " \(name)=\"\(try escape(value, field: name, inAttribute: true))\""
        }
        return out
    }

    /// Escapes markup; in attributes also white space that XML would otherwise normalise.
    static func escape(_ text: String, field: String, inAttribute: Bool) throws(UnwritableText) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where inAttribute: out += "&#10;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                guard value >= 0x20, value != 0xFFFE, value != 0xFFFF else { throw UnwritableText(field: field, character: value) }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
