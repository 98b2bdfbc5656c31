import EHCPAuditTestSupport
import Foundation
import Testing

struct PopulationImportTests {
    let asOf = CalendarDate("2025-06-01")!

    @Test func aCSVFileIsStoredWithItsDigest() throws {
        let store = try temporaryStore()
        let path = Project.path("samples/population-2025-06.csv")
        let stored = try PopulationImport(into: store, asOf: asOf, at: "t").run(path: path)
        let expected = try PopulationCSV.read(path: path)
        #expect(stored.plans == expected.count && stored.children == nil)
        let snapshot = try #require(try store.population(asOf: asOf))
        let digest = try AuditStore.fileDigest(path: path)
        #expect(snapshot.plans == expected && snapshot.digest == digest)
    }

    @Test func aSEN2ReturnFromMemoryKeepsNoPersonalData() throws {
        let store = try temporaryStore()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Project.path("samples/sen2-2025.xml"))))
        let stored = try PopulationImport(into: store, asOf: CalendarDate("2025-01-16")!, at: "t").run(
            bytes: bytes, name: "upload.xml")
        #expect(stored.children == 30 && stored.plans > 0 && stored.plans <= 30)
        let plans = try #require(try store.population(asOf: CalendarDate("2025-01-16")!)).plans
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(plans.allSatisfy { !text.contains($0.planId) }, "references are keyed, never the UPN or person id")
    }

    @Test func aBrokenFileStoresNothing() throws {
        let store = try temporaryStore()
        let csv = "plan_id,phase\nP1,primary\nP1,primary\n"
        #expect(throws: PopulationCSVError.self) {
            try PopulationImport(into: store, asOf: asOf, at: "t").run(bytes: Array(csv.utf8), name: "dup.csv")
        }
        #expect(try store.status().populations == 0)
        #expect(throws: Diagnostic.self) {
            try PopulationImport(into: store, asOf: asOf, at: "t").run(bytes: Array(csv.utf8), name: "plans.txt")
        }
    }

    @Test func theSampleComesFromTheStoredPopulationAndStoredAudits() throws {
        let store = try store(with: try scoredSamples().map(\.0))
        let parameters = try SampleParameters(month: YearMonth("2025-07")!, seed: "july")
        #expect(throws: StoreError.noPopulation(month: "2025-07")) { try store.drawSample(parameters, at: "t") }
        try PopulationImport(into: store, asOf: asOf, at: "t").run(path: Project.path("samples/population-2025-06.csv"))
        let sample = try store.drawSample(parameters, at: "t")
        let plans = try PopulationCSV.read(path: Project.path("samples/population-2025-06.csv"))
        let alone = try SampleDraw.draw(plans, parameters: parameters)
        #expect(sample.selected.count == alone.selected.count)
        // The seven plans with final sample audits have no last_audited in the file: only
        // the store knows they were audited in June.
        #expect(sample.eligible == alone.eligible - 7, "stored audits make plans recent")
        #expect(try store.drawSample(parameters, at: "t2") == sample, "the same inputs again: the same sample")
        let other = try SampleParameters(month: YearMonth("2025-07")!, seed: "other")
        #expect(throws: StoreError.self) { try store.drawSample(other, at: "t3") }
        #expect(try store.drawSample(other, at: "t3", replace: true).parameters.seed == "other")
    }
}
