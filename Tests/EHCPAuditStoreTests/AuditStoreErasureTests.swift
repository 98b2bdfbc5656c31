import EHCPAuditTestSupport
import Foundation
import GRDB
import Testing

@testable import EHCPAuditStore

/// Retention and erasure remove exactly what they say, in one transaction, and the
/// reports afterwards are those of a store that never held what was removed.
struct AuditStoreErasureTests {
    static let records = ReportQueryTests.records
    static let months = ReportQueryTests.months
    static let period = ReportPeriod(from: months[0], to: months[2])!

    /// A seeded store with reviews, moderations asked for and plan checks on top: one for
    /// each audit of `checked` whose id ends in 0, dated as that audit.
    static func seeded(_ records: [AuditRecord] = records, checked: [AuditRecord] = records) throws -> AuditStore {
        let store = try store(with: records)
        try store.addUser(name: "lead-1", role: .lead, agency: nil, passwordHash: "h", at: "2025-07-01T09:00:00Z")
        for record in records where record.status == .final && record.kind == .routine {
            if let advice = record.advices.first {
                try store.recordAdviceReview(
                    auditId: record.auditId, adviceId: advice.id, by: "dco-1", at: "2025-07-01T10:00:00Z")
            }
            try store.assignModeration(
                of: record.auditId, to: "auditor-99", by: "lead-1", at: "2025-07-01T11:00:00Z")
        }
        for record in checked where record.auditId.hasSuffix("0") {
            try store.storePlanCheck(
                AuditStore.PlanCheckEntry(
                    planID: record.planId, digest: record.auditId, checkedAt: "\(record.auditDate)T09:00:00Z",
                    report: Project.planChecker.check(PlanCheckEntryTests.document)))
        }
        return store
    }

    /// Every row of every table but the trail, by table, in rowid order; `keeping` drops
    /// the rows it says no to.
    static func rows(
        _ store: AuditStore, keeping: (String, Row) -> Bool = { _, _ in true }
    ) throws -> [String: [String]] {
        try store.pool.read { db in
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            var rows: [String: [String]] = [:]
            for table in tables where table != "audit_trail" {
                rows[table] = try Row.fetchAll(db, sql: "SELECT rowid, * FROM \(table) ORDER BY rowid")
                    .filter { keeping(table, $0) }.map(\.description)
            }
            return rows
        }
    }

    /// Rows that belong to none of `audits` and to none of the plan checks `checks`.
    static func unrelated(to audits: Set<String>, checks: Set<Int64>) -> (String, Row) -> Bool {
        { table, row in
            switch table {
            case "audits", "audit_caps", "audit_advices", "audit_records", "audit_history", "advice_reviews",
                "moderation_assignments":
                !audits.contains(row["audit_id"] as String)
            case "plan_checks": !checks.contains(row["id"] as Int64)
            case "plan_check_counts": !checks.contains(row["plan_check"] as Int64)
            default: true
            }
        }
    }

    /// The ids of the plan checks `condition` (SQL over `plan_checks`) picks.
    static func checks(_ store: AuditStore, _ condition: String, _ argument: String) throws -> Set<Int64> {
        Set(
            try store.pool.read { db in
                try Int64.fetchAll(db, sql: "SELECT id FROM plan_checks WHERE \(condition)", arguments: [argument])
            })
    }

    /// The audits a removal of `chosen` takes: those, and the moderations of them.
    static func removed(_ chosen: (AuditRecord) -> Bool) -> [AuditRecord] {
        let ids = Set(records.filter(chosen).map(\.auditId))
        return records.filter { ids.contains($0.auditId) || ($0.moderates.map(ids.contains) ?? false) }
    }

    static func reports(_ store: AuditStore) throws -> (monthly: [MonthlyReport], moderation: ModerationReport) {
        (
            try months.map { try store.monthlyReport(for: $0, isPublic: false) },
            try store.moderationReport(for: period, informs: [:])
        )
    }

    @Test func erasingAPlanRemovesItsAuditsModerationsAndChecksAndNothingElse() throws {
        let moderated = try #require(
            Self.records.first { record in Self.records.contains { $0.moderates == record.auditId } })
        let plan = moderated.planId
        let gone = Self.removed { $0.planId == plan }
        #expect(gone.contains { $0.kind == .moderation } && gone.contains { $0.status == .final })
        let store = try Self.seeded()
        let trail = try store.trail()
        let checksBefore = try store.planCheckCount(plan: plan)
        let kept = try Self.rows(
            store,
            keeping: Self.unrelated(
                to: Set(gone.map(\.auditId)), checks: try Self.checks(store, "plan_id = ?", plan)))

        let removal = try store.erase(planId: plan, dryRun: false, at: "2025-08-01T09:00:00Z")

        #expect(removal.finalAudits == gone.filter { $0.status == .final && $0.kind != .moderation }.count)
        #expect(removal.draftAudits == gone.filter { $0.status == .draft && $0.kind != .moderation }.count)
        #expect(removal.moderationAudits == gone.filter { $0.kind == .moderation }.count)
        #expect(removal.adviceReviews > 0 && removal.moderationAssignments > 0)
        #expect(removal.planChecks == checksBefore)
        #expect(try Self.rows(store) == kept)
        #expect(try store.audits(ofPlan: plan).isEmpty && store.planCheckCount(plan: plan) == 0)
        let entry = try #require(try store.trail().last)
        #expect(try store.trail().dropLast().elementsEqual(trail, by: { $0 == $1 }))
        #expect(entry.action == "records.erase" && entry.user == nil && entry.at == "2025-08-01T09:00:00Z")
        #expect(!entry.subject.contains(plan) && !gone.contains { entry.subject.contains($0.auditId) })

        let never = try Self.seeded(
            Self.records.filter { record in !gone.contains { $0.auditId == record.auditId } },
            checked: Self.records.filter { $0.planId != plan })
        let (monthly, moderation) = try Self.reports(store)
        let expected = try Self.reports(never)
        #expect(monthly == expected.monthly && moderation == expected.moderation)
    }

    @Test func aDryRunSaysWhatWouldGoAndChangesNothing() throws {
        let store = try Self.seeded()
        let plan = Self.records[0].planId
        let before = try Self.rows(store)
        let trail = try store.trail()
        let stamp = try store.changeStamp()
        let dry = try store.erase(planId: plan, dryRun: true, at: "t")
        let retention = try store.removeRecords(olderThan: 1, today: CalendarDate("2026-05-15")!, dryRun: true, at: "t")
        #expect(!dry.isEmpty && retention.finalAudits > 0)
        #expect(try Self.rows(store) == before && store.trail().count == trail.count && store.changeStamp() == stamp)
        #expect(try store.erase(planId: plan, dryRun: false, at: "t") == dry)
        #expect(try store.changeStamp() != stamp)
    }

    @Test func anUnknownPlanIsSaidSoAndNothingIsRecorded() throws {
        let store = try Self.seeded()
        let trail = try store.trail().count
        for dryRun in [true, false] {
            #expect(throws: StoreError.unknownPlan(planId: "P9999999")) {
                try store.erase(planId: "P9999999", dryRun: dryRun, at: "t")
            }
        }
        #expect(try store.trail().count == trail)
    }

    @Test func retentionRemovesWhatIsOlderThanTheYearsAndTheModerationsOfIt() throws {
        // 2026-05-15 less one year: audits and checks before 2025-05-15 go.
        let cutoff = CalendarDate("2025-05-15")!
        var records = Self.records
        // A moderation made after the cutoff of an audit made before it goes with that audit.
        let old = try #require(records.first { $0.auditDate < cutoff && $0.status == .final && $0.kind == .routine })
        var late = old
        late.auditId = "MOD-LATE"
        late.kind = .moderation
        late.moderates = old.auditId
        late.auditor = "auditor-98"
        late.auditDate = CalendarDate("2025-06-02")!
        records.append(late)
        let ids = Set(records.filter { $0.auditDate < cutoff }.map(\.auditId))
        let gone = records.filter { ids.contains($0.auditId) || ($0.moderates.map(ids.contains) ?? false) }
        #expect(gone.contains { $0.auditId == "MOD-LATE" } && gone.count < records.count)
        let store = try Self.seeded(records, checked: records)
        let kept = try Self.rows(
            store,
            keeping: Self.unrelated(
                to: Set(gone.map(\.auditId)), checks: try Self.checks(store, "checked_at < ?", cutoff.description)))

        let removal = try store.removeRecords(
            olderThan: 1, today: CalendarDate("2026-05-15")!, dryRun: false, at: "2026-05-15T02:00:00Z")

        #expect(removal.finalAudits + removal.draftAudits + removal.moderationAudits == gone.count)
        #expect(removal.planChecks > 0)
        #expect(try Self.rows(store) == kept)
        let entry = try #require(try store.trail().last)
        #expect(entry.action == "records.retention")
        #expect(entry.subject == "audits and plan checks dated before 2025-05-15 (older than 1 years)")
        let never = try Self.seeded(
            records.filter { record in !gone.contains { $0.auditId == record.auditId } },
            checked: records.filter { $0.auditDate >= cutoff })
        let (monthly, moderation) = try Self.reports(store)
        let expected = try Self.reports(never)
        #expect(monthly == expected.monthly && moderation == expected.moderation)
    }

    @Test func theRetentionCutoffIsTheSameDayYearsBefore() {
        let cutoff = { (years: Int, today: String) in
            AuditStore.retentionCutoff(years: years, today: CalendarDate(today)!).description
        }
        #expect(cutoff(6, "2025-07-01") == "2019-07-01")
        #expect(cutoff(1, "2024-02-29") == "2023-02-28")
        #expect(cutoff(4, "2024-02-29") == "2020-02-29")
    }
}
