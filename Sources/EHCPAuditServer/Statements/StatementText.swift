import EHCPAuditKit

/// What the two statements share: a council's paragraphs, shown as written (escaped, never
/// read as markup), and how to reach the council.
enum StatementText {
    static func paragraphs(_ paragraphs: [String]) -> HTML {
        paragraphs.map { paragraph -> HTML in "<p>\(paragraph)</p>" }.joined()
    }

    /// "email a@b.gov.uk" as a link, or, without site information, whom to ask.
    static func contact(_ info: SiteInfo?) -> HTML {
        guard let info else { return "ask the council that gave you access to this workspace" }
        return "email <a href=\"mailto:\(info.contact)\">\(info.contact)</a>"
    }
}
