import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// Closing the loop (docs/reports.md, "Re-audited plans"): what became of each action an
/// audit raised, judged on hand-built pairs of audits.
struct ReauditTests {
    let framework = try! Fixtures.framework()

    func audit(
        _ id: String, _ date: String, _ ratings: [String: String], plan: String = "P1",
        team: String? = "North-1"
    ) throws -> Reaudit.Audit {
        var record = Fixtures.record(ratings)
        record.auditId = id
        record.planId = plan
        record.auditDate = try #require(CalendarDate(date))
        record.plan.team = team
        let result = try Scorer(framework).score(record)
        return Reaudit.Audit(record, result)
    }

    @Test func eachActionIsClosedOpenOrNotAssessed() throws {
        // Before: A1 and F2 inadequate, A2 requires improvement -> three actions (below Good).
        let before = try audit(
            "AUD-1", "2025-03-01", ["A1": "inadequate", "A2": "requires-improvement", "F2": "inadequate"])
        #expect(Set(before.actions) == ["A1", "A2", "F2"])
        // After: A1 Good (closed: at the threshold), F2 still Requires improvement (open),
        // A2 answered N/A (not assessed).
        let after = try audit("AUD-2", "2025-06-01", ["A1": "good", "A2": "na", "F2": "requires-improvement"])
        let reaudit = Reaudit(previous: before, latest: after, framework: framework)
        let status = Dictionary(uniqueKeysWithValues: reaudit.actions.map { ($0.criterion, $0.status) })
        #expect(status == ["A1": .closed, "F2": .open, "A2": .notAssessed])
        #expect(reaudit.raised.map(\.criterion) == ["A1", "F2"])
        #expect(reaudit.lowered.isEmpty, "N/A is not a lower rating")
    }

    @Test func anActionWhoseCriterionANewerVersionDroppedIsNotAssessed() throws {
        let before = try audit("AUD-1", "2025-03-01", ["F2": "inadequate"])
        // Version 2 drops F2 from section F.
        var sections = Fixtures.sections
        sections[1].criteria.removeLast()
        let newer = try Fixtures.framework(sections: sections)
        var after = try audit("AUD-2", "2025-06-01", [:])
        after.ratings["F2"] = nil
        let reaudit = Reaudit(previous: before, latest: after, framework: newer)
        #expect(reaudit.actions == [Reaudit.ActionOutcome(criterion: "F2", section: nil, status: .notAssessed)])
    }

    @Test func aLowerRatingIsListedAsLowered() throws {
        let before = try audit("AUD-1", "2025-03-01", ["F1": "outstanding"])
        let after = try audit("AUD-2", "2025-06-01", ["F1": "requires-improvement"])
        let reaudit = Reaudit(previous: before, latest: after, framework: framework)
        #expect(
            reaudit.lowered == [Reaudit.Change(criterion: "F1", before: "outstanding", after: "requires-improvement")])
        #expect(reaudit.actions.isEmpty, "the earlier audit raised no action")
    }

    @Test func eachPlanPairsItsLatestAuditInThePeriodWithTheOneBefore() throws {
        let june = ReportPeriod(month: YearMonth("2025-06")!)
        let audits = [
            try audit("A-1", "2025-01-10", [:]), try audit("A-2", "2025-06-03", [:]),
            try audit("A-3", "2025-06-20", [:]),
            // P2's first audit is not a re-audit; P3's second comes after June.
            try audit("B-1", "2025-06-05", [:], plan: "P2"),
            try audit("C-1", "2025-02-01", [:], plan: "P3"), try audit("C-2", "2025-07-01", [:], plan: "P3"),
        ]
        let pairs = Reaudit.pairs(audits.shuffled(), within: june)
        #expect(pairs.map { "\($0.previous.auditId)>\($0.latest.auditId)" } == ["A-2>A-3"])
    }

    @Test func theSummaryCountsGradesBeforeAndAfterAndActionsBySection() throws {
        let first = Reaudit(
            previous: try audit("A-1", "2025-03-01", ["F1": "inadequate"]),
            latest: try audit("A-2", "2025-06-01", [:]), framework: framework)
        let second = Reaudit(
            previous: try audit("B-1", "2025-03-01", ["A1": "inadequate"], plan: "P2"),
            latest: try audit("B-2", "2025-06-01", ["A1": "requires-improvement"], plan: "P2"), framework: framework)
        let summary = ReauditSummary([first, second], framework: framework)
        #expect(summary.plans == 2)
        // A-1 is capped (F1 inadequate) to Requires improvement, A-2 Good throughout. B-1: A is
        // (0 + 66.67) / 2, F 66.67, overall (33.33 + 3 x 66.67) / 4 = 58.33, Good; B-2: 62.5, Good.
        let index = Dictionary(uniqueKeysWithValues: summary.gradeIds.enumerated().map { ($1, $0) })
        let (ri, good) = (index["requires-improvement"]!, index["good"]!)
        #expect(summary.grades[ri][good] == 1 && summary.grades[good][good] == 1)
        #expect(summary.grades.flatMap { $0 }.reduce(0, +) == 2)
        #expect(summary.actions == ReauditSummary.Tally(closed: 1, open: 1, notAssessed: 0))
        #expect(summary.bySection.map(\.section) == ["A", "F"])
        #expect(summary.bySection.map(\.tally.closed) == [0, 1] && summary.bySection.map(\.tally.open) == [1, 0])
    }
}
