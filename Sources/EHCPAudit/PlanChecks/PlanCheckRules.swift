/// The plan checks of a local area, as its rules file states them (docs/plan-checks.md).
///
/// Built only through the validating initialiser: every check known, at most once, each
/// reading known sections, informing criteria the framework has, suggesting ratings its
/// scale has, and holding the words its kind needs.
public struct PlanCheckRules: Sendable {
    public let version: String
    /// The framework whose criteria the checks inform.
    public let framework: String
    public let checks: [PlanCheckRule]
    /// The default suggestion steps.
    public let suggest: [PlanSuggestionStep]
    /// Words before a date that make it the plan date ("date of plan", "date issued").
    public let planDateLabels: [PlanPhrase]
    /// A word before a date that makes it the review date ("review" and its forms).
    public let reviewWords: [PlanPhrase]
    /// A word that makes a plan a draft.
    public let draftWords: [PlanPhrase]
    /// Words that, starting an item, say there is nothing to record ("No", "None", "N/A").
    public let nothingWords: [PlanPhrase]
    /// Words that make a capitalised name a setting (School, Academy, …).
    public let settingWords: [String]
    /// Capitalised words that describe a kind of setting rather than name one (Primary,
    /// Special, The, …).
    public let settingTypeWords: Set<String>
    /// The section ids plans are read into, in plan order.
    public static let sectionIDs = ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"]

    public init(
        version: String, framework: Framework, checks: [PlanCheckRule], suggest: [PlanSuggestionStep],
        planDateLabels: [PlanPhrase], reviewWords: [PlanPhrase], draftWords: [PlanPhrase], nothingWords: [PlanPhrase],
        settingWords: [String],
        settingTypeWords: [String]
    ) throws(FrameworkError) {
        var problems: [FrameworkProblem] = []
        func problem(_ entry: String, _ message: String) {
            problems.append(FrameworkProblem(entry: entry, message: message))
        }
        if version.isEmpty { problem("version", "version must not be empty") }
        let criteria = Set(framework.sections.flatMap { $0.criteria.map(\.id) })
        func checkSteps(_ steps: [PlanSuggestionStep], _ entry: String) {
            if steps.isEmpty { problem(entry, "must list at least one step") }
            for (i, step) in steps.enumerated() {
                if step.from < 1 { problem("\(entry)[\(i)]", "from must be 1 or more, found \(step.from)") }
                if framework.rating(step.rating) == nil {
                    problem(
                        "\(entry)[\(i)]",
                        "rating \(step.rating) is not on \(framework.id)'s scale (\(framework.scale.map(\.id).joined(separator: ", ")))"
                    )
                }
                if i > 0, step.from <= steps[i - 1].from { problem("\(entry)[\(i)]", "steps must go up in from") }
            }
        }
        checkSteps(suggest, "suggest")
        var seen: Set<PlanCheckKind> = []
        for (i, check) in checks.enumerated() {
            let entry = "checks[\(i)]"
            if !seen.insert(check.kind).inserted { problem(entry, "check \(check.kind.rawValue) is listed twice") }
            for section in check.sections where section != "plan" && !Self.sectionIDs.contains(section) {
                problem(
                    "\(entry).sections",
                    "unknown section \(section) (use \(Self.sectionIDs.joined(separator: ", ")) or plan)")
            }
            for (section, criterion) in check.informs.sorted(by: { $0.key < $1.key }) {
                if section != "plan" && !Self.sectionIDs.contains(section) {
                    problem("\(entry).informs", "unknown section \(section)")
                }
                if !criteria.contains(criterion) {
                    problem("\(entry).informs.\(section)", "criterion \(criterion) is not in framework \(framework.id)")
                }
            }
            if check.message.isEmpty { problem("\(entry).message", "message must not be empty") }
            if let steps = check.suggest { checkSteps(steps, "\(entry).suggest") }
            for (key, missing) in Self.needs(check) where missing {
                problem(entry, "check \(check.kind.rawValue) needs \(key)")
            }
        }
        if reviewWords.isEmpty { problem("reviewWords", "must list at least one word") }
        if settingWords.isEmpty { problem("settingWords", "must list at least one word") }
        guard problems.isEmpty else { throw FrameworkError(problems: problems) }
        self.version = version
        self.framework = framework.id
        self.checks = checks.sorted { $0.kind < $1.kind }
        self.suggest = suggest
        self.planDateLabels = planDateLabels
        self.reviewWords = reviewWords
        self.draftWords = draftWords
        self.nothingWords = nothingWords
        self.settingWords = settingWords.map { $0.lowercased() }
        self.settingTypeWords = Set(settingTypeWords.map { $0.lowercased() })
    }

    /// The word lists a kind of check cannot work without, and whether each is missing.
    private static func needs(_ check: PlanCheckRule) -> [(String, Bool)] {
        switch check.kind {
        case .vagueWording, .outcomeIsProvision, .noSettingInFinal: [("phrases", check.phrases.isEmpty)]
        case .unquantifiedProvision: [("frequency", check.frequency.isEmpty), ("amount", check.amount.isEmpty)]
        case .noExpertise: [("roles", check.roles.isEmpty)]
        case .outcomeNotTimeBound: [("timeFrames", check.timeFrames.isEmpty)]
        case .staleAdvice: [("maxAgeDays", (check.maxAgeDays ?? 0) < 1)]
        case .repeatedText: [("minWords", (check.minWords ?? 0) < 2)]
        case .templateText:
            [
                (
                    "bracketWords, markers or phrases",
                    check.bracketWords.isEmpty && check.markers.isEmpty && check.phrases.isEmpty
                )
            ]
        case .missingSection, .settingNamedInDraft, .noReviewDate: []
        }
    }

    /// The check of a kind, if the rules run it.
    public func check(_ kind: PlanCheckKind) -> PlanCheckRule? { checks.first { $0.kind == kind } }

    /// The criteria each check informs, for comparing checks with auditors' ratings.
    public var informedCriteria: [PlanCheckKind: Set<String>] {
        var informs: [PlanCheckKind: Set<String>] = [:]
        for check in checks where !check.informs.isEmpty { informs[check.kind] = Set(check.informs.values) }
        return informs
    }
}
