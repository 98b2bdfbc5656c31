import EHCPAudit

/// Turns a parsed JSON record (docs/records.md) into an ``AuditRecord``, field names from
/// the ``RecordField`` table.
///
/// Every field is type-checked and every unknown field refused by name, so a `childName`,
/// `dateOfBirth` or `upn` never gets past the door.
enum RecordDecoder {
    static func decode(_ node: DocumentNode, root: String, log: ProblemLog) -> AuditRecord? {
        guard let object = ObjectReader(node, path: root, log: log) else { return nil }
        typealias Field = RecordField.Audit
        object.refuseUnknown(allowed: Field.jsonNames, note: RecordField.personalDataNote)
        let auditId = object.string(Field.auditId.json, required: true)
        let planId = object.string(Field.planId.json, required: true)
        let framework = object.object(Field.framework.json, required: true).flatMap(frameworkReference)
        let auditor = object.string(Field.auditor.json, required: true)
        let auditDate = object.date(Field.auditDate.json, required: true)
        let kind = object.choice(Field.kind.json, required: true, as: AuditKind.self)
        let status = object.choice(Field.status.json, required: true, as: AuditStatus.self)
        let moderates = object.string(Field.moderates.json)
        let plan = object.object(Field.plan.json).map(planDetails) ?? PlanDetails()
        let planChecksObject = object.object(Field.planChecks.json)
        let planChecks = planChecksObject.flatMap(planCheckCounts)
        // A draft may hold no judgements yet (docs/records.md): left out, the list is empty.
        let judgements =
            (object.array(Field.judgements.json, required: status != .draft) ?? (status == .draft ? [] : nil))
            .map { judgementList($0, path: object.childPath(Field.judgements.json), log: log) }
        let advices = (object.array(Field.advices.json) ?? []).enumerated().compactMap { i, element in
            advice(element, path: "\(object.childPath(Field.advices.json))[\(i)]", log: log)
        }
        guard let auditId, let planId, let framework, let auditor, let auditDate, let kind, let status, let judgements,
            planChecksObject == nil || planChecks != nil
        else { return nil }
        return AuditRecord(
            auditId: auditId, planId: planId, framework: framework, auditor: auditor, auditDate: auditDate,
            kind: kind, status: status, moderates: moderates, plan: plan, planChecks: planChecks,
            judgements: judgements, advices: advices, line: node.line
        )
    }

    private static func frameworkReference(_ object: ObjectReader) -> FrameworkReference? {
        typealias Field = RecordField.Framework
        object.refuseUnknown(allowed: Field.jsonNames)
        guard let id = object.string(Field.id.json, required: true),
            let version = object.string(Field.version.json, required: true)
        else { return nil }
        return FrameworkReference(id: id, version: version)
    }

    private static func planDetails(_ object: ObjectReader) -> PlanDetails {
        typealias Field = RecordField.Plan
        object.refuseUnknown(allowed: Field.jsonNames, note: RecordField.personalDataNote)
        return PlanDetails(
            locality: object.string(Field.locality.json), phase: object.choice(Field.phase.json),
            primaryNeed: object.choice(Field.primaryNeed.json), team: object.string(Field.team.json),
            caseworker: object.string(Field.caseworker.json), planType: object.choice(Field.planType.json),
            requestDate: object.date(Field.requestDate.json), issueDate: object.date(Field.issueDate.json),
            timelinessException: object.bool(Field.timelinessException.json) ?? false
        )
    }

    /// `planChecks`: the rules' version and a count, a whole number from 0, for each check
    /// named by its id; nil (problems logged) when anything is wrong.
    private static func planCheckCounts(_ object: ObjectReader) -> PlanCheckCounts? {
        typealias Field = RecordField.PlanChecks
        object.refuseUnknown(allowed: Field.jsonNames)
        let rules = object.string(Field.rules.json, required: true)
        guard let reader = object.object(Field.counts.json, required: true) else { return nil }
        var counts: [PlanCheckKind: Int] = [:]
        var valid = rules?.isEmpty == false
        for member in reader.members {
            let path = reader.childPath(member.key)
            guard let check = PlanCheckKind(rawValue: member.key) else {
                let known = PlanCheckKind.allCases.map(\.rawValue).joined(separator: ", ")
                reader.log.add(member.node, path, "unknown check \"\(member.key)\" (the checks are: \(known))")
                valid = false
                continue
            }
            guard case .number(let number, _) = member.node.value, number >= 0, number == number.rounded(),
                number < 1e15
            else {
                let found: String
                if case .number(_, let text) = member.node.value {
                    found = text
                } else {
                    found = member.node.kindDescription
                }
                reader.log.add(
                    member.node, path,
                    "the count of \"\(member.key)\" must be a whole number, 0 or more; found \(found)")
                valid = false
                continue
            }
            counts[check] = Int(number)
        }
        guard valid, let rules else { return nil }
        return PlanCheckCounts(rules: rules, counts: counts)
    }

    private static func judgementList(_ elements: [DocumentNode], path: String, log: ProblemLog) -> [Judgement] {
        typealias Field = RecordField.Judgement
        return elements.enumerated().compactMap { i, element in
            guard let object = ObjectReader(element, path: path, index: i, log: log) else { return nil }
            object.refuseUnknown(allowed: Field.jsonNames)
            guard let criterion = object.string(Field.criterion.json, required: true),
                let rating = object.string(Field.rating.json, required: true)
            else { return nil }
            let comment = object.string(Field.comment.json)
            return Judgement(
                criterion: criterion, rating: rating, comment: comment?.isEmpty == true ? nil : comment,
                line: element.line)
        }
    }

    private static func advice(_ node: DocumentNode, path: String, log: ProblemLog) -> Advice? {
        typealias Field = RecordField.Advice
        guard let object = ObjectReader(node, path: path, log: log) else { return nil }
        object.refuseUnknown(allowed: Field.jsonNames, note: RecordField.personalDataNote)
        let id = object.string(Field.id.json, required: true)
        let agency = object.choice(Field.agency.json, required: true, as: Agency.self)
        let status = object.choice(Field.status.json, required: true, as: AdviceStatus.self)
        let judgements = judgementList(
            object.array(Field.judgements.json) ?? [], path: object.childPath(Field.judgements.json), log: log)
        guard let id, let agency, let status else { return nil }
        return Advice(
            id: id, agency: agency, provider: object.string(Field.provider.json), role: object.string(Field.role.json),
            requested: object.date(Field.requested.json), received: object.date(Field.received.json), status: status,
            timelinessException: object.bool(Field.timelinessException.json) ?? false, judgements: judgements,
            line: node.line
        )
    }
}
