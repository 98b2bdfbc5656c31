import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// "The previous audit" (docs/reports.md, "Re-audited plans"), kept audit by audit as the
/// CLI's `score` keeps them. (The store's SQL is held to the same rule in
/// EHCPAuditStoreTests' PreviousAuditTests, over every edge.)
struct PreviousAuditsTests {
    func audit(
        _ id: String, _ date: String, plan: String = "P1", status: AuditStatus = .final, kind: AuditKind = .routine
    ) -> AuditRecord {
        var record = Fixtures.record([:])
        record.auditId = id
        record.planId = plan
        record.auditDate = CalendarDate(date)!
        record.status = status
        record.kind = kind
        return record
    }

    @Test func thePreviousAuditIsTheLatestKeptBeforeByDateThenId() {
        var earlier = PreviousAudits<String>()
        let june = audit("AUD-6", "2025-06-01")
        #expect(earlier.previous(of: june) == nil, "nothing kept yet")
        earlier.add(audit("AUD-3", "2025-03-01"), "march")
        earlier.add(audit("AUD-9", "2025-09-01"), "september")
        earlier.add(audit("AUD-2", "2025-02-01"), "february")
        #expect(earlier.previous(of: june) == "march", "the latest before it, in whatever order they came")
        earlier.add(audit("AUD-5", "2025-06-01"), "same day, lower id")
        earlier.add(audit("AUD-7", "2025-06-01"), "same day, higher id")
        #expect(earlier.previous(of: june) == "same day, lower id")
        #expect(earlier.previous(of: audit("AUD-1", "2025-01-01")) == nil)
        #expect(earlier.previous(of: audit("AUD-6", "2025-06-01", plan: "P2")) == nil, "another plan's history")
    }

    @Test func aDraftOrAModerationIsNeverKeptNorItsValueMade() {
        var earlier = PreviousAudits<String>()
        var made = 0
        func value(_ name: String) -> String {
            made += 1
            return name
        }
        earlier.add(audit("AUD-1", "2025-01-01", status: .draft), value("draft"))
        earlier.add(audit("AUD-2", "2025-02-01", kind: .moderation), value("moderation"))
        #expect(made == 0)
        #expect(earlier.previous(of: audit("AUD-3", "2025-03-01")) == nil)
        earlier.add(audit("AUD-2", "2025-02-01"), value("final"))
        #expect(made == 1)
        #expect(earlier.previous(of: audit("AUD-3", "2025-03-01", status: .draft)) == "final", "a draft has one too")
    }
}
