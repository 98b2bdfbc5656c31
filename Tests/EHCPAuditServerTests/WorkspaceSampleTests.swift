import EHCPAuditServer
import EHCPAuditTestSupport
import Foundation
import Testing

/// Drawing the month's sample from the worklist page (Workspace+Sample).
struct WorkspaceSampleTests: WorkspaceTesting {
    let store: AuditStore

    init() throws { try self.init(population: true) }

    init(population: Bool) throws {
        store = try Self.makeStore()
        guard population else { return }
        try PopulationImport(into: store, asOf: CalendarDate("2025-06-01")!, at: "t").run(
            path: Project.path("samples/population-2025-06.csv"))
    }

    @Test func theLeadDrawsTheSampleFromThePageAsTheCommandWould() async throws {
        try await test { client in
            let lead = try await signIn(client, as: "lead-1")
            let before = try await page(client, "/?month=2025-07", as: lead)
            #expect(before.html.contains("action=\"/sample/2025-07/draw\""), "no sample yet: the lead may draw it")
            let drawn = try await post(client, "/sample/2025-07/draw", as: lead, [("seed", "july")])
            #expect(drawn.status == .seeOther && drawn.headers[.location]?.hasPrefix("/?month=2025-07") == true)
            let population = try #require(try store.population(asOf: CalendarDate("2025-07-31")!))
            let expected = try SampleDraw.draw(
                population.plans, parameters: try SampleParameters(month: YearMonth("2025-07")!, seed: "july"),
                lastAudits: [:])
            #expect(try store.worklist(for: YearMonth("2025-07")!).map(\.planId) == expected.selected.map(\.planId))
            let after = try await page(client, "/?month=2025-07", as: lead)
            #expect(after.html.contains("action=\"/sample/2025-07/assign\"") && !after.html.contains("/draw\""))
            #expect(try store.trail().contains { $0.action == "sample.draw" && $0.user == "lead-1" })

            let redrawn = try await post(client, "/sample/2025-07/draw", as: lead, [("seed", "other")])
            #expect(redrawn.status == .unprocessableContent)
            #expect(String(buffer: redrawn.body).contains("already drawn with other inputs"))
            let noSeed = try await post(client, "/sample/2025-08/draw", as: lead, [("seed", " ")])
            #expect(noSeed.status == .unprocessableContent && String(buffer: noSeed.body).contains("Give a seed"))
            #expect(try store.latestSampleMonth() == YearMonth("2025-07"), "refused draws store nothing")
        }
    }

    @Test func withNoPopulationStoredTheDrawIsRefusedInWords() async throws {
        let empty = try WorkspaceSampleTests(population: false)
        try await empty.test { client in
            let lead = try await empty.signIn(client, as: "lead-1")
            let refused = try await empty.post(client, "/sample/2025-05/draw", as: lead, [("seed", "may")])
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("no population to draw the 2025-05 sample from"))
        }
        #expect(try empty.store.latestSampleMonth() == nil)
    }

    @Test func onlyTheLeadDrawsAndAnAuditorSeesNoDrawForm() async throws {
        try await test { client in
            let auditor = try await signIn(client, as: "auditor-03")
            let worklist = try await page(client, "/?month=2025-07", as: auditor)
            #expect(!worklist.html.contains("/draw\"") && worklist.html.contains("No sample has been drawn"))
            let refused = try await post(client, "/sample/2025-07/draw", as: auditor, [("seed", "july")])
            #expect(refused.status == .forbidden)
            let dco = try await signIn(client, as: "dco-1")
            #expect(try await post(client, "/sample/2025-07/draw", as: dco, [("seed", "july")]).status == .forbidden)
            #expect(try store.latestSampleMonth() == nil)
        }
    }
}
