import EHCPAuditTestSupport
import Foundation
import Testing

/// `check`: documents read and checked on every core, written in the order given.
struct CheckCommandTests {
    let folder: URL

    init() throws { folder = try temporaryFolder() }

    func run(_ arguments: [String]) throws -> CLIRunner.Run {
        try CLIRunner.run(
            arguments + [
                "--rules", Project.path("criteria/plan-checks.yaml"), "--criteria",
                Project.path("criteria/ehcp-qa.yaml"),
            ],
            in: folder)
    }

    /// The documents' files, in the order the JSON lists them.
    func files(_ json: String) throws -> [String] {
        let plans = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        return plans.map { ($0["file"] as? String ?? "").split(separator: "/").last.map(String.init) ?? "" }
    }

    @Test func jsonIsWrittenInTheOrderGivenAsIfCheckedOneByOne() throws {
        #expect(
            try CLIRunner.run(["generate", "--plan-documents", "24", "--seed", "order", "--out", "g"], in: folder)
                .status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("g/plans").path)
            .filter { !$0.hasSuffix(".csv") && !$0.hasSuffix(".jsonl") }.sorted()
        // Written as each document is checked.
        let streamed = try run(["check", "--format", "json", "g/plans"])
        #expect(streamed.status == 0, "\(streamed.stderr)")
        #expect(try files(streamed.stdout) == names)
        // With plan ids the checked documents are all kept, then written: the same bytes.
        let kept = try run(["check", "--format", "json", "--plan-id-from", "g/plans/plan-ids.csv", "g/plans"])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout == streamed.stdout)
        // One document at a time, joined: the same bytes again.
        var objects: [String] = []
        for name in names {
            let one = try run(["check", "--format", "json", "g/plans/" + name])
            #expect(one.stdout.hasPrefix("[") && one.stdout.hasSuffix("]\n"))
            objects.append(String(one.stdout.dropFirst().dropLast(2)))
        }
        #expect("[" + objects.joined(separator: ",") + "]\n" == streamed.stdout)
        // To a file: the same bytes.
        #expect(try run(["check", "--format", "json", "g/plans", "-o", "out.json"]).status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8) == streamed.stdout)
    }

    @Test func aDocumentThatCannotBeReadIsReportedAndTheRestWrittenInOrder() throws {
        #expect(
            try CLIRunner.run(["generate", "--plan-documents", "6", "--seed", "bad", "--out", "g"], in: folder).status
                == 0)
        try Data("%PDF-1.4\n".utf8).write(to: folder.appendingPathComponent("g/plans/plan-0003a.docx"))
        let result = try run(["check", "--format", "json", "g/plans"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("plan-0003a.docx: a PDF cannot be checked"))
        let checked = try files(result.stdout)
        #expect(checked.count == 6 && checked == checked.sorted() && !checked.contains("plan-0003a.docx"))
    }
}
