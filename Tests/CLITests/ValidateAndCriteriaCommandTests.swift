import EHCPAuditTestSupport
import Foundation
import Testing

struct ValidateAndCriteriaCommandTests {
    @Test func validatesTheFrameworkAlone() throws {
        let run = try CLIRunner.run(["validate", "--criteria", "criteria/ehcp-qa.yaml"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Framework valid: ehcp-qa version 2025.1."))
    }

    @Test func listsEveryFrameworkProblemWithItsLine() throws {
        let run = try CLIRunner.run(["validate", "--criteria", "samples/invalid/framework-broken.yaml"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count >= 4)
        let pattern = try Regex(#"^samples/invalid/framework-broken\.yaml:\d+: error: at "#)
        #expect(lines.allSatisfy { $0.firstMatch(of: pattern) != nil })
    }

    @Test func validatesRecordsAndSummarises() throws {
        let valid = try CLIRunner.run([
            "validate", "--criteria", "criteria/ehcp-qa.yaml", "samples/audits-2025-06.json",
            "samples/audits-2025-06-late.jsonl",
        ])
        #expect(valid.status == 0)
        #expect(valid.stdout.contains("11 records valid, 0 refused."))
        let invalid = try CLIRunner.run([
            "validate", "--criteria", "criteria/ehcp-qa.yaml", "samples/invalid/na-not-allowed.json",
        ])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.hasPrefix("samples/invalid/na-not-allowed.json:47: error: record #1"))
        #expect(invalid.stderr.contains("criterion B1 may not be rated na"))
    }

    @Test func explainsTheFramework() throws {
        let run = try CLIRunner.run(["criteria", "criteria/ehcp-qa.yaml"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("How the grade is worked out"))
        #expect(run.stdout.contains("F  Special educational provision: weight 4, 20.00% of the grade"))
    }
}
