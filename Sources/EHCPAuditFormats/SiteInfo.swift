import EHCPAudit
import Foundation

/// What a council says about itself on the workspace's public pages (`serve --site-info`):
/// its name and contact for the accessibility statement and the privacy notice, the
/// statement's date, and, when it wants them, its own words for either page.
///
/// ```swift
/// let info = try SiteInfoLoader.load(path: "/etc/ehcp-audit/site-info.yaml")
/// info.council          // "Anytown Borough Council"
/// info.accessibility    // nil: the workspace's own statement, naming the council
/// ```
public struct SiteInfo: Sendable, Equatable {
    /// The council running the workspace, as it names itself.
    public var council: String
    /// The email address for accessibility problems and data-protection questions.
    public var contact: String
    /// When the accessibility statement was prepared or last reviewed.
    public var statementDate: CalendarDate
    /// The lawful basis for processing, in the council's words (the privacy notice).
    public var lawfulBasis: [String]?
    /// How long records are kept, in the council's words (the privacy notice).
    public var retention: [String]?
    /// The whole accessibility statement in the council's words, as plain paragraphs.
    public var accessibility: [String]?
    /// The whole privacy notice in the council's words, as plain paragraphs.
    public var privacy: [String]?

    public init(
        council: String, contact: String, statementDate: CalendarDate, lawfulBasis: [String]? = nil,
        retention: [String]? = nil, accessibility: [String]? = nil, privacy: [String]? = nil
    ) {
        self.council = council
        self.contact = contact
        self.statementDate = statementDate
        self.lawfulBasis = lawfulBasis
        self.retention = retention
        self.accessibility = accessibility
        self.privacy = privacy
    }

    /// Plain text as paragraphs: split at blank lines, each paragraph's lines joined with a
    /// space. No markup is read: the pages show the text as it is written.
    public static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = [], current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.trimmingCharacters(in: .whitespaces)
            if words.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(Substring(words))
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }
}
