/// The bounds on a plan document (docs/plan-checks.md, "Documents"): past any of them the
/// document is refused with a message naming the bound, never half-read.
struct DocumentLimits: Sendable {
    /// The most bytes a document may have as uploaded or stored: 20 MiB. A 10,000-word plan
    /// exported from Word is well under 1 MiB; images account for the rest.
    var documentBytes = 20 * 1024 * 1024
    /// The most bytes of XML a `.docx` or `.odt` may unpack to: 64 MiB. Inflating stops as
    /// soon as the running total passes it, whatever the archive declares (a ZIP bomb).
    var xmlBytes = 64 * 1024 * 1024
    /// The most blocks (headings, paragraphs, list items, table rows) a document may have.
    var blocks = 100_000
    /// How deep tables may nest inside table cells (a table in a table is depth 2).
    var tableDepth = 8

    /// The bounds every reader uses; tests pass smaller ones.
    static let standard = DocumentLimits()

    /// `bytes` written for a person, such as "20 MiB".
    static func describe(bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MiB" : "\(bytes) bytes"
    }
}
