import EHCPAuditTestSupport
import Foundation
import Testing

struct XMLCommandTests {
    let score = ["score", "--criteria", "criteria/ehcp-qa.yaml", "--format", "json"]

    @Test(arguments: [
        ("audits-2025-06.json", "audits-2025-06.xml"), ("audits-2025-06-late.jsonl", "audits-2025-06-late.xml"),
        ("AUD-2025-06-0012.json", "AUD-2025-06-0012.xml"),
    ])
    func theSameAuditsScoreByteIdenticallyFromJSONAndXML(_ json: String, _ xml: String) throws {
        let fromJSON = try CLIRunner.run(score + ["samples/\(json)"])
        let fromXML = try CLIRunner.run(score + ["samples/\(xml)"])
        #expect(fromJSON.status == 0 && fromXML.status == 0)
        #expect(fromXML.stdout == fromJSON.stdout)
        #expect(fromXML.stdout.count > 100)
    }

    @Test func convertsJSONToXMLAndBackWithoutLoss() throws {
        let folder = try temporaryFolder()
        let xml = folder.appendingPathComponent("a.xml").path, json = folder.appendingPathComponent("a.json").path
        #expect(
            try CLIRunner.run([
                "convert", "--to", "xml", "-o", xml, "samples/audits-2025-06.json", "samples/audits-2025-06-late.jsonl",
            ]).status == 0)
        #expect(try CLIRunner.run(["convert", "--to", "json", "-o", json, xml]).status == 0)
        let original = try CLIRunner.run(score + ["samples/audits-2025-06.json", "samples/audits-2025-06-late.jsonl"])
            .stdout
        #expect(try CLIRunner.run(score + [xml]).stdout == original)
        #expect(try CLIRunner.run(score + [json]).stdout == original)
        let comments = try String(contentsOfFile: json, encoding: .utf8)
        #expect(comments.contains("Child's own words throughout, with photos chosen by them."))
    }

    @Test func convertWritesNoFileWhenARecordIsRefused() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("converted.xml").path
        let run = try CLIRunner.run([
            "convert", "--to", "xml", "-o", target, "samples/audits-2025-06.json", "samples/invalid/personal-data.json",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("samples/invalid/personal-data.json:269: error:"))
        #expect(!FileManager.default.fileExists(atPath: target))
        // Not even a temporary file of its own.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func hostileXMLIsRefusedAndLeaksNothing() throws {
        let files = try CLIRunner.samples("samples/invalid", extensions: ["xml"])
        let run = try CLIRunner.run(score + files)
        #expect(run.status == 1)
        #expect(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) is [String: Any])
        let pattern = try Regex(#"^samples/invalid/xml-[a-z-]+\.xml:\d+: error: "#)
        #expect(run.stderr.split(separator: "\n").allSatisfy { $0.firstMatch(of: pattern) != nil })
        for name in files { #expect(run.stderr.contains(name), "\(name) was not reported") }
        let passwd = try String(contentsOfFile: "/etc/passwd", encoding: .utf8)
        #expect(!run.stderr.contains(passwd.split(separator: "\n")[0]))
    }
}
