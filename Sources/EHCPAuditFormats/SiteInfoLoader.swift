import EHCPAudit
import Foundation

/// Reads a site-information file (docs/deploying.md, "The public pages"): YAML with the
/// council's name, contact and statement date, and optional texts. Read like a framework:
/// at most 64 KB, aliases refused, unknown keys refused, each problem with the file and line.
///
/// ```yaml
/// council: Anytown Borough Council
/// contact: send.quality@anytown.gov.uk
/// statementDate: 2026-01-15
/// lawfulBasis: |
///   Public task: UK GDPR Article 6(1)(e), under the Children and Families Act 2014.
/// ```
public enum SiteInfoLoader {
    /// The largest file read: a statement of a few pages is far smaller.
    public static let maxBytes = 64 << 10

    public static func load(path: String) throws(FrameworkLoadError) -> SiteInfo {
        try load(text: BoundedFile.text(path, mostBytes: maxBytes, what: "the site information"), file: path)
    }

    public static func load(text: String, file: String) throws(FrameworkLoadError) -> SiteInfo {
        let root: DocumentNode
        do throws(Diagnostic) {
            root = try YAMLDocument.parse(text, file: file, kind: "site-information file")
        } catch {
            throw FrameworkLoadError([error])
        }
        let log = ProblemLog()
        return try log.decoded(decode(root, log: log), file: file)
    }

    private static func decode(_ root: DocumentNode, log: ProblemLog) -> SiteInfo? {
        guard let object = ObjectReader(root, path: "$", log: log) else { return nil }
        let texts = ["lawfulBasis", "retention", "accessibility", "privacy"]
        object.refuseUnknown(allowed: ["council", "contact", "statementDate"] + texts)
        let council = object.string("council", required: true)
        let contact = object.string("contact", required: true)
        if let contact, !contact.isEmpty, !isEmailAddress(contact) {
            log.add(object.value("contact")!, object.childPath("contact"), "\"contact\" must be an email address")
        }
        let date = object.date("statementDate", required: true)
        var paragraphs: [String: [String]] = [:]
        for key in texts {
            guard let text = object.string(key) else { continue }
            let found = SiteInfo.paragraphs(text)
            if found.isEmpty { log.add(object.value(key)!, object.childPath(key), "\"\(key)\" must not be empty") }
            paragraphs[key] = found
        }
        guard let council, let contact, let date, log.problems.isEmpty else { return nil }
        return SiteInfo(
            council: council, contact: contact, statementDate: date, lawfulBasis: paragraphs["lawfulBasis"],
            retention: paragraphs["retention"], accessibility: paragraphs["accessibility"],
            privacy: paragraphs["privacy"])
    }

    /// One `@` between a name and a domain with a dot, no spaces: enough to catch a phone
    /// number or a name given by mistake.
    private static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}
