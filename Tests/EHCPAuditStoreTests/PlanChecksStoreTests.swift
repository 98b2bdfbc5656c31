import EHCPAudit
import EHCPAuditTestSupport
import Foundation
import GRDB
import Testing

@testable import EHCPAuditStore

/// `planChecks` through the store: kept with the record and in a column of its own (v7)
/// that the moderation report reads; a store from before keeps its audits readable.
struct PlanChecksStoreTests {
    func importSamples(_ store: AuditStore, _ name: String) throws -> [(AuditRecord, AuditResult)] {
        let records = try scoredSamples(name)
        _ = try AuditImport(into: store, at: "t").transaction(for: name) { session in
            for (record, result) in records { _ = try session.add(.init(record, result)) }
        }
        return records
    }

    @Test func anAuditKeepsItsPlanChecksAndTheReportCountsThem() throws {
        let store = try temporaryStore()
        try store.saveFramework(
            Project.framework,
            content: try String(contentsOfFile: Project.path("criteria/ehcp-qa.yaml"), encoding: .utf8),
            file: "ehcp-qa.yaml", at: "t")
        let (record, _) = try #require(try importSamples(store, "AUD-2025-06-0012.json").first)
        let checks = try #require(record.planChecks)
        #expect(
            checks.counts == [.vagueWording: 3, .unquantifiedProvision: 1, .outcomeNotTimeBound: 0, .noReviewDate: 0])
        let json = try #require(try store.recordJSON(auditId: record.auditId))
        #expect(json == RecordJSONWriter.record(record))
        let read = try #require(try JSONRecordSource(bytes: Array(json.utf8), name: "stored").next()?.record)
        #expect(read.planChecks == checks, "the stored record reads back with its counts")
        let june = ReportPeriod(month: YearMonth("2025-06")!)
        let reference = FrameworkReference(id: Project.framework.id, version: Project.framework.version)
        let checked = try store.planCheckedAudits(for: june, framework: reference)
        #expect(checked.map(\.auditId) == [record.auditId] && checked.first?.planChecks == checks.counts)
        let report = try store.moderationReport(
            for: june, framework: (reference.id, reference.version), informs: Project.planCheckRules.informedCriteria)
        #expect(report.planChecks.audits == 1)
        let vague = try #require(report.planChecks.rows.first { $0.check == .vagueWording })
        #expect(vague.found == 1 && vague.notFound == 0)
        #expect(
            try store.moderationReport(for: june, framework: (reference.id, nil), informs: [:]).planChecks.audits == 0)
    }

    @Test func anAuditWithoutPlanChecksHasNone() throws {
        let store = try temporaryStore()
        let records = try importSamples(store, "audits-2025-06.json")
        let column = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audits WHERE plan_checks IS NOT NULL")
        }
        #expect(column == 0 && !records.isEmpty)
    }

    /// An audit stored by the code before `planChecks` (schema v6) still reads, and the
    /// store is brought up to v7 when opened to write.
    @Test func aStoreOfVersion6StillReadsItsAudits() throws {
        let path = try temporaryFolder().appendingPathComponent("v6.sqlite").path
        let (record, result) = try #require(try scoredSamples().first)
        #expect(record.planChecks == nil)
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v6")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO imports VALUES (1, 'a.json', 't', 1, 1, 0, 0, 0)")
            try db.execute(
                sql: """
                    INSERT INTO audits (audit_id, plan_id, framework_id, framework_version, auditor, audit_date,
                        month, kind, status, percent, boundary_grade, grade, sections, ratings, actions, digest,
                        import_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', 'd', 1)
                    """,
                arguments: [
                    record.auditId, record.planId, record.framework.id, record.framework.version, record.auditor,
                    record.auditDate.description, YearMonth(record.auditDate).description, record.kind.rawValue,
                    record.status.rawValue, result.percent, result.boundaryGrade.id, result.grade.id,
                ])
            try db.execute(
                sql: "INSERT INTO audit_records (audit_id, record_json) VALUES (?, ?)",
                arguments: [record.auditId, Data(StoredJSON.pack(RecordJSONWriter.record(record))!)])
        }
        try queue.close()
        #expect(throws: StoreError.needsUpgrade(path: path)) { try AuditStore(path: path, access: .readOnly) }
        let store = try AuditStore(path: path)
        let json = try #require(try store.recordJSON(auditId: record.auditId))
        let read = try #require(try JSONRecordSource(bytes: Array(json.utf8), name: "stored").next()?.record)
        #expect(read.withoutLines == record.withoutLines && read.planChecks == nil)
        let columns = try store.pool.read { db in try db.columns(in: "audits").map(\.name) }
        #expect(columns.contains("plan_checks"))
        let reference = FrameworkReference(id: record.framework.id, version: record.framework.version)
        #expect(
            try store.planCheckedAudits(for: ReportPeriod(month: YearMonth("2025-06")!), framework: reference).isEmpty)
    }
}
