import EHCPAudit
import Foundation

/// Reads a plan-checks rules file (criteria/plan-checks.yaml; docs/plan-checks.md) for a
/// framework, validating it like a framework: unknown keys, empty phrases, unknown checks,
/// sections, criteria and ratings are refused, each with the file and line.
///
/// ```swift
/// let rules = try PlanCheckRulesLoader.load(path: "criteria/plan-checks.yaml", framework: framework)
/// let report = PlanChecker(rules: rules, framework: framework).check(document)
/// ```
public enum PlanCheckRulesLoader {
    public static func load(path: String, framework: Framework) throws(FrameworkLoadError) -> PlanCheckRules {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw FrameworkLoadError([
                Diagnostic(file: path, message: "cannot read plan-check rules: \(error.localizedDescription)")
            ])
        }
        return try load(text: text, file: path, framework: framework)
    }

    public static func load(
        text: String, file: String, framework: Framework
    ) throws(FrameworkLoadError)
        -> PlanCheckRules
    {
        let root: DocumentNode
        do throws(Diagnostic) {
            root = try YAMLDocument.parse(text, file: file)
        } catch {
            throw FrameworkLoadError([error])
        }
        let log = ProblemLog()
        let decoded = decode(root, framework: framework, log: log)
        let diagnostics = log.problems.map {
            Diagnostic(file: file, line: $0.line, path: String($0.path.trimmingPrefix("$.")), message: $0.message)
        }
        guard let decoded, diagnostics.isEmpty else { throw FrameworkLoadError(diagnostics) }
        switch decoded {
        case .success(let rules): return rules
        case .failure(let error): throw FrameworkLoadError(root.diagnostics(for: error, file: file))
        }
    }

    private static func decode(
        _ root: DocumentNode, framework: Framework, log: ProblemLog
    ) -> Result<
        PlanCheckRules, FrameworkError
    >? {
        guard let object = ObjectReader(root, path: "$", log: log, numbersAsText: true) else { return nil }
        object.refuseUnknown(allowed: [
            "version", "framework", "suggest", "planDateLabels", "reviewWords", "draftWords", "nothingWords",
            "settingWords",
            "settingTypeWords", "checks",
        ])
        let version = object.string("version", required: true)
        if let named = object.string("framework", required: true), named != framework.id {
            log.add(
                object.value("framework")!, object.childPath("framework"),
                "these rules are for framework \(named), not \(framework.id)")
        }
        let suggest = steps(object, "suggest", required: true)
        let labels = phrases(object, "planDateLabels")
        let review = phrases(object, "reviewWords")
        let draft = phrases(object, "draftWords")
        let nothing = phrases(object, "nothingWords")
        let settingWords = words(object, "settingWords")
        let typeWords = words(object, "settingTypeWords")
        let checks = object.array("checks", required: true)?.enumerated().map { i, node in
            ObjectReader(node, path: object.childPath("checks"), index: i, log: log).flatMap(check)
        }
        guard let version, let suggest, let checks, !checks.contains(where: { $0 == nil }), log.problems.isEmpty else {
            return nil
        }
        return Result { () throws(FrameworkError) -> PlanCheckRules in
            try PlanCheckRules(
                version: version, framework: framework, checks: checks.map { $0! }, suggest: suggest,
                planDateLabels: labels, reviewWords: review, draftWords: draft, nothingWords: nothing,
                settingWords: settingWords,
                settingTypeWords: typeWords)
        }
    }

    /// The keys every check may have, and those only some kinds use.
    private static let common = ["id", "sections", "informs", "one", "many", "message", "source", "suggest"]
    private static func wordKeys(_ kind: PlanCheckKind) -> [String] {
        switch kind {
        case .vagueWording, .outcomeIsProvision, .noSettingInFinal: ["phrases"]
        case .unquantifiedProvision: ["frequency", "amount"]
        case .noExpertise: ["roles"]
        case .outcomeNotTimeBound: ["timeFrames"]
        case .staleAdvice: ["maxAgeDays"]
        case .repeatedText: ["minWords"]
        case .templateText: ["bracketWords", "markers", "phrases"]
        case .missingSection, .settingNamedInDraft, .noReviewDate: []
        }
    }

    private static func check(_ object: ObjectReader) -> PlanCheckRule? {
        guard let kind = object.choice("id", required: true, as: PlanCheckKind.self) else {
            return nil
        }
        object.refuseUnknown(allowed: common + wordKeys(kind), note: " for check \(kind.rawValue)")
        let sections = words(object, "sections", required: true)
        var informs: [String: String] = [:]
        if let map = object.value("informs", required: true) {
            guard case .object(let members) = map.value else {
                object.log.add(map, object.childPath("informs"), "\"informs\" must map sections to criteria")
                return nil
            }
            for member in members {
                guard case .string(let criterion) = member.node.value else {
                    object.log.add(member.node, object.childPath("informs.\(member.key)"), "must be a criterion id")
                    continue
                }
                informs[member.key] = criterion
            }
        }
        guard let message = object.string("message", required: true), let one = object.string("one", required: true)
        else { return nil }
        var rule = PlanCheckRule(
            kind: kind, sections: sections, informs: informs, message: message, source: object.string("source"),
            one: one, many: object.string("many") ?? one, suggest: steps(object, "suggest", required: false))
        rule.phrases = phrases(object, "phrases")
        rule.frequency = phrases(object, "frequency")
        rule.amount = phrases(object, "amount")
        rule.roles = phrases(object, "roles")
        rule.timeFrames = phrases(object, "timeFrames")
        rule.bracketWords = words(object, "bracketWords").map { $0.lowercased() }
        rule.markers = words(object, "markers")
        rule.maxAgeDays = object.integer("maxAgeDays")
        rule.minWords = object.integer("minWords")
        return rule
    }

    private static func steps(_ object: ObjectReader, _ key: String, required: Bool) -> [PlanSuggestionStep]? {
        guard let nodes = object.array(key, required: required) else { return nil }
        let steps = nodes.enumerated().map { i, node -> PlanSuggestionStep? in
            guard let step = ObjectReader(node, path: object.childPath(key), index: i, log: object.log) else {
                return nil
            }
            step.refuseUnknown(allowed: ["from", "rating"])
            guard let from = step.integer("from", required: true), let rating = step.string("rating", required: true)
            else { return nil }
            return PlanSuggestionStep(from: from, rating: rating)
        }
        return steps.contains { $0 == nil } ? nil : steps.map { $0! }
    }

    /// A list of non-empty strings (absent: empty).
    private static func words(_ object: ObjectReader, _ key: String, required: Bool = false) -> [String] {
        guard let nodes = object.array(key, required: required) else { return [] }
        return nodes.enumerated().compactMap { i, node in
            guard case .string(let text) = node.value, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                object.log.add(node, "\(object.childPath(key))[\(i)]", "must be a non-empty string")
                return nil
            }
            return text
        }
    }

    private static func phrases(_ object: ObjectReader, _ key: String) -> [PlanPhrase] {
        words(object, key).enumerated().compactMap { i, text in
            guard let phrase = PlanPhrase(text) else {
                object.log.add(object.value(key)!, "\(object.childPath(key))[\(i)]", "must hold a word")
                return nil
            }
            return phrase
        }
    }
}
