import EHCPAudit

/// Writes `AuditRecord`s as the XML of docs/records.md, so that `convert` can move exports
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

    /// One `<audit>` element, indented to sit inside `<audits>`; names from `RecordField`.
    public static func record(_ record: AuditRecord) throws(UnwritableText) -> String {
        typealias Field = RecordField.Audit
        let top: [(Field, String?)] = [
            (.auditId, record.auditId), (.planId, record.planId), (.auditor, record.auditor),
            (.auditDate, record.auditDate.description), (.kind, record.kind.rawValue),
            (.status, record.status.rawValue), (.moderates, record.moderates),
        ]
        var lines = ["  <audit" + (try attributes(top.map { ($0.0.xmlAttribute!, $0.1) })) + ">"]
        let framework = try attributes(
            RecordField.Framework.allCases.map { field in
                (field.xmlAttribute!, field == .id ? record.framework.id : record.framework.version)
            })
        lines.append("    <\(element(Field.framework))\(framework)/>")
        let plan = try attributes(RecordField.Plan.allCases.map { ($0.xmlAttribute!, $0.text(of: record.plan)) })
        if !plan.isEmpty { lines.append("    <\(element(Field.plan))\(plan)/>") }
        if let checks = record.planChecks { lines += try planChecks(checks) }
        for judgement in record.judgements { lines.append("    " + (try self.judgement(judgement))) }
        for advice in record.advices {
            let fields = RecordField.Advice.allCases.compactMap { field in
                field.xmlAttribute.map { ($0, field.text(of: advice)) }
            }
            let open = "    <\(element(Field.advices))" + (try attributes(fields))
            if advice.judgements.isEmpty {
                lines.append(open + "/>")
            } else {
                lines.append(open + ">")
                for judgement in advice.judgements { lines.append("      " + (try self.judgement(judgement))) }
                lines.append("    </\(element(Field.advices))>")
            }
        }
        lines.append("  </audit>")
        return lines.joined(separator: "\n")
    }

    /// `<planChecks rules="…">` with a `<count check="…">N</count>` per check, in
    /// ``PlanCheckKind`` order.
    private static func planChecks(_ checks: PlanCheckCounts) throws(UnwritableText) -> [String] {
        let name = element(RecordField.Audit.planChecks)
        let open = "    <\(name)" + (try attributes([(RecordField.PlanChecks.rules.xmlAttribute!, checks.rules)]))
        guard !checks.counts.isEmpty else { return [open + "/>"] }
        let count = RecordField.PlanChecks.counts.xmlElement!, check = RecordField.PlanCheckCount.check.xmlAttribute!
        return [open + ">"]
            + checks.ordered.map { "      <\(count) \(check)=\"\($0.check.rawValue)\">\($0.count)</\(count)>" }
            + ["    </\(name)>"]
    }

    private static func judgement(_ judgement: Judgement) throws(UnwritableText) -> String {
        let name = element(RecordField.Audit.judgements)
        let open =
            "<\(name)"
            + (try attributes(
                RecordField.Judgement.allCases.compactMap { field in
                    field.xmlAttribute.map { ($0, field.text(of: judgement)) }
                }))
        guard let comment = judgement.comment, !comment.isEmpty else { return open + "/>" }
        return open + ">" + (try escape(comment, field: "comment", inAttribute: false)) + "</\(name)>"
    }

    private static func element(_ field: RecordField.Audit) -> String { field.xmlElement ?? field.json }

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
                guard value >= 0x20, value != 0xFFFE, value != 0xFFFF else {
                    throw UnwritableText(field: field, character: value)
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
