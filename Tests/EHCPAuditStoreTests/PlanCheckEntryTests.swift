import EHCPAuditTestSupport
import Foundation
import GRDB
import Testing

@testable import EHCPAuditStore

/// The census keeps counts per plan and document version, never text (docs/plan-checks.md).
struct PlanCheckEntryTests {
    static let document = PlanDocument(blocks: [
        .init(kind: .paragraph, text: "Date of plan: 20 May 2025"),
        .init(kind: .heading, text: "Section F"),
        .init(kind: .listItem, text: "Access to Rainbow Club with Jemima Puddleduck as needed."),
    ])

    func entry(_ plan: String, digest: String, at time: String) -> AuditStore.PlanCheckEntry {
        AuditStore.PlanCheckEntry(
            planID: plan, digest: digest, checkedAt: time, report: Project.planChecker.check(Self.document))
    }

    @Test func theSameDocumentAgainChangesNothingAndANewVersionKeepsTheOld() throws {
        let store = try temporaryStore()
        #expect(try store.storePlanCheck(entry("P0000001", digest: "aa", at: "2025-06-03T10:00:00Z")))
        #expect(try !store.storePlanCheck(entry("P0000001", digest: "aa", at: "2025-06-04T10:00:00Z")))
        #expect(try store.storePlanCheck(entry("P0000001", digest: "bb", at: "2025-07-02T10:00:00Z")))
        #expect(try store.planCheckCount(plan: "P0000001") == 2)
        #expect(try store.latestPlanChecks(asOf: YearMonth(year: 2025, month: 6)!).map(\.digest) == ["aa"])
        #expect(try store.latestPlanChecks(asOf: YearMonth(year: 2025, month: 7)!).map(\.digest) == ["bb"])
        #expect(try store.latestPlanChecks(asOf: YearMonth(year: 2025, month: 8)!, during: true).isEmpty)
    }

    @Test func countsBySectionAreKeptAndNoTextIsStored() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("census.sqlite").path
        let store = try AuditStore(path: path)
        try store.storePlanCheck(entry("P0000002", digest: "cc", at: "2025-06-03T10:00:00Z"))
        let stored = try #require(try store.latestPlanChecks(asOf: YearMonth(year: 2025, month: 6)!).first)
        #expect(stored.planDate == CalendarDate(year: 2025, month: 5, day: 20))
        #expect(stored.total(.vagueWording) == 2)
        #expect(stored.counts.contains(.init(check: .missingSection, section: "K", count: 1)))
        #expect(stored.counts.contains(.init(check: .noReviewDate, section: "plan", count: 1)))
        // The store and its write-ahead log, whatever has reached each.
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.contains("census.sqlite-wal") || files.contains("census.sqlite"))
        let text = try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
            .map { String(decoding: $0, as: UTF8.self).lowercased() }.joined()
        for word in ["rainbow", "jemima", "puddleduck", "access to", "as needed"] { #expect(!text.contains(word)) }
    }
}
