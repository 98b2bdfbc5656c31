import EHCPAuditTestSupport
import Foundation
import Testing

/// What README's "Embedding ehcp-audit" shows, as another package would do it: bytes in
/// memory scored, imported into a store and reported on, through `EHCPAuditKit` alone.
struct EmbeddingTests {
    let frameworkYAML = try! String(contentsOfFile: Project.path("criteria/ehcp-qa.yaml"), encoding: .utf8)
    let body = Array(try! Data(contentsOf: URL(fileURLWithPath: Project.path("samples/audits-2025-06.json"))))
    let time = "2025-07-01T09:00:00Z"

    @Test func scoresARecordHeldInMemory() throws {
        let framework = try FrameworkLoader.load(text: frameworkYAML, file: "ehcp-qa.yaml")
        let catalog = try FrameworkCatalog([framework])
        let source = try RecordReader.source(bytes: body, name: "audits.json")
        var grades: [String] = []
        while let entry = try source.next() {
            guard case .scored(_, let result) = catalog.evaluate(entry, file: source.file) else {
                Issue.record("sample record #\(entry.index) was refused")
                continue
            }
            grades.append(result.grade.id)
        }
        let expected = try scoredSamples().map(\.1.grade.id)
        #expect(grades == expected && !grades.isEmpty)
    }

    @Test func importsARequestBodyIntoAStoreOnceOnly() throws {
        let store = try temporaryStore()
        try store.addFramework(text: frameworkYAML, file: "ehcp-qa.yaml", at: time)
        func upload() throws -> AuditImport.Summary {
            let source = try RecordReader.source(
                bytes: body, name: "POST /api/audits", contentType: "application/json; charset=utf-8")
            return try AuditImport(into: store, at: time).run(source, scoringWith: try store.frameworkCatalog())
        }
        let first = try upload()
        let samples = try scoredSamples().count
        #expect(first.committed && first.imported == samples)
        let again = try upload()
        #expect(
            again.committed && again.imported == 0 && again.unchanged == first.imported,
            "the same body twice changes nothing")
        #expect(try store.status().audits == first.imported)
    }

    @Test func aBadBodyStoresNothingAndSaysWhereWhy() throws {
        let store = try temporaryStore()
        try store.addFramework(text: frameworkYAML, file: "ehcp-qa.yaml", at: time)
        let bad = try String(
            contentsOfFile: Project.path("samples/invalid/no-needs-advice-rated.json"), encoding: .utf8)
        let source = try RecordReader.source(bytes: Array(bad.utf8), name: "request", contentType: "application/json")
        var messages: [Diagnostic] = []
        let summary = try AuditImport(into: store, at: time).run(source, scoringWith: try store.frameworkCatalog()) {
            event in
            if case .refused(let diagnostics) = event { messages += diagnostics }
        }
        #expect(!summary.committed && summary.refused == 1 && summary.noNeedsRefusals == 1)
        #expect(messages.contains { $0.file == "request" && $0.line != nil && $0.rule == .noNeedsAdviceRated })
        #expect(try store.status().audits == 0)
    }

    @Test func buildsAMonthlyReportFromTheStore() throws {
        let records = try scoredSamples().map(\.0)
        let store = try store(with: records)
        let forTheLead = try store.monthlyReport(for: YearMonth("2025-06")!, isPublic: false)
        #expect(forTheLead.audits.value == records.filter { $0.status == .final && $0.kind != .moderation }.count)
        let report = try store.monthlyReport(for: YearMonth("2025-06")!, isPublic: true)
        let json = try JSONSerialization.jsonObject(with: Data(MonthlyReportJSON.render(report).utf8)) as? [String: Any]
        #expect(json?["month"] as? String == "2025-06" && json?["public"] as? Bool == true)
        #expect(HTMLRenderer.render(MonthlyLayout.blocks(report)).contains("<html"))
    }

    @Test func aReportOfAStoreWithoutAFrameworkSaysSo() throws {
        let store = try temporaryStore()
        #expect(throws: StoreError.noFramework(path: store.path)) {
            try store.monthlyReport(for: YearMonth("2025-06")!, isPublic: false)
        }
    }
}
