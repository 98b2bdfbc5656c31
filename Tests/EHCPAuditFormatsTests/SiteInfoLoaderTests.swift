import EHCPAudit
import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditFormats

/// `serve --site-info`: read like a framework, each problem with its file and line.
struct SiteInfoLoaderTests {
    static let valid = """
        council: Anytown Borough Council
        contact: send.quality@anytown.gov.uk
        statementDate: 2026-01-15
        lawfulBasis: |
          Public task: UK GDPR Article 6(1)(e),
          under the Children and Families Act 2014.

          Special category data: none is kept.
        """

    func diagnostics(_ text: String) -> [String] {
        do {
            _ = try SiteInfoLoader.load(text: text, file: "site.yaml")
            Issue.record("expected the site information to be refused")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aValidFileGivesTheCouncilAndItsParagraphs() throws {
        let info = try SiteInfoLoader.load(text: Self.valid, file: "site.yaml")
        #expect(info.council == "Anytown Borough Council" && info.contact == "send.quality@anytown.gov.uk")
        #expect(info.statementDate == CalendarDate("2026-01-15"))
        #expect(
            info.lawfulBasis == [
                "Public task: UK GDPR Article 6(1)(e), under the Children and Families Act 2014.",
                "Special category data: none is kept.",
            ])
        #expect(info.retention == nil && info.accessibility == nil && info.privacy == nil)
    }

    @Test func paragraphsSplitAtBlankLinesOnly() {
        #expect(SiteInfo.paragraphs("  one\n two  \n\n\n three\n") == ["one two", "three"])
        #expect(SiteInfo.paragraphs("\n \n").isEmpty)
    }

    @Test func missingFieldsAreNamed() {
        #expect(
            diagnostics("council: Anytown\n") == [
                "site.yaml:1: error: at contact: missing required field \"contact\"",
                "site.yaml:1: error: at statementDate: missing required field \"statementDate\"",
            ])
    }

    @Test func aContactThatIsNotAnEmailAddressIsRefusedAtItsLine() {
        let text = Self.valid.replacingOccurrences(of: "send.quality@anytown.gov.uk", with: "01632 960000")
        #expect(diagnostics(text) == ["site.yaml:2: error: at contact: \"contact\" must be an email address"])
    }

    @Test func anImpossibleDateAnUnknownKeyAndAnEmptyTextAreRefused() {
        let text = Self.valid.replacingOccurrences(of: "2026-01-15", with: "2026-02-30") + "\nprivacy: \" \"\nfax: x\n"
        let found = diagnostics(text)
        #expect(found.count == 3)
        #expect(found.contains { $0.hasPrefix("site.yaml:10: error: at fax: unknown field \"fax\"") })
        #expect(found.contains { $0.hasPrefix("site.yaml:3: error: at statementDate: ") && $0.contains("2026-02-30") })
        #expect(found.contains("site.yaml:9: error: at privacy: \"privacy\" must not be empty"))
    }

    @Test func aliasesAndEmptyFilesAreRefusedInTheirOwnWords() {
        #expect(
            diagnostics("council: &c Anytown\ncontact: *c\n") == [
                "site.yaml:2: error: YAML aliases (*name) are not allowed in site-information files: write the value out"
            ])
        #expect(diagnostics("") == ["site.yaml:1: error: the file is empty: expected a site-information file"])
    }

    @Test func aFileOverTheLimitIsRefusedBeforeItIsParsed() throws {
        let path = try temporaryFile("site.yaml", Self.valid + "\n#" + String(repeating: "x", count: 64 << 10))
        #expect {
            try SiteInfoLoader.load(path: path)
        } throws: { error in
            (error as? FrameworkLoadError)?.diagnostics.first?.description.contains(
                "larger than 64 KiB, the most read: shorten it")
                == true
        }
        #expect {
            try SiteInfoLoader.load(path: path + ".missing")
        } throws: { error in
            (error as? FrameworkLoadError)?.diagnostics.first?.description
                .hasPrefix("\(path).missing: error: cannot read the site information") == true
        }
    }
}
