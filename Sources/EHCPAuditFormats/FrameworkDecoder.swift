import EHCPAudit

/// Maps a parsed framework document onto ``Framework`` (docs/scoring.md §1).
///
/// Type errors and unknown keys (a misspelt `wieght` would otherwise silently default)
/// are logged here; the rules about values are the core's and come back as a
/// ``FrameworkError``.
enum FrameworkDecoder {
    /// Nil when the document's form is wrong (see `log`); otherwise the framework or the
    /// rules it breaks.
    static func decode(_ root: DocumentNode, log: ProblemLog) -> Result<Framework, FrameworkError>? {
        guard let object = ObjectReader(root, path: "$", log: log, numbersAsText: true) else { return nil }
        object.refuseUnknown(allowed: [
            "id", "version", "title", "scale", "actionBelow", "grades", "sections", "advice",
        ])
        let id = object.string("id", required: true)
        let version = object.string("version", required: true)
        let title = object.string("title") ?? id ?? ""
        let scale = list(object, "scale", rating)
        let actionBelow = object.string("actionBelow", required: true)
        let grades = list(object, "grades", grade)
        let sections = list(object, "sections", section)
        let advice = object.object("advice").map(adviceCriteria)
        guard let id, let version, let scale, let actionBelow, let grades, let sections,
            advice ?? nil != nil || advice == nil,
            log.problems.isEmpty
        else { return nil }
        return Result { () throws(FrameworkError) -> Framework in
            try Framework(
                id: id, version: version, title: title, scale: scale, actionBelow: actionBelow,
                grades: grades, sections: sections, advice: advice ?? nil
            )
        }
    }

    /// A required array whose every element decodes; nil (logged) otherwise.
    private static func list<Element>(
        _ object: ObjectReader, _ key: String, _ decode: (ObjectReader) -> Element?
    ) -> [Element]? {
        guard let elements = object.array(key, required: true) else { return nil }
        let decoded = elements.enumerated().map { i, node in
            ObjectReader(node, path: "\(object.childPath(key))[\(i)]", log: object.log, numbersAsText: true).flatMap(
                decode)
        }
        return decoded.contains { $0 == nil } ? nil : decoded.map { $0! }
    }

    private static func rating(_ object: ObjectReader) -> Rating? {
        object.refuseUnknown(allowed: ["id", "label", "points"])
        guard let id = object.string("id", required: true), let points = object.number("points", required: true) else {
            return nil
        }
        return Rating(id: id, label: object.string("label") ?? id, points: points)
    }

    private static func grade(_ object: ObjectReader) -> Grade? {
        object.refuseUnknown(allowed: ["id", "label", "minPercent"])
        guard let id = object.string("id", required: true), let minPercent = object.number("minPercent", required: true)
        else { return nil }
        return Grade(id: id, label: object.string("label") ?? id, minPercent: minPercent)
    }

    private static func section(_ object: ObjectReader) -> Section? {
        object.refuseUnknown(allowed: ["id", "title", "weight", "criteria"])
        let id = object.string("id", required: true)
        let weight = object.number("weight", required: true)
        let criteria = list(object, "criteria", criterion)
        guard let id, let weight, let criteria else { return nil }
        return Section(id: id, title: object.string("title") ?? id, weight: weight, criteria: criteria)
    }

    private static func criterion(_ object: ObjectReader) -> Criterion? {
        object.refuseUnknown(allowed: [
            "id", "text", "weight", "notApplicable", "needsDependent", "cap", "action", "guidance", "source",
        ])
        let id = object.string("id", required: true)
        let text = object.string("text", required: true, allowEmpty: true)
        let action = object.string("action", required: true, allowEmpty: true)
        let cap = object.object("cap").map { cap -> Cap? in
            cap.refuseUnknown(allowed: ["at", "grade"])
            guard let at = cap.string("at", required: true), let grade = cap.string("grade", required: true) else {
                return nil
            }
            return Cap(at: at, grade: grade)
        }
        guard let id, let text, let action, cap ?? nil != nil || cap == nil else { return nil }
        return Criterion(
            id: id, text: text, weight: object.number("weight") ?? 1,
            notApplicable: object.bool("notApplicable") ?? false,
            needsDependent: object.bool("needsDependent") ?? false,
            cap: cap ?? nil, action: action, guidance: object.string("guidance"), source: object.string("source")
        )
    }

    private static func adviceCriteria(_ object: ObjectReader) -> AdviceCriteria? {
        object.refuseUnknown(allowed: ["deadlineDays", "grades", "criteria"])
        let deadline = object.integer("deadlineDays", required: true)
        let grades = list(object, "grades", grade)
        let criteria = list(object, "criteria", criterion)
        guard let deadline, let grades, let criteria else { return nil }
        return AdviceCriteria(deadlineDays: deadline, grades: grades, criteria: criteria)
    }
}
