import EHCPAuditTestSupport
import Foundation
import Testing

/// A plan audited in March and again in June (the worked example, AUD-2025-06-0005): the
/// command line and the reports show what changed and which actions were acted on.
struct ReauditCommandTests {
    let folder: URL
    var db: String { folder.appendingPathComponent("reaudit.sqlite").path }
    var march: String { folder.appendingPathComponent("march.json").path }

    /// March's audit: the worked example with A1 and E1 rated Inadequate as well as F1.
    init() throws {
        folder = try temporaryFolder()
        let samples = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: CLIRunner.projectRoot.appendingPathComponent("samples/audits-2025-06.json")))
                as? [[String: Any]])
        var record = try #require(samples.first { $0["auditId"] as? String == "AUD-2025-06-0005" })
        record["auditId"] = "AUD-2025-03-0001"
        record["auditDate"] = "2025-03-10"
        record["judgements"] = (record["judgements"] as! [[String: Any]]).map { judgement in
            var judgement = judgement
            if ["A1", "E1"].contains(judgement["criterion"] as? String) { judgement["rating"] = "inadequate" }
            return judgement
        }
        try JSONSerialization.data(withJSONObject: [record]).write(to: URL(fileURLWithPath: march))
        let run = try CLIRunner.run([
            "import", "--db", db, "--criteria", "criteria/ehcp-qa.yaml", march, "samples/audits-2025-06.json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func scoreSaysWhatChangedSinceThePlansPreviousAudit() throws {
        let run = try CLIRunner.run([
            "score", "--criteria", "criteria/ehcp-qa.yaml", march, "samples/audits-2025-06.json",
        ])
        let text = run.stdout.replacingOccurrences(of: "\n  ", with: " ").replacingOccurrences(of: "  ", with: " ")
        #expect(text.contains("Since AUD-2025-03-0001 (2025-03-10): Requires improvement"))
        #expect(text.contains("Raised: A1 (Inadequate to Outstanding), E1 (Inadequate to Outstanding)."))
        #expect(text.contains("Its actions: 2 (E1, A1) closed, 1 (F1) still open, 0 not assessed."))
        #expect(run.stdout.components(separatedBy: "Since ").count == 2, "only the re-audited plan")
    }

    @Test func theMonthlyReportCountsTheActionsActedOn() throws {
        let run = try CLIRunner.run(["report", "monthly", "--db", db, "--month", "2025-06", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let reaudits = try #require(json["reaudits"] as? [String: Any])
        #expect(reaudits["plans"] as? Int == 1 && reaudits["actions"] as? Int == 3)
        #expect(
            reaudits["closed"] as? Int == 2 && reaudits["open"] as? Int == 1 && reaudits["notAssessed"] as? Int == 0)
        let grades = try #require(reaudits["grades"] as? [[String: Any]])
        let before = try #require(grades.first { $0["before"] as? String == "requires-improvement" })
        #expect((before["after"] as? [String: Int])?["requires-improvement"] == 1)
        let text = try CLIRunner.run(["report", "monthly", "--db", db, "--month", "2025-06"]).stdout
        #expect(text.contains("Were the actions acted on?"))
    }

    @Test func thePublicReportHidesOneReauditedPlan() throws {
        let run = try CLIRunner.run([
            "report", "monthly", "--db", db, "--month", "2025-06", "--format", "json", "--public",
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let reaudits = try #require(json["reaudits"] as? [String: Any])
        #expect(reaudits["plans"] is NSNull && reaudits["closed"] is NSNull && reaudits["open"] is NSNull)
    }

    @Test func theTeamsLearningPackSaysYouSaidWeDid() throws {
        let run = try CLIRunner.run(["report", "learning", "--db", db, "--month", "2025-06", "--by", "team"])
        let text = run.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(
            run.status == 0 && text.contains("You said, we did: plans re-audited in June 2025: 1; of the 3 actions"))
    }
}
