import EHCPAuditTestSupport
import Foundation
import Testing

/// `retention` and `erase`, as the information-governance team asks for them.
struct DataProtectionCommandTests {
    let folder: URL
    var db: String { folder.appendingPathComponent("audit.sqlite").path }

    init() throws {
        folder = try temporaryFolder()
        let run = try CLIRunner.run([
            "import", "--db", folder.appendingPathComponent("audit.sqlite").path, "--criteria",
            "criteria/ehcp-qa.yaml", "samples/audits-2025-06.json", "samples/audits-2025-06-late.jsonl",
        ])
        try #require(run.status == 0, "\(run.stderr)")
    }

    func run(_ arguments: [String]) throws -> CLIRunner.Run {
        try CLIRunner.run(arguments + ["--db", db])
    }

    func audits() throws -> Int {
        let status = try run(["status", "--format", "json"])
        return (try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])?["audits"] as? Int
            ?? -1
    }

    @Test func erasesAPlanAndItsModerationSayingWhatWent() throws {
        let dry = try run(["erase", "--plan", "P0003171", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(
            dry.stdout == """
                Would remove 1 final audit, 0 draft audits, 1 moderation audit, 0 earlier audit versions, \
                0 advice reviews, 0 moderation assignments, 0 plan checks; nothing was removed (dry run).

                """)
        #expect(try audits() == 11)
        let erased = try run(["erase", "--plan", "P0003171"])
        #expect(erased.status == 0 && erased.stdout.hasPrefix("Removed 1 final audit, 0 draft audits, 1 moderation"))
        #expect(try audits() == 9)
        let again = try run(["erase", "--plan", "P0003171"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("the store holds no audit and no plan check of plan P0003171"))
    }

    @Test func retentionRemovesAuditsOlderThanTheYearsOnly() throws {
        // The June 2025 samples again, ten years earlier, beside the originals.
        let text = try String(
            contentsOfFile: CLIRunner.projectRoot.appendingPathComponent("samples/audits-2025-06.json").path,
            encoding: .utf8)
        let old = folder.appendingPathComponent("audits-2015-06.json").path
        try text.replacingOccurrences(of: "2025-", with: "2015-").write(toFile: old, atomically: true, encoding: .utf8)
        let imported = try run(["import", old])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try audits() == 18)
        let dry = try run(["retention", "--older-than", "9", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("Would remove 7 final audits, 0 draft audits, 0 moderation audits"))
        #expect(try audits() == 18)
        let removed = try run(["retention", "--older-than", "9"])
        #expect(removed.status == 0 && removed.stdout.hasPrefix("Removed 7 final audits, 0 draft audits"))
        #expect(try audits() == 11)
        let none = try run(["retention", "--older-than", "9"])
        #expect(none.status == 0 && none.stdout.hasPrefix("Removed 0 final audits, 0 draft audits"))
        let zero = try run(["retention", "--older-than", "0", "--dry-run"])
        #expect(zero.status != 0 && zero.stderr.contains("--older-than takes a whole number of years, 1 or more"))
    }

    @Test func aMissingStoreIsNotMade() throws {
        let missing = folder.appendingPathComponent("none.sqlite").path
        let run = try CLIRunner.run(["erase", "--plan", "P0003171", "--db", missing])
        #expect(run.status == 1 && run.stderr.contains("none.sqlite: no store here"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
