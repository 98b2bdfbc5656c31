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
        var framework: FrameworkReference?
        var plan = PlanDetails()
        var judgements: [Judgement] = []
        var advices: [Advice] = []
        for child in audit.children {
            switch child.localName {
            case "framework":
                if let id = child.attribute("id"), let version = child.attribute("version") { framework = FrameworkReference(id: id, version: version) }
            case "plan":
                plan = PlanDetails(
                    locality: child.attribute("locality"), phase: word(child, "phase"), primaryNeed: word(child, "primaryNeed"),
                    team: child.attribute("team"), caseworker: child.attribute("caseworker"), planType: word(child, "type"),
                    requestDate: date(child, "requestDate"), issueDate: date(child, "issueDate")
                )
            case "judgement":
                judgements.append(judgement(child))
            case "advice":
                if let advice = advice(child) { advices.append(advice) }
            default:
                break
            }
        }
        guard let auditId = audit.attribute("id"), let planId = audit.attribute("plan"), let auditor = audit.attribute("auditor"),
              let framework, let auditDate = date(audit, "date"), let kind: AuditKind = word(audit, "kind"),
              let status: AuditStatus = word(audit, "status")
        else { return nil }
        return AuditRecord(
            auditId: auditId, planId: planId, framework: framework, auditor: auditor, auditDate: auditDate, kind: kind,
            status: status, plan: plan, judgements: judgements, advices: advices, line: audit.line
        )
    }

    private func judgement(_ element: XMLElement) -> Judgement {
        Judgement(criterion: element.attribute("criterion") ?? "", rating: element.attribute("rating") ?? "", comment: element.text, line: element.line)
    }

    private mutating func advice(_ element: XMLElement) -> Advice? {
        guard let id = element.attribute("id"), let agency: Agency = word(element, "agency"), let status: AdviceStatus = word(element, "status")
        else { return nil }
        return Advice(
            id: id, agency: agency, provider: element.attribute("provider"), role: element.attribute("role"),
            requested: date(element, "requested"), received: date(element, "received"), status: status,
            judgements: element.children.filter { $0.localName == "judgement" }.map(judgement), line: element.line
        )
    }

    private func word<Word: RawRepresentable>(_ element: XMLElement, _ name: String) -> Word? where Word.RawValue == String {
        element.attribute(name).flatMap(Word.init)
    }

    private mutating func date(_ element: XMLElement, _ name: String) -> CalendarDate? {
        guard let text = element.attribute(name) else { return nil }
        guard let date = CalendarDate(text) else {
            problems.append((element.line, "\(name)=\"\(text)\" is not an ISO date YYYY-MM-DD that exists"))
            return nil
        }
        return date
    }
}
