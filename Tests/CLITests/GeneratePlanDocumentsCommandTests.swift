import EHCPAuditTestSupport
import Foundation
import Testing

/// `generate --plan-documents`: fictional plan documents with their truth and plan ids.
struct GeneratePlanDocumentsCommandTests {
    let folder: URL

    init() throws { folder = try temporaryFolder() }

    func run(_ arguments: [String]) throws -> CLIRunner.Run { try CLIRunner.run(arguments, in: folder) }
    func read(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
    func listing(_ name: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(name).path).sorted()
    }

    @Test func writesTheDocumentsTheirTruthAndPlanIdsAlone() throws {
        let result = try run(["generate", "--plan-documents", "12", "--seed", "s", "--out", "g"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try listing("g") == ["plans"])
        let files = try listing("g/plans")
        #expect(files.count == 14 && files.contains("truth.jsonl") && files.contains("plan-ids.csv"))
        let ids = try read("g/plans/plan-ids.csv").split(separator: "\n")
        #expect(ids.first == "file,planId" && ids.count == 13)
        #expect(ids.dropFirst().allSatisfy { $0.wholeMatch(of: /plan-00\d\d\.(docx|odt|md),P\d{7}/) != nil })
        let truth = try read("g/plans/truth.jsonl").split(separator: "\n").map(String.init)
        #expect(!truth.isEmpty)
        for line in truth {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(files.contains(object["file"] as? String ?? ""), "\(line)")
            #expect(object["check"] is String)
        }
        #expect(truth.map { $0.prefix(30) } == truth.map { $0.prefix(30) }.sorted(), "sorted by file first")
    }

    @Test func theSameSeedWritesTheSameBytes() throws {
        for out in ["a", "b"] {
            #expect(try run(["generate", "--plan-documents", "4", "--seed", "same", "--out", out]).status == 0)
        }
        for name in try listing("a/plans") {
            let one = try Data(contentsOf: folder.appendingPathComponent("a/plans/" + name))
            #expect(try one == Data(contentsOf: folder.appendingPathComponent("b/plans/" + name)), "\(name)")
        }
    }

    @Test func planIdsAreDrawnFromThePopulationWritten() throws {
        let result = try run([
            "generate", "--plans", "40", "--audits", "5", "--plan-documents", "10", "--seed", "s", "--out", "g",
            "--criteria", CLIRunner.projectRoot.appendingPathComponent("criteria/ehcp-qa.yaml").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let population = Set(try read("g/population.csv").split(separator: "\n").dropFirst().map { $0.prefix(8) })
        let ids = try read("g/plans/plan-ids.csv")
            .split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[1]) }
        #expect(ids.count == 10 && Set(ids).count == 10)
        #expect(ids.allSatisfy { population.contains(Substring($0)) })
    }

    @Test(arguments: [
        (["--plan-documents", "3", "--plans", "10"], "Missing expected argument '--audits <audits>'"),
        (["--plans", "10", "--audits", "1"] + ["--plan-documents", "11"], "--plan-documents must be at most --plans"),
        (["--plan-documents", "0"], "--plan-documents must be from 1 to 100000"),
        (["--plan-documents", "2", "--plan-words", "10"], "--plan-words must be from 500 to 50000"),
        (["--audits", "3"], "Missing expected argument '--plans <plans>'"),
    ])
    func badOptionsAreRefusedAndNothingIsWritten(options: [String], message: String) throws {
        let result = try run(["generate", "--seed", "s", "--out", "g"] + options)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("g").path))
    }
}
