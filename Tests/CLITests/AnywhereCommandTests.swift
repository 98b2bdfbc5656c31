import EHCPAuditTestSupport
import Foundation
import Testing

/// The binary alone, copied to an empty folder and run there, as `scripts/install` leaves
/// it: the frameworks and the plan-check rules are built in, so no default needs the
/// repository.
struct AnywhereCommandTests {
    /// The copy of the built binary, alone in a folder of its own (made once: it is large).
    static let binary: URL = {
        let copy = try! temporaryFolder().appendingPathComponent("ehcp-audit")
        try! FileManager.default.copyItem(at: CLIRunner.executable, to: copy)
        return copy
    }()

    let folder: URL

    init() throws {
        folder = try temporaryFolder()
    }

    func run(_ arguments: [String]) throws -> CLIRunner.Run {
        try CLIRunner.run(arguments, in: folder, executable: Self.binary)
    }

    /// `arguments` succeed, or the test says why not.
    func succeed(_ arguments: [String]) throws -> CLIRunner.Run {
        let run = try run(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return run
    }

    @Test func theMainCommandsRunInAnEmptyFolder() throws {
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(try succeed(["--version"]).stdout == Release.version + "\n")
        let listed = try succeed(["criteria"]).stdout
        for name in ["ehcp-audit \(Release.version)", "ehcp-qa", "annual-review", "plan-checks"] {
            #expect(listed.contains(name))
        }
        #expect(try succeed(["criteria", "ehcp-qa"]).stdout.contains("How the grade is worked out"))

        _ = try succeed(["generate", "--plans", "40", "--audits", "30", "--seed", "anywhere", "--out", "data"])
        let imported = try succeed(["import", "--db", "store.sqlite", "--criteria", "ehcp-qa", "data/audits.jsonl"])
        #expect(imported.stdout.contains("30 imported"))
        let scored = try succeed(["score", "--criteria", "ehcp-qa", "--format", "csv", "data/audits.jsonl"])
        #expect(scored.stdout.split(separator: "\n").count == 31)
        #expect(
            try succeed(["report", "monthly", "--db", "store.sqlite", "--month", "2025-06"]).stdout.contains("2025"))
        let moderation = try succeed(["report", "moderation", "--db", "store.sqlite", "--month", "2025-06"])
        #expect(!moderation.stderr.contains("no plan-check rules"))
    }

    @Test func theBuiltInRulesCheckAPlanAsTheFilesDo() throws {
        try FileManager.default.copyItem(
            at: CLIRunner.projectRoot.appendingPathComponent("samples/plans/poor-final.docx"),
            to: folder.appendingPathComponent("poor-final.docx"))
        let builtIn = try succeed(["check", "--format", "json", "poor-final.docx"])
        #expect(builtIn.stdout.contains("\"check\""))
        let files = try succeed([
            "check", "--format", "json", "--rules", Project.path("criteria/plan-checks.yaml"), "--criteria",
            Project.path("criteria/ehcp-qa.yaml"), "poor-final.docx",
        ])
        #expect(builtIn.stdout == files.stdout)
    }

    /// What `serve` says on standard error until it listens (or stops), then it is stopped.
    func serveSays(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--db", "store.sqlite", "--port", "0"] + arguments
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // `availableData` gives what has come, where `read(upToCount:)` waits for the whole count.
        var said = ""
        while !said.contains("Serving") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said += String(decoding: chunk, as: UTF8.self)
        }
        process.terminate()
        process.waitUntilExit()
        return said
    }

    @Test func serveFindsItsRulesBuiltIn() throws {
        let said = try serveSays(["--criteria", "ehcp-qa"])
        #expect(said.contains("Serving"), "\(said)")
        #expect(!said.contains("is off"))
        let unknown = try serveSays(["--rules", "plan-chex"])
        #expect(unknown.contains("plan-chex: error: no such file, and no built-in plan-check rules of that name"))
        #expect(unknown.contains("plan-chex: without plan-check rules, \"Check a plan\" is off."))
        #expect(unknown.contains("Serving"))
    }

    @Test func aFileNamedLikeABuiltInFrameworkIsReadInstead() throws {
        try FileManager.default.copyItem(
            at: CLIRunner.projectRoot.appendingPathComponent("criteria/annual-review.yaml"),
            to: folder.appendingPathComponent("ehcp-qa"))
        #expect(try succeed(["criteria", "ehcp-qa"]).stdout.contains("Annual review"))
        #expect(try succeed(["criteria"]).stdout.contains("EHCP quality assurance framework"))
        let unknown = try run(["score", "--criteria", "ehcp-qb", "audits.json"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("ehcp-qb: error: no such file, and no built-in framework of that name"))
    }
}
