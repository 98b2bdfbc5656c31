import EHCPAuditTestSupport
import Foundation
import Testing

/// Family-voice records through the command line: validated, scored and imported like any
/// audit, reported on their own, and set beside the plan audits in the plan-audit report.
struct FamilyVoiceCommandTests {
    let folder: URL
    var db: String { folder.appendingPathComponent("voice.sqlite").path }
    static let criteria = ["--criteria", "criteria/ehcp-qa.yaml", "--criteria", "criteria/family-voice.yaml"]

    init() throws {
        folder = try temporaryFolder()
    }

    func imported() throws {
        let run = try CLIRunner.run(
            ["import", "--db", db] + Self.criteria + [
                "samples/audits-2025-06.json", "samples/family-voice-2025-06.json",
            ])
        #expect(run.status == 0 && run.stdout.contains("14 imported, 0 unchanged, 0 refused."), "\(run.stderr)")
    }

    func monthly(_ extra: [String]) throws -> [String: Any] {
        let run = try CLIRunner.run(
            ["report", "monthly", "--db", db, "--month", "2025-06", "--format", "json"] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func theSampleValidatesAndScoresAsWorkedByHand() throws {
        let valid = try CLIRunner.run(
            ["validate", "--criteria", "criteria/family-voice.yaml", "samples/family-voice-2025-06.json"])
        #expect(valid.status == 0 && valid.stdout.contains("7 records valid, 0 refused."), "\(valid.stderr)")
        let run = try CLIRunner.run(
            [
                "score", "--criteria", "criteria/family-voice.yaml", "--format", "csv",
                "samples/family-voice-2025-06.json",
            ])
        #expect(run.status == 0, "\(run.stderr)")
        // FV-0005 by hand: P = (agree 75 + neither 50) / 2 = 62.5 (FV3 N/A: the plan is too new);
        // W = (agree 75 + disagree 25 + agree 75) / 3 = 58.33; overall (62.5 + 58.33) / 2 = 60.42,
        // under Positive's 62.5, so Mixed; FV2 and FV5 are below "agree": two actions.
        #expect(run.stdout.contains("FV-2025-06-0005,P0005002,60.42,mixed,mixed,,2,62.50,58.33"))
        // FV-0004: P (50 + 25 + 25) / 3 = 33.33, W (25 + 0 + 75) / 3 = 33.33: Negative.
        #expect(run.stdout.contains("FV-2025-06-0004,P0004410,33.33,negative"))
        let text = try CLIRunner.run(
            ["score", "--criteria", "criteria/family-voice.yaml", "samples/family-voice-2025-06.json"]
        ).stdout
        #expect(text.contains("Mixed") && !text.contains("Outstanding") && !text.contains("Inadequate"))
    }

    @Test func aRecordNamingAPersonIsRefusedByName() throws {
        let sample = try String(
            contentsOfFile: Project.path("samples/family-voice-2025-06.json"), encoding: .utf8)
        let named = sample.replacingOccurrences(of: #""auditor": "fv-02""#, with: #""auditor": "Jane Smith""#)
        let file = folder.appendingPathComponent("named.json").path
        try named.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["import", "--db", db] + Self.criteria + [file])
        #expect(run.status != 0)
        #expect(run.stderr.contains("auditor \"Jane Smith\"") && run.stderr.contains("FV-2025-06-0002"))
        #expect(run.stdout.contains("0 imported"), "the whole file is refused: \(run.stdout)")
    }

    @Test func itsOwnMonthlyReportUsesItsOwnWords() throws {
        try imported()
        let own = try monthly(["--framework", "family-voice"])
        #expect(own["audits"] as? Int == 7 && own["familyVoice"] is NSNull)
        #expect(own["grades"] as? [String: Int] == ["very-positive": 1, "positive": 4, "mixed": 1, "negative": 1])
        let text = try CLIRunner.run(
            ["report", "monthly", "--db", db, "--month", "2025-06", "--framework", "family-voice"]
        ).stdout
        #expect(text.contains("were Positive or better") && !text.contains("were Good or better"))
    }

    @Test func thePlanAuditReportSetsTheFamilysViewBesideTheAuditors() throws {
        try imported()
        let report = try monthly([])
        let voice = try #require(report["familyVoice"] as? [String: Any])
        #expect(
            voice["plans"] as? Int == 6 && voice["from"] as? String == "2024-07" && voice["to"] as? String == "2025-06")
        let rows = try #require(voice["grades"] as? [[String: Any]])
        let ri = try #require(rows.first { $0["grade"] as? String == "requires-improvement" })
        // AUD-0003, AUD-0005 and AUD-0006 are Requires improvement; their families: Positive, Mixed, Positive.
        #expect(ri["plans"] as? Int == 3)
        #expect(ri["family"] as? [String: Int] == ["very-positive": 0, "positive": 2, "mixed": 1, "negative": 0])
        #expect(voice["family"] as? [String: Int] == ["very-positive": 1, "positive": 3, "mixed": 1, "negative": 1])
        for format in ["text", "markdown", "html"] {
            let run = try CLIRunner.run(["report", "monthly", "--db", db, "--month", "2025-06", "--format", format])
            #expect(run.stdout.contains("The family's view beside the auditor's"), "\(format)")
        }
        let published = try monthly(["--public"])
        #expect(published["familyVoice"] is NSNull, "six plans spread over the grades would all be hidden")
        #expect((published["suppressed"] as? [String])?.contains("familyVoice") == true)
        let html = try CLIRunner.run(
            ["report", "monthly", "--db", db, "--month", "2025-06", "--format", "html", "--public"]
        ).stdout
        #expect(!html.contains("view beside the auditor"))
    }
}
