import EHCPAuditTestSupport
import Foundation
import Testing

/// `serve`'s options that need no listening server: a site-information file with a mistake
/// stops it before the store is opened, naming the file and the line.
struct ServeCommandTests {
    let folder: URL

    init() throws { folder = try temporaryFolder() }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @Test func aSiteInformationFileWithAMistakeStopsServeBeforeTheStoreIsOpened() throws {
        let site = path("site.yaml")
        try "council: Anytown\ncontact: send@anytown.gov.uk\nstatementDate: 2026-13-01\n"
            .write(toFile: site, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["serve", "--db", path("store.sqlite"), "--site-info", site], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(site):3: error: at statementDate: "), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path("store.sqlite")), "no store was made")
    }

    @Test func anUnknownLogFormatIsRefusedWithTheFormatsThereAre() throws {
        let run = try CLIRunner.run(["serve", "--db", path("store.sqlite"), "--log-format", "xml"], in: folder)
        #expect(run.status != 0 && run.stderr.contains("'text' and 'json'"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path("store.sqlite")))
    }
}
