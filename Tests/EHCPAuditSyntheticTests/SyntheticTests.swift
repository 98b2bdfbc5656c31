import EHCPAudit
import EHCPAuditFormats
import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditSynthetic

struct SyntheticTests {
    let framework = Project.framework
    let asOf = CalendarDate("2025-06-01")!

    func audits(_ count: Int, seed: String = "s", plans: Int = 2_000) -> [AuditRecord] {
        let population = SyntheticPopulation(count: plans, seed: seed, asOf: asOf).plans
        return Array(
            SyntheticAudits(
                framework: framework, plans: population, count: count, months: 12, last: YearMonth("2025-06")!,
                seed: seed))
    }

    @Test func theSameSeedGivesTheSameData() {
        #expect(
            SyntheticPopulation(count: 500, seed: "a", asOf: asOf).plans
                == SyntheticPopulation(count: 500, seed: "a", asOf: asOf).plans)
        #expect(audits(300, seed: "a") == audits(300, seed: "a"))
        #expect(audits(300, seed: "a") != audits(300, seed: "b"))
    }

    @Test func primaryNeedsFollowTheNationalProportions() {
        let plans = SyntheticPopulation(count: 20_000, seed: "n", asOf: asOf).plans
        func share(_ need: String) -> Double {
            Double(plans.filter { $0.primaryNeed == need }.count) / Double(plans.count)
        }
        #expect(abs(share("ASD") - 0.315) < 0.015)
        #expect(abs(share("SLCN") - 0.213) < 0.015)
        #expect(abs(share("SEMH") - 0.207) < 0.015)
        #expect(Set(plans.map(\.planId)).count == plans.count)
    }

    @Test func everyAuditIsValidAndTheMixIsRealistic() throws {
        let records = audits(3_000)
        #expect(records.count == 3_000)
        let scorer = Scorer(framework)
        var grades: Set<String> = [], statuses: Set<AdviceStatus> = [], late = 0, timedNew = 0, within = 0
        for record in records {
            let result = try scorer.score(record)
            grades.insert(result.grade.id)
            for advice in result.advices {
                statuses.insert(advice.status)
                if advice.timely == false { late += 1 }
            }
            if record.plan.planType == .new, let request = record.plan.requestDate, let issue = record.plan.issueDate {
                timedNew += 1
                if request.days(until: issue) <= 140 { within += 1 }
            }
        }
        #expect(grades == Set(framework.grades.grades.map(\.id)))
        #expect(statuses == Set(AdviceStatus.allCases))
        #expect(late > 0)
        #expect(abs(Double(within) / Double(timedNew) - 0.464) < 0.05)
        let moderation = records.filter { $0.kind == .moderation }
        #expect(!moderation.isEmpty)
        for audit in moderation {
            let index = records.firstIndex(of: audit)!
            #expect(records[index - 1].planId == audit.planId, "a moderation audit follows the audit it checks")
        }
        #expect(Set(records.map { YearMonth($0.auditDate) }).count == 12)
    }
}
