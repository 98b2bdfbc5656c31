import EHCPAuditTestSupport
import Foundation
import Testing

/// Plan audits and annual-review audits in one store: each report is about one framework,
/// and says how many audits it leaves to the other's report.
struct FrameworkSplitCommandTests {
    let folder: URL
    var db: String { folder.appendingPathComponent("split.sqlite").path }

    init() throws {
        folder = try temporaryFolder()
        let run = try CLIRunner.run([
            "import", "--db", db, "--criteria", "criteria/ehcp-qa.yaml", "--criteria", "criteria/annual-review.yaml",
            "samples/audits-2025-06.json", "samples/annual-reviews/audits-2025-06.json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
    }

    func monthly(_ extra: [String]) throws -> [String: Any] {
        let run = try CLIRunner.run(
            ["report", "monthly", "--db", db, "--month", "2025-06", "--format", "json"] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func thePlanReportLeavesAnnualReviewsToTheirOwnAndSaysHowMany() throws {
        let plans = try monthly([])
        let records = try scoredSamples().map(\.0).filter { $0.status == .final && $0.kind != .moderation }
        #expect(plans["audits"] as? Int == records.filter { $0.auditDate.description.hasPrefix("2025-06") }.count)
        #expect((plans["framework"] as? String)?.contains("ehcp-qa") == true)
        let others = try #require(plans["otherFrameworks"] as? [[String: Any]])
        #expect(
            others.count == 1 && others[0]["framework"] as? String == "annual-review"
                && others[0]["audits"] as? Int == 4)

        let reviews = try monthly(["--framework", "annual-review"])
        #expect(reviews["audits"] as? Int == 4)
        #expect((reviews["framework"] as? String)?.contains("annual-review") == true)
        let grades = try #require(reviews["grades"] as? [String: Int])
        #expect(grades == ["outstanding": 1, "good": 1, "requires-improvement": 1, "inadequate": 1])
        let text = try CLIRunner.run(["report", "monthly", "--db", db, "--month", "2025-06"]).stdout
            .replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("reported separately") && text.contains("4 made against annual-review"))
    }

    @Test func thePublicReportHidesASmallCountOfOtherAudits() throws {
        let published = try monthly(["--public"])
        let others = try #require(published["otherFrameworks"] as? [[String: Any]])
        #expect(others.first?["audits"] is NSNull, "4 annual-review audits is a small count")
    }

    @Test func anUnknownFrameworkIsRefusedInWords() throws {
        let run = try CLIRunner.run(["report", "monthly", "--db", db, "--month", "2025-06", "--framework", "nope"])
        #expect(run.status != 0 && run.stderr.contains("the store holds no framework nope"))
    }

    @Test func annualReviewSamplesScoreUnderTheirFramework() throws {
        let run = try CLIRunner.run([
            "score", "--criteria", "criteria/annual-review.yaml", "--format", "csv",
            "samples/annual-reviews/audits-2025-06.json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let grades = run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[3] }
        // AR04 by hand: T 66.67 (all Good), V (2 x 33.33 + 66.67) / 3 = 44.44, P (2 x 66.67 + 66.67 +
        // 33.33) / 4 = 58.33, D 66.67 (D2 N/A), A 66.67; overall (2 x 66.67 + 2 x 44.44 + 3 x 58.33 +
        // 2 x 66.67 + 66.67) / 10 = 59.72, just under Good's 60.
        #expect(grades == ["outstanding", "good", "inadequate", "requires-improvement"])
        #expect(run.stdout.contains("AUD-2025-06-AR04,P0002871,59.72,requires-improvement"))
        // AR03: the review was late (T1 Inadequate), so the cap is listed.
        let ar03 = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("AUD-2025-06-AR03") })
        #expect(ar03.split(separator: ",")[5] == "T1:requires-improvement")
    }
}
