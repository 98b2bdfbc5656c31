import EHCPAuditKit
import Foundation

/// An audit as the workspace's form submits it (docs/workspace.md, "The form"), turned into a
/// JSON record and read by the same reader and checks as `import`, so that a form and an
/// imported file are refused for the same reasons, in the same words, and stored alike.
public struct AuditForm: Sendable {
    public let fields: FormFields
    public let framework: Framework
    /// The signed-in user: always the auditor, whatever the form says.
    public let auditor: String
    /// The id to use when the form leaves `auditId` blank.
    public var assignedId: String
    /// The status when no submit button gave one (a preview scores the audit as a draft: the
    /// grade so far, over the criteria rated).
    public var status: AuditStatus?

    public init(
        fields: FormFields, framework: Framework, auditor: String, assignedId: String, status: AuditStatus? = nil
    ) {
        self.fields = fields
        self.framework = framework
        self.auditor = auditor
        self.assignedId = assignedId
        self.status = status
    }

    /// A field's problem, by form field name (`judgement.F1`, `advice.0.status`), or
    /// `nil` for the record as a whole.
    public struct Problem: Sendable, Equatable {
        public var field: String?
        public var message: String
    }

    /// Why a form could not become a record: every problem, each with its field.
    public struct Refusal: Error, Sendable {
        public var problems: [Problem]
    }

    /// The form fields that show a stored record again, for editing.
    public static func fields(for record: AuditRecord) -> FormFields {
        var pairs: [(name: String, value: String)] = [
            ("auditId", record.auditId), ("planId", record.planId), ("auditDate", record.auditDate.description),
            ("kind", record.kind.rawValue),
        ]
        if let moderates = record.moderates { pairs.append(("moderates", moderates)) }
        for field in RecordField.Plan.allCases {
            if let value = field.text(of: record.plan) { pairs.append(("plan.\(field.json)", value)) }
        }
        if let checks = record.planChecks {
            pairs.append((planChecksRules, checks.rules))
            for (check, count) in checks.ordered { pairs.append((planChecksCount + check.rawValue, String(count))) }
        }
        func judgements(_ list: [Judgement], prefix: String) {
            for judgement in list {
                pairs.append(("\(prefix)judgement.\(judgement.criterion)", judgement.rating))
                if let comment = judgement.comment {
                    pairs.append(("\(prefix)comment.\(judgement.criterion)", comment))
                }
            }
        }
        judgements(record.judgements, prefix: "")
        for (n, advice) in record.advices.enumerated() {
            for field in RecordField.Advice.allCases {
                if let value = field.text(of: advice) { pairs.append(("advice.\(n).\(field.json)", value)) }
            }
            judgements(advice.judgements, prefix: "advice.\(n).")
        }
        return FormFields(pairs)
    }

    /// The fields that carry a record's `planChecks` through the form, hidden (they are what
    /// the plan checks found, not the auditor's to change): `planChecks.rules`, and
    /// `planChecks.count.<check id>` for each count.
    static let planChecksRules = "planChecks.rules"
    static let planChecksCount = "planChecks.count."

    /// The `planChecks` fields of `fields`, in order, to carry as hidden inputs.
    public static func planChecksFields(in fields: FormFields) -> [(name: String, value: String)] {
        fields.pairs.filter { $0.name == planChecksRules || $0.name.hasPrefix(planChecksCount) }
    }

    /// The advice blocks a form shows: the number `n` of every `advice.<n>.…` field, whether
    /// its agency is given yet or not, in order; `[0]` when there is none.
    public static func adviceBlocks(in fields: FormFields) -> [Int] {
        let numbers = Set(fields.pairs.compactMap { adviceNumber($0.name) }).sorted()
        return numbers.isEmpty ? [0] : numbers
    }

    /// The `n` of a field named `advice.<n>.…`, if it is one (0 to 99).
    static func adviceNumber(_ name: String) -> Int? {
        let parts = name.split(separator: ".")
        guard parts.count >= 3, parts[0] == "advice", let n = Int(parts[1]), (0..<100).contains(n) else { return nil }
        return n
    }

    /// The advices the form holds, by their number `n`, in order.
    public var adviceNumbers: [Int] { Self.adviceNumbers(in: fields) }

    /// The advices `fields` hold: each `n` of an `advice.<n>.…` field whose agency is given.
    public static func adviceNumbers(in fields: FormFields) -> [Int] {
        Set(fields.pairs.compactMap { adviceNumber($0.name) }).sorted().filter {
            fields.text("advice.\($0).agency") != nil
        }
    }

    /// The record's JSON, field for field as docs/records.md names them.
    public var json: String {
        var json = JSONWriter(capacity: 4096)
        typealias Field = RecordField.Audit
        json.object { json in
            json.member(Field.auditId.json, fields.text(Field.auditId.json) ?? assignedId)
            json.field(Field.planId.json, fields.text(Field.planId.json))
            json.key(Field.framework.json)
            json.object { json in
                json.member(RecordField.Framework.id.json, framework.id)
                json.member(RecordField.Framework.version.json, framework.version)
            }
            json.member(Field.auditor.json, auditor)
            json.field(Field.auditDate.json, fields.text(Field.auditDate.json))
            json.field(Field.kind.json, fields.text(Field.kind.json))
            json.field(Field.status.json, fields.text(Field.status.json) ?? status?.rawValue)
            json.field(Field.moderates.json, fields.text(Field.moderates.json))
            let plan = RecordField.Plan.allCases.compactMap { field in
                fields.text("plan.\(field.json)").map { (field, $0) }
            }
            if !plan.isEmpty {
                json.key(Field.plan.json)
                json.object { json in
                    for (field, value) in plan { json.recordField(field.json, value, isFlag: field.isFlag) }
                }
            }
            planChecks(&json)
            json.key(Field.judgements.json)
            judgements(framework.sections.flatMap(\.criteria), prefix: "", &json)
            let advices = adviceNumbers
            if !advices.isEmpty {
                json.key(Field.advices.json)
                json.list(advices) { json, n in advice(n, &json) }
            }
        }
        return json.text
    }

    /// `planChecks` from its hidden fields, when the form carries any; a count that is not
    /// a whole number is written as text, so the reader refuses it in its own words.
    private func planChecks(_ json: inout JSONWriter) {
        let carried = Self.planChecksFields(in: fields)
        guard !carried.isEmpty else { return }
        typealias Field = RecordField.PlanChecks
        json.key(RecordField.Audit.planChecks.json)
        json.object { json in
            json.field(Field.rules.json, fields.text(Self.planChecksRules))
            json.key(Field.counts.json)
            json.object { json in
                for (name, value) in carried where name != Self.planChecksRules {
                    let check = String(name.dropFirst(Self.planChecksCount.count))
                    if let count = Int(value) { json.member(check, count) } else { json.member(check, value) }
                }
            }
        }
    }

    private func advice(_ n: Int, _ json: inout JSONWriter) {
        json.object { json in
            for field in RecordField.Advice.allCases where field != .judgements {
                json.recordField(field.json, fields.text("advice.\(n).\(field.json)"), isFlag: field.isFlag)
            }
            let criteria = framework.advice?.criteria ?? []
            if criteria.contains(where: { fields.text("advice.\(n).judgement.\($0.id)") != nil }) {
                json.key(RecordField.Advice.judgements.json)
                judgements(criteria, prefix: "advice.\(n).", &json)
            }
        }
    }

    /// One judgement per criterion that was rated; a criterion left unrated is left out,
    /// so the checks name it as missing.
    private func judgements(_ criteria: [Criterion], prefix: String, _ json: inout JSONWriter) {
        json.list(criteria.filter { fields.text("\(prefix)judgement.\($0.id)") != nil }) { json, criterion in
            json.object { json in
                json.member(RecordField.Judgement.criterion.json, criterion.id)
                json.member(RecordField.Judgement.rating.json, fields.text("\(prefix)judgement.\(criterion.id)"))
                json.field(RecordField.Judgement.comment.json, fields.text("\(prefix)comment.\(criterion.id)"))
            }
        }
    }

    /// Reads the form as `import` reads a file: the record, or every problem with its field.
    public func evaluate(with catalog: FrameworkCatalog) -> Result<(AuditRecord, AuditResult), Refusal> {
        let source = JSONRecordSource(bytes: Array(json.utf8), name: "form")
        do {
            guard let entry = try source.next() else {
                return .failure(Refusal(problems: [Problem(field: nil, message: "the form was empty")]))
            }
            switch catalog.evaluate(entry, file: source.file) {
            case .scored(let record, let result): return .success((record, result))
            case .refused(let diagnostics):
                let advices = adviceNumbers
                return .failure(Refusal(problems: diagnostics.map { problem($0, advices: advices) }))
            }
        } catch {
            return .failure(Refusal(problems: [Problem(field: nil, message: error.message)]))
        }
    }

    /// The form field a diagnostic is about, from its JSON path and criterion; `advices`
    /// are the form's advice numbers, by their place in the record.
    func problem(_ diagnostic: Diagnostic, advices: [Int]) -> Problem {
        let path = (diagnostic.path ?? "").replacingOccurrences(of: "$.", with: "")
        var prefix = "", advice = ""
        var rest = Substring(path)
        if path.hasPrefix("advices["), let close = path.firstIndex(of: "]"),
            let index = Int(path[path.index(path.startIndex, offsetBy: 8)..<close]), advices.indices.contains(index)
        {
            prefix = "advice.\(advices[index])."
            advice = "Advice \(index + 1): "
            rest = path[path.index(after: close)...].drop { $0 == "." }
        }
        let field: String?
        if let criterion = diagnostic.criterion, rest.hasPrefix("judgements") || rest.isEmpty {
            field = prefix + "judgement.\(criterion)"
        } else if rest.hasPrefix("judgements") || rest.isEmpty {
            field = prefix.isEmpty ? nil : prefix + "status"
        } else {
            field = prefix + rest.split(separator: "[").first.map(String.init)!
        }
        return Problem(field: field, message: advice + inWords(diagnostic.message))
    }

    /// A message of the command line as a person reads it on a page: ratings by their labels
    /// ("rate it N/A, not Inadequate" for `rate it na, not "inadequate"`).
    func inWords(_ message: String) -> String {
        var text = message
        for rating in framework.scale { text = text.replacingOccurrences(of: "\"\(rating.id)\"", with: rating.label) }
        return text.replacing(/\bna\b/, with: "N/A")
    }
}
