import EHCPAuditTestSupport
import Foundation
import Testing

/// The store through the command line, as the QA lead uses it.
struct StoreCommandTests {
    let folder: URL
    var db: String { folder.appendingPathComponent("audit.sqlite").path }

    init() throws {
        folder = try temporaryFolder()
    }

    func run(_ arguments: [String]) throws -> CLIRunner.Run {
        try CLIRunner.run(arguments + ["--db", db])
    }

    func status() throws -> [String: Any] {
        let run = try run(["status", "--format", "json"])
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
    }

    /// A JSON Lines file of `count` valid audits, copies of a sample under new ids.
    func bigFile(_ name: String, count: Int, prefix: String) throws -> String {
        let line = try String(
            contentsOfFile: CLIRunner.projectRoot.appendingPathComponent("samples/audits-2025-06-late.jsonl").path,
            encoding: .utf8
        )
        .split(separator: "\n")[0]
        // A routine audit: a moderation audit would need the audit it moderates (docs/records.md).
        .replacingOccurrences(of: #""kind": "moderation""#, with: #""kind": "routine""#)
        .replacingOccurrences(of: #""moderates": "AUD-2025-06-0003", "#, with: "")
        var text = ""
        text.reserveCapacity(count * (line.count + 8))
        for i in 1...count { text += line.replacingOccurrences(of: "AUD-2025-06-0008", with: "\(prefix)-\(i)") + "\n" }
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func importsIdempotentlyAndReports() throws {
        let first = try run([
            "import", "--criteria", "criteria/ehcp-qa.yaml", "samples/audits-2025-06.json",
            "samples/audits-2025-06-late.jsonl",
        ])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("11 imported, 0 unchanged, 0 refused."))
        let again = try run(["import", "samples/audits-2025-06.xml"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 imported, 7 unchanged, 0 refused."))
        let status = try status()
        #expect(status["audits"] as? Int == 11 && status["frameworks"] as? Int == 1)
        #expect(status["populations"] as? Int == 0 && status["samples"] as? Int == 0)
    }

    @Test func aFileWithOneInvalidRecordStoresNothingButOtherFilesDo() throws {
        let mixed = folder.appendingPathComponent("mixed.jsonl").path
        let good = try String(
            contentsOfFile: CLIRunner.projectRoot.appendingPathComponent("samples/audits-2025-06-late.jsonl").path,
            encoding: .utf8
        ).split(separator: "\n")
        let bad = try String(
            contentsOfFile: CLIRunner.projectRoot.appendingPathComponent("samples/invalid/no-needs-advice-rated.json")
                .path, encoding: .utf8)
        let badLine = String(
            data: try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(bad.utf8))),
            encoding: .utf8)!
        try ([String(good[0]), badLine, String(good[1])].joined(separator: "\n") + "\n").write(
            toFile: mixed, atomically: true, encoding: .utf8)
        // The audits the late ones moderate come first (docs/records.md).
        let run = try run(["import", "--criteria", "criteria/ehcp-qa.yaml", "samples/audits-2025-06.json", mixed])
        #expect(run.status == 1)
        #expect(run.stderr.contains("mixed.jsonl:2: error: record #2 AUD-2025-06-0906"))
        #expect(run.stderr.contains("mixed.jsonl: 1 record refused, so nothing of this file was stored."))
        #expect(try status()["audits"] as? Int == 7)
    }

    @Test func aChangedAuditNeedsReplace() throws {
        _ = try run(["import", "--criteria", "criteria/ehcp-qa.yaml", "samples/AUD-2025-06-0012.json"])
        let changed = try String(
            contentsOfFile: CLIRunner.projectRoot.appendingPathComponent("samples/AUD-2025-06-0012.json").path,
            encoding: .utf8
        )
        .replacingOccurrences(of: "auditor-09", with: "auditor-10")
        let path = folder.appendingPathComponent("changed.json").path
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try run(["import", path])
        #expect(refused.status == 1 && refused.stderr.contains("already stored with different content"))
        let replaced = try run(["import", "--replace", path])
        #expect(replaced.status == 0 && replaced.stdout.contains("1 replaced"))
    }

    @Test func twoImportsAtOnceBothLand() throws {
        _ = try run(["import", "--criteria", "criteria/ehcp-qa.yaml", "samples/AUD-2025-06-0012.json"])
        let a = try bigFile("a.jsonl", count: 800, prefix: "A"), b = try bigFile("b.jsonl", count: 800, prefix: "B")
        let processes = [a, b].map { file -> Process in
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.arguments = ["import", file, "--db", db]
            process.currentDirectoryURL = CLIRunner.projectRoot
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        #expect(try status()["audits"] as? Int == 1601)
    }

    @Test func killingAnImportLeavesTheStoreIntactAndTheFileAbsent() throws {
        _ = try run(["import", "--criteria", "criteria/ehcp-qa.yaml", "samples/AUD-2025-06-0012.json"])
        let file = try bigFile("big.jsonl", count: 30_000, prefix: "K")
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["import", file, "--db", db]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import finished before it could be killed")
        #expect(try status()["audits"] as? Int == 1)
        let check = try CLIRunner.run(["import", file, "--db", db])
        #expect(check.status == 0)
        #expect(try status()["audits"] as? Int == 30_001)
    }

    @Test func nothingFromTheSEN2ReturnThatIdentifiesAChildIsStored() throws {
        let run = try run(["population", "import", "--as-of", "2025-06-01", "samples/sen2-2025.xml"])
        #expect(run.status == 0, "\(run.stderr)")
        let sen2 = try String(
            contentsOfFile: CLIRunner.projectRoot.appendingPathComponent("samples/sen2-2025.xml").path, encoding: .utf8)
        var secrets = Set<String>()
        for tag in ["Surname", "Forename", "PersonBirthDate", "PostCode", "UPN"] {
            for part in sen2.components(separatedBy: "<\(tag)>").dropFirst() {
                secrets.insert(String(part.prefix { $0 != "<" }))
            }
        }
        #expect(secrets.count > 50)
        var stored = Data()
        for suffix in ["", "-wal", "-shm"] {
            stored += (try? Data(contentsOf: URL(fileURLWithPath: db + suffix))) ?? Data()
        }
        let text = String(decoding: stored, as: UTF8.self)
        for secret in secrets { #expect(!text.contains(secret), "\(secret) is in the store") }
        #expect(!run.stdout.contains(secrets.first!))
    }

    @Test func aPopulationWithAnErrorStoresNothing() throws {
        let path = folder.appendingPathComponent("bad.csv").path
        try "plan_id,locality\nP1,North\nP2,South\nP1,East\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try run(["population", "import", "--as-of", "2025-06-01", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.csv:4: error: at plan_id: duplicate plan_id P1 (first on line 2)"))
        #expect(try status()["populations"] as? Int == 0)
    }

    @Test func drawsRecordsAndTracksTheMonthlySample() throws {
        _ = try run(["import", "--criteria", "criteria/ehcp-qa.yaml", "samples/audits-2025-06.json"])
        _ = try run(["population", "import", "--as-of", "2025-06-01", "samples/population-2025-06.csv"])
        let drawn = try run(["sample", "--month", "2025-06", "--seed", "board", "--format", "json"])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let sample = try JSONSerialization.jsonObject(with: Data(drawn.stdout.utf8)) as? [String: Any]
        #expect(sample?["target"] as? Int == 13)
        #expect((sample?["selected"] as? [Any])?.count == 13)
        #expect(
            try run(["sample", "--month", "2025-06", "--seed", "board"]).status == 0, "the same inputs again are fine")
        let other = try run(["sample", "--month", "2025-06", "--seed", "other"])
        #expect(other.status == 1 && other.stderr.contains("--replace"))
        let progress = try run(["progress", "--month", "2025-06", "--format", "json"])
        let months =
            (try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as? [String: Any])?["months"]
            as? [[String: Any]]
        #expect(months?.first?["target"] as? Int == 13)
        #expect(months?.first?["completed"] as? Int == 7)
        #expect(
            try run(["progress", "--from", "2025-05", "--to", "2025-06", "--format", "csv"]).stdout.split(
                separator: "\n"
            ).count == 3)
    }

    @Test func samplesWithoutAStoreFromAPopulationFile() throws {
        let run = try CLIRunner.run(
            [
                "sample", "--population",
                CLIRunner.projectRoot.appendingPathComponent("samples/population-2025-06.csv").path, "--month",
                "2025-07", "--seed", "s", "--format", "csv",
            ], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("plan_id,stratum,rank\n"))
        #expect(run.stdout.split(separator: "\n").count == 14)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("ehcp-audit.sqlite").path))
    }
}
