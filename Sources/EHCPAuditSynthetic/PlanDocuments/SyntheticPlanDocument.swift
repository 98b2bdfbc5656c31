import EHCPAudit

/// One synthetic plan document: its file, and the findings the plan checks must give for it.
public struct SyntheticPlanDocument: Sendable, Hashable {
    /// The file formats synthetic plans are written in.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case docx, odt, md
    }

    /// "plan-0001.docx".
    public let fileName: String
    public let format: Format
    /// The file as it is written.
    public let bytes: [UInt8]
    /// `draft` or `final`, as the spec's front matter rule reads it.
    public let status: String
    public let planDate: CalendarDate
    /// The blocks a reader of the file must give, in order (block `n` is `blocks[n - 1]`).
    public let expected: PlanDocument
    /// The findings the spec's rules give for it, sorted.
    public let findings: [ExpectedPlanFinding]

    /// Words in the document's text.
    public var words: Int {
        expected.blocks.reduce(0) { $0 + $1.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
    }
}
