import EHCPAudit

/// Turns a parsed JSON record (records.md) into an ``AuditRecord``.
///
/// Every field is type-checked and every unknown field refused by name, so a `childName`,
/// `dateOfBirth` or `upn` never gets past the door.
enum RecordDecoder {
    static let personalDataNote = "; records carry pseudonymous references only, never names, birth dates, addresses or UPNs"

    static func decode(_ node: DocumentNode, root: String, log: ProblemLog) -> AuditRecord? {
        guard let object = ObjectReader(node, path: root, log: log) else { return nil }
        object.refuseUnknown(allowed: ["auditId", "planId", "framework", "auditor", "auditDate", "kind", "status", "plan", "judgements", "advices"], note: personalDataNote)
        let auditId = object.string("auditId", required: true)
        let planId = object.string("planId", required: true)
        let framework = object.object("framework", required: true).flatMap(frameworkReference)
        let auditor = object.string("auditor", required: true)
        let auditDate = object.date("auditDate", required: true)
        let kind = object.choice("kind", required: true, as: AuditKind.self)
        let status = object.choice("status", required: true, as: AuditStatus.self)
        let plan = object.object("plan").map(planDetails) ?? PlanDetails()
        let judgements = object.array("judgements", required: true).map { judgementList($0, path: object.childPath("judgements"), log: log) }
        let advices = (object.array("advices") ?? []).enumerated().compactMap { i, element in
            advice(element, path: "\(object.childPath("advices"))[\(i)]", log: log)
        }
        guard let auditId, let planId, let framework, let auditor, let auditDate, let kind, let status, let judgements
        else { return nil }
        return AuditRecord(
            auditId: auditId, planId: planId, framework: framework, auditor: auditor, auditDate: auditDate,
            kind: kind, status: status, plan: plan, judgements: judgements, advices: advices, line: node.line
        )
    }

    private static func frameworkReference(_ object: ObjectReader) -> FrameworkReference? {
        object.refuseUnknown(allowed: ["id", "version"])
        guard let id = object.string("id", required: true), let version = object.string("version", required: true) else { return nil }
        return FrameworkReference(id: id, version: version)
    }

    private static func planDetails(_ object: ObjectReader) -> PlanDetails {
        object.refuseUnknown(allowed: ["locality", "phase", "primaryNeed", "team", "caseworker", "planType", "requestDate", "issueDate"], note: personalDataNote)
        return PlanDetails(
            locality: object.string("locality"), phase: object.choice("phase"), primaryNeed: object.choice("primaryNeed"),
            team: object.string("team"), caseworker: object.string("caseworker"), planType: object.choice("planType"),
            requestDate: object.date("requestDate"), issueDate: object.date("issueDate")
        )
    }

    private static func judgementList(_ elements: [DocumentNode], path: String, log: ProblemLog) -> [Judgement] {
        elements.enumerated().compactMap { i, element in
            guard let object = ObjectReader(element, path: path, index: i, log: log) else { return nil }
            object.refuseUnknown(allowed: ["criterion", "rating", "comment"])
            guard let criterion = object.string("criterion", required: true), let rating = object.string("rating", required: true)
            else { return nil }
            let comment = object.string("comment")
            return Judgement(criterion: criterion, rating: rating, comment: comment?.isEmpty == true ? nil : comment, line: element.line)
        }
    }

    private static func advice(_ node: DocumentNode, path: String, log: ProblemLog) -> Advice? {
        guard let object = ObjectReader(node, path: path, log: log) else { return nil }
        object.refuseUnknown(allowed: ["id", "agency", "provider", "role", "requested", "received", "status", "judgements"], note: personalDataNote)
        let id = object.string("id", required: true)
        let agency = object.choice("agency", required: true, as: Agency.self)
        let status = object.choice("status", required: true, as: AdviceStatus.self)
        let judgements = judgementList(object.array("judgements") ?? [], path: object.childPath("judgements"), log: log)
        guard let id, let agency, let status else { return nil }
        return Advice(
            id: id, agency: agency, provider: object.string("provider"), role: object.string("role"),
            requested: object.date("requested"), received: object.date("received"), status: status,
            judgements: judgements, line: node.line
        )
    }
}
