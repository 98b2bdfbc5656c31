import EHCPAuditTestSupport
import Foundation
import Testing

struct ScoreCommandTests {
    let criteria = "criteria/ehcp-qa.yaml"

    func jsonRecords(_ stdout: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
        return try #require(object?["records"] as? [[String: Any]])
    }

    @Test func scoresEverySampleAsJSON() throws {
        // The plan audits: family voice's records have their own test (FamilyVoiceCommandTests).
        let files = try CLIRunner.samples(extensions: ["json", "jsonl"]).filter { !$0.contains("family-voice") }
        let run = try CLIRunner.run(["score", "--criteria", criteria, "--format", "json"] + files)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let records = try jsonRecords(run.stdout)
        #expect(records.count >= 12)
        let grades = Set(records.compactMap { $0["grade"] as? String })
        #expect(grades == ["outstanding", "good", "requires-improvement", "inadequate"])
        let capped = try #require(records.first { $0["auditId"] as? String == "AUD-2025-06-0005" })
        #expect(capped["boundaryGrade"] as? String == "good")
        #expect(capped["grade"] as? String == "requires-improvement")
        #expect((capped["caps"] as? [[String: Any]])?.first?["criterion"] as? String == "F1")
        let statuses = Set(
            records.flatMap { ($0["advices"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String } })
        #expect(statuses == ["received", "no-needs-identified", "blank", "not-received", "not-known"])
        let late = records.flatMap { ($0["advices"] as? [[String: Any]] ?? []) }.filter {
            $0["timely"] as? Bool == false
        }
        #expect(!late.isEmpty)
    }

    @Test func keepsInputOrderAcrossFiles() throws {
        let run = try CLIRunner.run([
            "score", "--criteria", criteria, "--format", "json", "samples/AUD-2025-06-0012.json",
            "samples/audits-2025-06.json",
        ])
        let ids = try jsonRecords(run.stdout).compactMap { $0["auditId"] as? String }
        #expect(ids == ["AUD-2025-06-0012"] + (1...7).map { "AUD-2025-06-000\($0)" })
    }

    @Test func csvHasAHeaderAndOneRowPerRecord() throws {
        let run = try CLIRunner.run(["score", "--criteria", criteria, "--format", "csv", "samples/audits-2025-06.json"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "auditId,planId,percent,grade,boundaryGrade,caps,actions,A,B,C,D,E,F,G,H1,H2,I,J,K")
        #expect(lines.count == 8)
    }

    @Test func textExplainsEachRecord() throws {
        let run = try CLIRunner.run(["score", "--criteria", criteria, "samples/audits-2025-06.json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Limited to Requires improvement because F1 was rated Inadequate."))
        #expect(run.stdout.contains("Improvement actions, largest gain first:"))
        #expect(run.stdout.contains("7 records scored, 0 refused."))
    }

    @Test func printsValidRecordsAndReportsEveryInvalidOneWithItsLine() throws {
        let files = try CLIRunner.samples("samples/invalid", extensions: ["json", "jsonl"])
        let run = try CLIRunner.run(["score", "--criteria", criteria, "--format", "json"] + files)
        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n")
        #expect(errors.count >= files.count)
        let pattern = try Regex(#"^samples/invalid/[a-z-]+\.jsonl?:\d+: error: "#)
        #expect(errors.allSatisfy { $0.firstMatch(of: pattern) != nil })
        #expect(try jsonRecords(run.stdout).count == 1)
        #expect(
            run.stderr.contains(
                """
                no-needs-advice-rated.json:242: error: record #1 AUD-2025-06-0906 at \
                $.advices[1].judgements[0].rating: advice ADV-2 identified no needs
                """
            ))
        #expect(!run.stderr.contains("Sam Example"))
    }

    @Test func refusesAnUnsupportedFileType() throws {
        let run = try CLIRunner.run(["score", "--criteria", criteria, "README.md"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("README.md: error: unsupported file type \".md\""))
    }

    @Test func refusesAnInvalidFrameworkBeforeReadingRecords() throws {
        let run = try CLIRunner.run([
            "score", "--criteria", "samples/invalid/framework-broken.yaml", "samples/audits-2025-06.json",
        ])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("samples/invalid/framework-broken.yaml:"))
    }
}
