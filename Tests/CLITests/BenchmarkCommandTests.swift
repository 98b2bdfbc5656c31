import EHCPAuditTestSupport
import Foundation
import Testing

/// `ehcp-audit benchmark key|export|compare` (docs/comparison.md): two councils' bundles,
/// signed and compared, and every way a bundle is refused.
struct BenchmarkCommandTests {
    let folder: URL
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Two councils' stores (the June samples; the same generated year twice, from two
    /// seeds), their keys, signed bundles and a trust file.
    init() throws {
        folder = try temporaryFolder()
        for (council, seed) in [("north", "n"), ("south", "s")] {
            for arguments in [
                [
                    "generate", "--plans", "3000", "--audits", "1200", "--seed", seed, "--out", path(council),
                    "--last-month", "2025-06", "--criteria", "criteria/ehcp-qa.yaml",
                ],
                [
                    "import", "--db", path("\(council).sqlite"), "--criteria", "criteria/ehcp-qa.yaml",
                    path("\(council)/audits.jsonl"),
                ],
                ["benchmark", "key", "-o", path("\(council).key")],
            ] {
                let run = try CLIRunner.run(arguments)
                #expect(run.status == 0, "\(arguments): \(run.stderr)")
                if arguments[1] == "key" {
                    try run.stdout.write(toFile: path("\(council).pub"), atomically: true, encoding: .utf8)
                }
            }
            let name = council == "north" ? "Northshire" : "Southvale"
            let export = try CLIRunner.run([
                "benchmark", "export", "--db", path("\(council).sqlite"), "--to", "2025-06", "--council", name,
                "--sign", path("\(council).key"), "-o", path("\(council).json"),
            ])
            #expect(export.status == 0, "\(export.stderr)")
        }
        let trust = try ["Northshire": "north", "Southvale": "south"].mapValues {
            try String(contentsOfFile: path("\($0).pub"), encoding: .utf8).trimmingCharacters(
                in: .whitespacesAndNewlines)
        }
        try JSONSerialization.data(withJSONObject: trust).write(to: folder.appendingPathComponent("trust.json"))
    }

    func compare(_ bundles: [String], trust: Bool = true, format: String = "json") throws -> CLIRunner.Run {
        try CLIRunner.run(
            ["benchmark", "compare"] + bundles.map(path) + (trust ? ["--trust", path("trust.json")] : [])
                + ["--format", format])
    }

    @Test func keysAreSecretAndNeverReplaced() throws {
        let mode = try FileManager.default.attributesOfItem(atPath: path("north.key"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let before = try String(contentsOfFile: path("north.key"), encoding: .utf8)
        let again = try CLIRunner.run(["benchmark", "key", "-o", path("north.key")])
        #expect(again.status != 0 && again.stderr.contains("never replaced"))
        #expect(try String(contentsOfFile: path("north.key"), encoding: .utf8) == before)
    }

    @Test func comparesSignedBundlesWithAFunnelPerMeasure() throws {
        let run = try compare(["north.json", "south.json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["comparable"] as? [String] == ["Northshire", "Southvale"])
        let funnels = try #require(json["funnels"] as? [[String: Any]])
        #expect(funnels.map { $0["measure"] as? String } == ["goodOrBetter", "adviceOnTime", "within20Weeks"])
        let bundle = try String(contentsOfFile: path("north.json"), encoding: .utf8)
        #expect(bundle.contains("\"format\":\"ehcp-audit-benchmark/1\"") && bundle.contains("\"signature\":{"))
        let html = try compare(["north.json", "south.json"], format: "html")
        #expect(html.status == 0 && html.stdout.contains("<svg"))
    }

    /// Each bundle refused says why; nothing is written.
    @Test func refusesTamperedUnsignedWrongKeyAndMalformedBundles() throws {
        let north = try String(contentsOfFile: path("north.json"), encoding: .utf8)
        let audits = try #require(north.firstMatch(of: /"audits":(\d+)/)).1
        try north.replacingOccurrences(of: "\"audits\":\(audits)", with: "\"audits\":\(Int(audits)! + 100)")
            .write(toFile: path("tampered.json"), atomically: true, encoding: .utf8)
        let tampered = try compare(["tampered.json", "south.json"])
        #expect(tampered.status != 0 && tampered.stderr.contains("do not match its digest") && tampered.stdout.isEmpty)

        let unsigned = try CLIRunner.run([
            "benchmark", "export", "--db", path("north.sqlite"), "--to", "2025-06", "--council", "Northshire", "-o",
            path("unsigned.json"),
        ])
        #expect(unsigned.status == 0)
        #expect(
            try compare(["unsigned.json", "south.json"], trust: false).status == 0, "unsigned is fine without trust")
        let untrusted = try compare(["unsigned.json", "south.json"])
        #expect(untrusted.status != 0 && untrusted.stderr.contains("not signed"))

        let wrongKey = try CLIRunner.run([
            "benchmark", "export", "--db", path("north.sqlite"), "--to", "2025-06", "--council", "Northshire",
            "--sign", path("south.key"), "-o", path("wrong-key.json"),
        ])
        #expect(wrongKey.status == 0)
        let refused = try compare(["wrong-key.json", "south.json"])
        #expect(refused.status != 0 && refused.stderr.contains("key other than"))

        let forged = north.replacingOccurrences(
            of: #""value":""#, with: #""value":"AAAA"#)
        try forged.write(toFile: path("forged.json"), atomically: true, encoding: .utf8)
        #expect(try compare(["forged.json"]).stderr.contains("signature does not verify"))

        try "{\"format\": \"ehcp-audit-benchmark/1\",\n \"council\": 7}".write(
            toFile: path("malformed.json"), atomically: true, encoding: .utf8)
        let malformed = try compare(["malformed.json"])
        #expect(malformed.status != 0 && malformed.stderr.contains("malformed.json:2"))
        try "not json".write(toFile: path("text.json"), atomically: true, encoding: .utf8)
        #expect(try compare(["text.json"]).stderr.contains("text.json:1"))
    }
}
