import EHCPAuditTestSupport
import Foundation
import Testing

/// Regressions from the adversarial review (issue 13): output files, exit statuses,
/// options and the store, driven through the executable as a user would.
struct RobustnessCommandTests {
    let folder: URL
    let criteria = CLIRunner.projectRoot.appendingPathComponent("criteria/ehcp-qa.yaml").path
    let samples = CLIRunner.projectRoot.appendingPathComponent("samples").path

    init() throws {
        folder = try temporaryFolder()
    }

    func run(_ arguments: [String]) throws -> CLIRunner.Run { try CLIRunner.run(arguments, in: folder) }
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

    @Test func aWriteErrorOnStandardOutputFailsTheCommand() throws {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["criteria", criteria]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(
            String(decoding: CLIRunner.readAll(err.fileHandleForReading), as: UTF8.self).contains(
                "cannot write standard output"))
    }

    @Test func outputIsNeverWrittenIntoAFolderOrThroughALink() throws {
        try FileManager.default.createDirectory(atPath: path("dir"), withIntermediateDirectories: false)
        let intoFolder = try run(["convert", "--to", "xml", "-o", path("dir"), "\(samples)/audits-2025-06.json"])
        #expect(intoFolder.status != 0)
        #expect(intoFolder.stderr.contains("Is a directory"))
        try "keep me".write(toFile: path("victim"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path("link.xml"), withDestinationPath: path("victim"))
        let throughLink = try run(["convert", "--to", "xml", "-o", path("link.xml"), "\(samples)/audits-2025-06.json"])
        #expect(throughLink.status != 0 && throughLink.stderr.contains("not a regular file"))
        #expect(try String(contentsOfFile: path("victim"), encoding: .utf8) == "keep me")
        #expect(try listing() == ["dir", "link.xml", "victim"], "no temporary file is left behind")
        let good = try run(["convert", "--to", "xml", "-o", path("out.xml"), "\(samples)/audits-2025-06.json"])
        #expect(good.status == 0)
        #expect(try listing() == ["dir", "link.xml", "out.xml", "victim"])
    }

    @Test func aReadingCommandNeverMakesAStore() throws {
        let status = try run(["status", "--db", path("typo.sqlite")])
        #expect(status.status != 0 && status.stderr.contains("no store here"))
        #expect(try listing().isEmpty)
    }

    @Test func anotherApplicationsDatabaseIsLeftUntouched() throws {
        let import1 = try run([
            "import", "--db", path("s.sqlite"), "--criteria", criteria, "\(samples)/audits-2025-06.json",
        ])
        #expect(import1.status == 0)
        // A SQLite file of another application: our application id is not in its header.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path("s.sqlite")))
        bytes.replaceSubrange(68..<72, with: [0, 0, 0, 1])
        try bytes.write(to: URL(fileURLWithPath: path("other.sqlite")))
        for arguments in [["status"], ["import", "\(samples)/AUD-2025-06-0012.xml"]] {
            let result = try run([arguments[0], "--db", path("other.sqlite")] + arguments.dropFirst())
            #expect(result.status != 0 && result.stderr.contains("not an ehcp-audit store"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("other.sqlite"))) == bytes)
    }

    @Test func aDamagedStoreFailsEveryCommand() throws {
        #expect(
            try run(["import", "--db", path("s.sqlite"), "--criteria", criteria, "\(samples)/audits-2025-06.json"])
                .status == 0)
        // Overwrite the b-tree header of every page but the first (16 KiB pages), as a
        // failing disk might: whatever the tables hold, the damage is where SQLite looks.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path("s.sqlite"))[.size] as? Int)
        let handle = try #require(FileHandle(forUpdatingAtPath: path("s.sqlite")))
        for page in stride(from: 16384, to: size, by: 16384) {
            try handle.seek(toOffset: UInt64(page))
            handle.write(Data(repeating: 0xA5, count: 12))
        }
        try handle.close()
        for arguments in [
            ["status"], ["report", "monthly", "--month", "2025-06"], ["import", "\(samples)/AUD-2025-06-0012.xml"],
        ] {
            let result = try run(arguments + ["--db", path("s.sqlite")])
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains("damaged"), "\(arguments)")
        }
    }

    @Test func aFileWithOneBadRecordIsReportedAsStoringNothing() throws {
        let text = try String(contentsOfFile: "\(samples)/audits-2025-06-late.jsonl", encoding: .utf8)
        try (text + "{\"auditId\":\"broken\"}\n").write(toFile: path("bad.jsonl"), atomically: true, encoding: .utf8)
        // The audits the late ones moderate, stored first (docs/records.md).
        _ = try run(["import", "--db", path("s.sqlite"), "--criteria", criteria, "\(samples)/audits-2025-06.json"])
        let result = try run(["import", "--db", path("s.sqlite"), "--criteria", criteria, path("bad.jsonl")])
        #expect(result.status != 0)
        #expect(
            result.stdout.hasPrefix("0 imported, 0 unchanged, 1 refused; nothing was stored from 1 of the 1 files."))
    }

    @Test(arguments: [
        (
            [
                "sample", "--population", "samples/population-2025-06.csv", "--month", "2025-07", "--seed", "s",
                "--rate", "-0.1",
            ], "rate must be above 0"
        ),
        (
            [
                "sample", "--population", "samples/population-2025-06.csv", "--month", "2025-07", "--seed", "s",
                "--lookback", "400000000000000000",
            ], "lookback must be from 0 to 1200"
        ),
        (
            ["generate", "--plans", "10", "--audits", "5", "--seed", "s", "--out", "g", "--months", "100000000000"],
            "--months must be from 1 to 120"
        ),
        (
            ["generate", "--plans", "10", "--audits", "5", "--seed", "s", "--out", "g", "--last-month", "0000-01"],
            "'0000-01' is invalid"
        ),
        (["report", "monthly", "--month", "2025-00"], "'2025-00' is invalid"),
    ])
    func optionsOutOfRangeAreRefusedWithAMessage(arguments: [String], message: String) throws {
        let result = try CLIRunner.run(
            arguments.map { $0.hasPrefix("samples/") ? CLIRunner.projectRoot.appendingPathComponent($0).path : $0 },
            in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try listing().isEmpty, "nothing is written")
    }

    @Test func theSameFrameworkIdAndVersionWithOtherContentIsRefused() throws {
        let text = try String(contentsOfFile: criteria, encoding: .utf8)
        try text.replacingOccurrences(of: "weight: 3", with: "weight: 4").write(
            toFile: path("changed.yaml"), atomically: true, encoding: .utf8)
        let result = try run([
            "score", "--criteria", criteria, "--criteria", path("changed.yaml"), "\(samples)/audits-2025-06.json",
        ])
        #expect(result.status != 0 && result.stderr.contains("already loaded with different content"))
    }

    @Test func anEmptyXMLFileSaysSo() throws {
        try "".write(toFile: path("empty.xml"), atomically: true, encoding: .utf8)
        let result = try run(["score", "--criteria", criteria, path("empty.xml")])
        #expect(result.status != 0 && result.stderr.contains("the file is empty"))
    }
}
