import EHCPAuditTestSupport
import Foundation
import Testing

/// `backup` and `verify-store`, as an operator runs them from a timer.
struct BackupCommandTests {
    let folder: URL
    var db: String { folder.appendingPathComponent("audit.sqlite").path }
    var backup: String { folder.appendingPathComponent("backup.sqlite").path }

    init() throws {
        folder = try temporaryFolder()
        let run = try CLIRunner.run([
            "import", "--db", folder.appendingPathComponent("audit.sqlite").path, "--criteria",
            "criteria/ehcp-qa.yaml", "samples/audits-2025-06.json", "samples/audits-2025-06-late.jsonl",
        ])
        try #require(run.status == 0, "\(run.stderr)")
    }

    @Test func backsUpThenVerifiesTheCopy() throws {
        let run = try CLIRunner.run(["backup", "--db", db, "-o", backup])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Backed up \(db) to \(backup); SQLite's integrity check passed."))
        #expect(run.stdout.contains("  final audits: 9\n  draft audits: 1\n  moderation audits: 1\n"))
        let verify = try CLIRunner.run(["verify-store", backup])
        #expect(verify.status == 0 && verify.stderr.isEmpty, "\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("Store \(backup)\n  integrity: ok\n  schema:    v8 (up to date)\n"))
        let json = try CLIRunner.run(["verify-store", backup, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["sound"] as? Bool == true && (object?["unknownMigrations"] as? [String])?.isEmpty == true)
        let counts = object?["counts"] as? [[String: Any]] ?? []
        #expect(counts.contains { $0["name"] as? String == "plans audited" && $0["value"] as? Int == 10 })
    }

    @Test func refusesTheStoreItselfAMissingStoreAndAFolderThatIsNotThere() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let itself = try CLIRunner.run(["backup", "--db", db, "-o", db])
        #expect(itself.status == 1)
        #expect(
            itself.stderr == "error: \(db): cannot back up the store here: it is the store itself; give another file\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        let missing = try CLIRunner.run(["backup", "--db", folder.appendingPathComponent("none").path, "-o", backup])
        #expect(missing.status == 1 && missing.stderr.contains("none: no store here"))
        let nowhere = try CLIRunner.run(["backup", "--db", db, "-o", folder.path + "/gone/backup.sqlite"])
        #expect(nowhere.status == 1 && nowhere.stderr.contains("gone/backup.sqlite: cannot back up the store here: "))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix("audit.sqlite") }
                .isEmpty)
    }

    @Test func verifyStoreFailsOnAFileThatIsNotAStore() throws {
        let notes = folder.appendingPathComponent("notes.txt").path
        try "not a store".write(toFile: notes, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["verify-store", notes])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr == "error: \(notes): this file is not an ehcp-audit store, so it was left as it is\n")
    }

    @Test func verifyStoreFailsOnADamagedCopy() throws {
        #expect(try CLIRunner.run(["backup", "--db", db, "-o", backup]).status == 0)
        let handle = try #require(FileHandle(forUpdatingAtPath: backup))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 / 16_384 * 16_384)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 16_384))
        try handle.close()
        let run = try CLIRunner.run(["verify-store", backup])
        #expect(run.status == 1)
        #expect(run.stdout.contains("  integrity: DAMAGED"))
        #expect(run.stderr.contains("\(backup): error: the store is damaged: "))
    }
}
