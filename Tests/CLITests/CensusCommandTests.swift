import EHCPAuditTestSupport
import Foundation
import Testing

/// `report checks`, and the whole caseload paragraph of `report monthly`, as the lead
/// runs them on a store holding plan checks.
struct CensusCommandTests {
    let folder: URL
    var db: String { folder.appendingPathComponent("c.sqlite").path }

    static let document = PlanDocument(blocks: [
        .init(kind: .paragraph, text: "Date of plan: 20 May 2025"),
        .init(kind: .heading, text: "Section F"),
        .init(kind: .listItem, text: "Access to speech therapy as needed."),
    ])

    /// June's audits, the June population (251 plans) and a check of each of its first 30
    /// plans on 10 June.
    init() throws {
        folder = try temporaryFolder()
        for arguments in [
            ["import", "--criteria", "criteria/ehcp-qa.yaml", "samples/audits-2025-06.json"],
            ["population", "import", "--as-of", "2025-06-01", "samples/population-2025-06.csv"],
        ] {
            let run = try CLIRunner.run(arguments + ["--db", db])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        let plans = try String(contentsOfFile: Project.path("samples/population-2025-06.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().prefix(30).map { String($0.prefix { $0 != "," }) }
        let store = try AuditStore(path: db)
        let report = Project.planChecker.check(Self.document)
        for plan in plans {
            try store.storePlanCheck(
                AuditStore.PlanCheckEntry(
                    planID: plan, digest: "digest-\(plan)", checkedAt: "2025-06-10T10:00:00Z", report: report))
        }
    }

    func report(_ arguments: [String]) throws -> CLIRunner.Run {
        try CLIRunner.run(["report"] + arguments + ["--db", db])
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theLeadsTextNamesChecksInWordsAndEndsWithTheFollowUpList() throws {
        let run = try report(["checks", "--month", "2025-06"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Plan checks across the caseload: June 2025"))
        #expect(run.stdout.contains("30 plans had been checked by the end of June 2025: 30 of the 251 plans"))
        #expect(run.stdout.contains("Vague phrases") && !run.stdout.contains("vague-wording"))
        #expect(run.stdout.contains("By team") && run.stdout.contains("By primary need"))
        #expect(run.stdout.contains("Plans to follow up") && run.stdout.contains("must not replace the random sample"))
        #expect(run.stdout.contains("P0001234"))
    }

    @Test func thePublicVersionNamesNoTeamAndNoPlan() throws {
        for format in ["text", "markdown", "html", "csv", "json"] {
            let run = try report(["checks", "--month", "2025-06", "--public", "--format", format])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(!run.stdout.contains("P0001234") && !run.stdout.contains("North-2"), "\(format)")
            #expect(!run.stdout.contains("Plans to follow up"), "\(format)")
        }
    }

    @Test func jsonHoldsEveryFigureAndTheFollowUpListAsAsked() throws {
        let figures = try json(try report(["checks", "--month", "2025-06", "--format", "json"]).stdout)
        #expect(figures["checked"] as? Int == 30 && figures["population"] as? Int == 251)
        #expect(figures["checkedThisMonth"] as? Int == 30)
        let vague = try #require((figures["checks"] as? [String: Any])?["vague-wording"] as? [String: Any])
        #expect(vague["plans"] as? Int == 30 && vague["share"] as? Double == 1)
        #expect((figures["followUp"] as? [Any])?.count == 20)
        let five = try json(
            try report(["checks", "--month", "2025-06", "--format", "json", "--follow-up", "5"]).stdout)
        #expect((five["followUp"] as? [Any])?.count == 5)
    }

    @Test func csvHasOneRowPerGroupAndCheck() throws {
        let run = try report(["checks", "--month", "2025-06", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "dimension,group,check,finding,population,checked,plans,share,low,high")
        #expect(lines.contains { $0.hasPrefix("all,all,vague-wording,vague phrases,251,30,30,1.0,") })
        #expect(lines.contains { $0.hasPrefix("phase,primary,vague-wording,") })
    }

    @Test func markdownAndHTMLAreDocuments() throws {
        let markdown = try report(["checks", "--month", "2025-06", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Plan checks across the caseload: June 2025"))
        let html = try report(["checks", "--month", "2025-06", "--format", "html"])
        #expect(html.status == 0 && html.stdout.contains("<table") && html.stdout.contains("Vague phrases"))
    }

    @Test func aMonthWithNoCheckAndABadMonthAreRefusedClearly() throws {
        let none = try report(["checks", "--month", "2025-05"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no plan check made by the end of 2025-05"))
        let bad = try report(["checks", "--month", "2025-13"])
        #expect(bad.status != 0 && bad.stderr.contains("--month"))
        let negative = try report(["checks", "--month", "2025-06", "--follow-up", "-1"])
        #expect(negative.status != 0 && negative.stderr.contains("--follow-up"))
    }

    @Test func theMonthlyReportGainsTheWholeCaseloadWhenThereAreChecks() throws {
        let text = try report(["monthly", "--month", "2025-06"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("What do the plan checks find across the whole caseload?"))
        let words = text.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("(30 of the 251 plans in the population, 12.0%)"))
        #expect(
            words.contains(
                "Of the plans read, 100.0% had at least one missing section, 100.0% at least one vague phrase and"))
        let june = try json(try report(["monthly", "--month", "2025-06", "--format", "json"]).stdout)
        let caseload = try #require(june["caseload"] as? [String: Any])
        #expect(caseload["checked"] as? Int == 30 && (caseload["mostFound"] as? [Any])?.count == 3)
        let may = try report(["monthly", "--month", "2025-05", "--format", "json"])
        #expect(try json(may.stdout)["caseload"] is NSNull)
        #expect(!(try report(["monthly", "--month", "2025-05"]).stdout.contains("whole caseload")))
    }
}
