import EHCPAudit
import EHCPAuditSampling
import EHCPAuditTestSupport
import Testing

@testable import EHCPAuditFormats

struct PopulationCSVTests {
    func read(_ text: String) throws -> [PopulationPlan] {
        try PopulationCSV.read(path: try! temporaryFile("p.csv", text), displayName: "p.csv")
    }

    func errors(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch {
            return (error as? PopulationCSVError)?.diagnostics.map(\.description) ?? ["\(error)"]
        }
    }

    @Test func readsColumnsInAnyOrderIgnoringExtras() throws {
        let plans = try read(
            """
            \u{FEFF}last_audited,Plan_ID,extra,locality,phase\r\n2024-05-01,P1,x,North,primary\r\n,P2,y,\"South, \
            East\",\n
            """
        )
        #expect(
            plans == [
                PopulationPlan(
                    planId: "P1", locality: "North", phase: "primary", lastAudited: CalendarDate("2024-05-01")),
                PopulationPlan(planId: "P2", locality: "South, East"),
            ])
    }

    @Test func quotedFieldsMayHoldQuotesAndCommas() throws {
        let plans = try read("plan_id,team\nP1,\"North \"\"A\"\", 2\"\nP2,B\n")
        #expect(plans.map(\.team) == ["North \"A\", 2", "B"])
    }

    @Test func aLineBreakInsideAQuotedWordIsRefusedWithItsLine() {
        #expect(
            errors("plan_id,team\nP1,\"North\nteam\"\nP2,B\n") == [
                "p.csv:2: error: at team: team holds the control character U+000A"
            ])
    }

    @Test func everyErrorNamesItsLine() {
        let found = errors(
            "plan_id,plan_start\nP1,2024-01-01\nP2,2024-02-30\nP1,2024-03-01\n,2024-01-01\nP3,\"2024-01-01\n")
        #expect(
            found == [
                "p.csv:3: error: at plan_start: plan_start \"2024-02-30\" is not an ISO date YYYY-MM-DD that exists",
                "p.csv:4: error: at plan_id: duplicate plan_id P1 (first on line 2)",
                "p.csv:5: error: at plan_id: plan_id is empty",
                "p.csv:6: error: unterminated quoted field in the row starting here",
            ])
    }

    @Test func aMissingRequiredColumnOrEmptyFileIsRefused() {
        #expect(
            errors("locality,phase\nNorth,primary\n") == [
                "p.csv:1: error: missing required column plan_id (found: locality, phase)"
            ])
        #expect(errors("") == ["p.csv:1: error: the file is empty: expected a header row with plan_id"])
    }

    @Test func theSamplePopulationReads() throws {
        let plans = try PopulationCSV.read(path: Project.root + "/samples/population-2025-06.csv")
        #expect(plans.count > 200)
        #expect(plans.contains { $0.planId == "P0005002" })
    }

    /// What the writer writes, the reader reads back as the same plans, awkward text and all.
    @Test func writtenPlansReadBackTheSame() throws {
        let plans = [
            PopulationPlan(
                planId: "P1", locality: "North, East", phase: "primary", primaryNeed: "ASD", team: "Team \"A\"",
                caseworker: "cw-1", planStart: CalendarDate("2024-01-31"), lastAudited: CalendarDate("2025-02-28")),
            PopulationPlan(planId: "P2"),
            PopulationPlan(planId: "P3", locality: "Ynys Môn", team: "Tîm 1"),
        ]
        var lines: [String] = []
        PopulationCSV.write(plans) { lines.append($0) }
        #expect(
            lines == [
                "plan_id,locality,phase,primary_need,team,caseworker,plan_start,last_audited",
                "P1,\"North, East\",primary,ASD,\"Team \"\"A\"\"\",cw-1,2024-01-31,2025-02-28",
                "P2,,,,,,,",
                "P3,Ynys Môn,,,Tîm 1,,,",
            ])
        #expect(try read(lines.map { $0 + "\n" }.joined()) == plans)
    }
}
