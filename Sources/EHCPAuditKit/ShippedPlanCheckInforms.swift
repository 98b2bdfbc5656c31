/// The shipped rules' informs mapping; replaced by the loaded rules file.
///
/// Which criteria of the shipped framework (criteria/ehcp-qa.yaml) each plan check informs,
/// as docs/plan-checks.md ("Checks") gives them: what `report moderation` and the
/// workspace's moderation report set the checks against (``PlanCheckAgreement``). The one
/// place the mapping is written, so that the plan-check rules file, once loaded, takes its
/// place. `missing-section` informs the first criterion of each section; `template-text`
/// informs none, so it has no row.
public enum ShippedPlanCheckInforms {
    public static let informs: [PlanCheckKind: Set<String>] = [
        .missingSection: ["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1a", "H2a", "I1", "J1", "K1"],
        .vagueWording: ["F4", "G1", "H1a", "H2a"],
        .unquantifiedProvision: ["F1", "G1", "H1a", "H2a"],
        .noExpertise: ["F3"],
        .outcomeNotTimeBound: ["E1"],
        .outcomeIsProvision: ["E2"],
        .settingNamedInDraft: ["I1"],
        .noSettingInFinal: ["I1"],
        .staleAdvice: ["K2"],
        .noReviewDate: ["F5"],
        .repeatedText: ["E2", "F1"],
    ]
}
