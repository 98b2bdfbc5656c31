import EHCPAudit

/// Turns one validated `<audit>` element into an ``AuditRecord``, keeping the line of every
/// element so that the scorer's errors can point at it.
///
/// The schema has already checked names, required attributes and word lists; what is
/// left is converting values.
struct XMLRecordBuilder {
    let audit: XMLElement
    /// Values the schema let through but the model cannot hold.
    private(set) var problems: [(line: Int?, message: String)] = []

    init(_ audit: XMLElement) {
        self.audit = audit
    }

    mutating func build() -> AuditRecord? {
        typealias Field = RecordField.Audit
        var framework: FrameworkReference?
        var plan = PlanDetails()
        var judgements: [Judgement] = []
        var advices: [Advice] = []
        for child in audit.children {
            switch child.localName {
            case name(Field.framework):
                if let id = value(child, RecordField.Framework.id),
                    let version = value(child, RecordField.Framework.version)
                {
                    framework = FrameworkReference(id: id, version: version)
                }
            case name(Field.plan):
                typealias Plan = RecordField.Plan
                plan = PlanDetails(
                    locality: value(child, Plan.locality), phase: word(child, Plan.phase),
                    primaryNeed: word(child, Plan.primaryNeed), team: value(child, Plan.team),
                    caseworker: value(child, Plan.caseworker), planType: word(child, Plan.planType),
                    requestDate: date(child, Plan.requestDate), issueDate: date(child, Plan.issueDate),
                    timelinessException: flag(child, Plan.timelinessException)
                )
            case name(Field.judgements):
                judgements.append(judgement(child))
            case name(Field.advices):
                if let advice = advice(child) { advices.append(advice) }
            default:
                break
            }
        }
        guard let auditId = value(audit, Field.auditId), let planId = value(audit, Field.planId),
            let auditor = value(audit, Field.auditor), let framework, let auditDate = date(audit, Field.auditDate),
            let kind: AuditKind = word(audit, Field.kind), let status: AuditStatus = word(audit, Field.status)
        else { return nil }
        return AuditRecord(
            auditId: auditId, planId: planId, framework: framework, auditor: auditor, auditDate: auditDate, kind: kind,
            status: status, moderates: value(audit, Field.moderates), plan: plan, judgements: judgements,
            advices: advices, line: audit.line
        )
    }

    private func judgement(_ element: XMLElement) -> Judgement {
        typealias Field = RecordField.Judgement
        return Judgement(
            criterion: value(element, Field.criterion) ?? "", rating: value(element, Field.rating) ?? "",
            comment: element.text, line: element.line)
    }

    private mutating func advice(_ element: XMLElement) -> Advice? {
        typealias Field = RecordField.Advice
        guard let id = value(element, Field.id), let agency: Agency = word(element, Field.agency),
            let status: AdviceStatus = word(element, Field.status)
        else { return nil }
        return Advice(
            id: id, agency: agency, provider: value(element, Field.provider), role: value(element, Field.role),
            requested: date(element, Field.requested), received: date(element, Field.received), status: status,
            timelinessException: flag(element, Field.timelinessException),
            judgements: element.children.filter { $0.localName == name(Field.judgements) }.map(judgement),
            line: element.line
        )
    }

    /// The element name of a field kept as a child element.
    private func name(_ field: some RecordFieldName) -> String {
        guard let name = field.xmlElement else { preconditionFailure("\(field.json) is not an element") }
        return name
    }

    private func value(_ element: XMLElement, _ field: some RecordFieldName) -> String? {
        field.xmlAttribute.flatMap(element.attribute)
    }

    /// An `xs:boolean` attribute (the schema has already refused any other word); absent is false.
    private func flag(_ element: XMLElement, _ field: some RecordFieldName) -> Bool {
        value(element, field).map { $0 == "true" || $0 == "1" } ?? false
    }

    private func word<Word: RawRepresentable>(_ element: XMLElement, _ field: some RecordFieldName) -> Word?
    where Word.RawValue == String {
        value(element, field).flatMap(Word.init)
    }

    private mutating func date(_ element: XMLElement, _ field: some RecordFieldName) -> CalendarDate? {
        guard let text = value(element, field) else { return nil }
        guard let date = CalendarDate(text) else {
            problems.append(
                (
                    element.line,
                    "\(field.xmlAttribute ?? field.json)=\"\(text)\" is not an ISO date YYYY-MM-DD that exists"
                ))
            return nil
        }
        return date
    }
}
