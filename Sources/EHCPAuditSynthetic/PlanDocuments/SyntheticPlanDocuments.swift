import EHCPAudit

/// Fictional EHC plan documents (`.docx`, `.odt`, `.md`) with the findings the plan checks
/// must give for each: a known truth for measuring a checker's precision and recall.
///
/// Each document is made from the seed and its number alone, so any one can be made
/// again without the others, and the same seed always gives the same bytes. About one plan
/// in four is a draft; faults (vague or unquantified provision, provision with no one to
/// deliver it, outcomes with no time frame or describing a service, a school named in a
/// draft, no setting in a final plan, stale advice, a missing section, no review date,
/// template text, a repeated sentence) are placed with a chance per plan or per item, and
/// some plans have none. Text that is not a fault never triggers a check.
///
/// ```swift
/// let plans = SyntheticPlanDocuments(seed: "demo", asOf: CalendarDate("2025-06-01")!)
/// let plan = try plans.document(1, of: 10)   // plan-0001.docx, .odt or .md
/// ```
public struct SyntheticPlanDocuments: Sendable {
    /// Words of a plan by default: a short plan.
    public static let defaultWords = 1_500

    public let seed: String
    /// About how many words each plan holds (items are added to E and F to reach it).
    public let words: Int
    /// Plans are dated within the 330 days up to this day.
    public let asOf: CalendarDate

    public init(seed: String, words: Int = defaultWords, asOf: CalendarDate) {
        self.seed = seed
        self.words = words
        self.asOf = asOf
    }

    /// Plan document `number` (from 1) of `count`: the count sets the width of the file names.
    public func document(_ number: Int, of count: Int) throws -> SyntheticPlanDocument {
        let width = max(4, String(count).count)
        var composer = PlanComposer(seed: seed + ":plan-document:\(number)", words: words, asOf: asOf)
        let format = composer.profile.format
        let file = "plan-\(String(number).leftPadded(width)).\(format.rawValue)"
        composer.file = file
        let (blocks, findings) = composer.compose()
        let bytes: [UInt8] =
            switch format {
            case .docx: try DocxWriter.document(blocks)
            case .odt: try ODTWriter.document(blocks)
            case .md: MarkdownPlanWriter.document(blocks)
            }
        return SyntheticPlanDocument(
            fileName: file, format: format, bytes: bytes, status: composer.profile.isDraft ? "draft" : "final",
            planDate: composer.profile.planDate, expected: PlanDocument(blocks: blocks.map(\.documentBlock)),
            findings: findings)
    }
}
