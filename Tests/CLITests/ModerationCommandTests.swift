import CLibXML2
import EHCPAuditTestSupport
import Foundation
import Testing

/// `report moderation` and the monthly report's control chart, over a generated year.
struct ModerationCommandTests {
    static let folder: URL = try! temporaryFolder()
    static var db: String { folder.appendingPathComponent("year.sqlite").path }
    static let prepared: Bool = {
        let year = folder.appendingPathComponent("year").path
        for arguments in [
            ["generate", "--plans", "2000", "--audits", "2400", "--seed", "moderation", "--out", year],
            ["import", "--db", db, "--criteria", "criteria/ehcp-qa.yaml", year + "/audits.jsonl"],
        ] {
            guard (try? CLIRunner.run(arguments))?.status == 0 else { return false }
        }
        return true
    }()

    func run(_ arguments: [String]) throws -> CLIRunner.Run {
        try #require(Self.prepared)
        return try CLIRunner.run(["report"] + arguments + ["--db", Self.db])
    }

    @Test func jsonHasEveryFigureRoundedToFourPlaces() throws {
        let run = try run(["moderation", "--from", "2024-07", "--to", "2025-06", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["from"] as? String == "2024-07" && json["to"] as? String == "2025-06")
        #expect((json["framework"] as? [String: String])?["id"] == "ehcp-qa")
        #expect((json["pairs"] as? Int ?? 0) > 20)
        for key in [
            "unmatched", "criteria", "naDisagreements", "grades", "percentDifference", "auditors", "byCriterion",
        ] {
            #expect(json[key] != nil, "\(key)")
        }
        let decimals = try Regex(#"\.\d{5,}"#)
        #expect(!run.stdout.contains(decimals), "no number has more than 4 decimals")
    }

    @Test func textReadsAtEightyColumnsAndSaysWhatAlphaMeans() throws {
        let text = try run(["moderation", "--from", "2024-07", "--to", "2025-06"]).stdout
        #expect(
            text.contains("Krippendorff suggests") || text.contains("Krippendorff asks")
                || text.contains("Krippendorff's threshold"))
        #expect(text.contains("too few to judge"), "no auditor here has five pairs")
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    @Test func aPeriodWithoutModerationSaysSo() throws {
        let run = try run(["moderation", "--month", "2023-01", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["pairs"] as? Int == 0 && json["framework"] is NSNull)
        #expect(
            try self.run(["moderation", "--month", "2023-01"]).stdout.contains("No moderation audit in this period"))
    }

    @Test func anUnknownFrameworkIsRefused() throws {
        let run = try run(["moderation", "--month", "2025-06", "--framework", "nope@1"])
        #expect(run.status == 1 && run.stderr.contains("no framework nope@1"))
        #expect(try self.run(["moderation", "--month", "2025-06", "--framework", "@"]).status != 0)
    }

    @Test func htmlHasTheBlandAltmanChartAndItsTable() throws {
        let path = Self.folder.appendingPathComponent("moderation.html").path
        #expect(
            try run(["moderation", "--from", "2024-07", "--to", "2025-06", "--format", "html", "-o", path]).status == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("Difference against mean percent") && !html.contains("<script"))
        let parsed = html.withCString {
            htmlReadMemory(
                $0, Int32(strlen($0)), "m.html", "UTF-8", Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NONET.rawValue)
            )
        }
        #expect(parsed != nil)
        xmlFreeDoc(parsed)
    }

    @Test func theMonthlyReportChartsGoodOrBetterWithControlLimits() throws {
        let run = try run(["monthly", "--month", "2025-06", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let spc = try #require(json["spc"] as? [String: Any])
        let months = try #require(spc["months"] as? [[String: Any]])
        #expect(months.count == 12 && spc["centre"] is Double)
        #expect(months.allSatisfy { $0["lower"] is Double && $0["upper"] is Double && $0["signal"] is Bool })
        let findings = ["improvement", "deterioration", "mixed", "common-cause"]
        #expect(findings.contains(spc["finding"] as? String ?? ""))
        // Generated years improve month by month: the last quarter beats the first.
        let shares = months.compactMap { $0["share"] as? Double }
        #expect(shares.count == 12 && shares.suffix(3).reduce(0, +) > shares.prefix(3).reduce(0, +))
        let agreement = try #require(json["moderationAgreement"] as? [String: Any])
        #expect((agreement["pairs"] as? Int ?? 0) > 0)
        let text = try self.run(["monthly", "--month", "2025-06"]).stdout
        #expect(text.contains("control limits") && text.contains("Do auditors agree?"))
    }
}
