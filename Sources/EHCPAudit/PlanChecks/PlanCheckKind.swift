/// The twelve things a plan check can look for (docs/plan-checks.md, "Checks").
///
/// What each one looks for is code; its words, sections, criteria, message, source and
/// suggestion thresholds are data in the rules file. A rules file or an audit record's
/// `planChecks` naming any other id is refused.
public enum PlanCheckKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case missingSection = "missing-section"
    case vagueWording = "vague-wording"
    case unquantifiedProvision = "unquantified-provision"
    case noExpertise = "no-expertise"
    case outcomeNotTimeBound = "outcome-not-time-bound"
    case outcomeIsProvision = "outcome-is-provision"
    case settingNamedInDraft = "setting-named-in-draft"
    case noSettingInFinal = "no-setting-in-final"
    case staleAdvice = "stale-advice"
    case noReviewDate = "no-review-date"
    case templateText = "template-text"
    case repeatedText = "repeated-text"

    /// In the order the spec lists them.
    public static func < (a: PlanCheckKind, b: PlanCheckKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
