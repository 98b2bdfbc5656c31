import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

struct WilsonIntervalTests {
    @Test(arguments: [(81, 263, 0.2553, 0.3662), (0, 20, 0.0, 0.1611), (100, 200, 0.4314, 0.5686)])
    func matchesHandComputedIntervals(_ count: Int, _ total: Int, _ low: Double, _ high: Double) throws {
        let share = try #require(Share(count, of: total))
        #expect(abs(share.low - low) < 0.00005)
        #expect(abs(share.high - high) < 0.00005)
        #expect(share.share == Double(count) / Double(total))
    }

    @Test func noRecordsNoShare() {
        #expect(Share(0, of: 0) == nil)
        #expect(Share(5, of: 5)?.high == 1)
    }
}

struct DisclosureTests {
    @Test func countsFromOneToFourAreHidden() {
        #expect(Disclosure.mask([0, 1, 4, 5, 100], groups: []) == [false, true, true, false, false])
    }

    @Test func aSecondCellIsHiddenWhereATotalWouldGiveTheFirstAway() {
        // Row 3, 12, 20, 9 with its total shown: 3 is hidden, so the smallest other (9) goes too.
        #expect(Disclosure.mask([3, 12, 20, 9], groups: [[0, 1, 2, 3]]) == [true, false, false, true])
        // Two small cells already protect each other.
        #expect(Disclosure.mask([3, 2, 20], groups: [[0, 1, 2]]) == [true, true, false])
        // Zeros are never hidden and never chosen.
        #expect(Disclosure.mask([0, 3, 0, 7], groups: [[0, 1, 2, 3]]) == [false, true, false, true])
    }

    @Test func hidingSpreadsAcrossOverlappingGroups() {
        // Cells 0..3 sum to a shown total; cells 2 and 3 make up a shown subtotal.
        // 1 is small; hiding 2 (the smallest other) leaves it alone in the subtotal,
        // so 3 is hidden too.
        #expect(Disclosure.mask([40, 2, 6, 30], groups: [[0, 1, 2, 3], [2, 3]]) == [false, true, true, true])
    }

    @Test func sharesRestingOnFewRecordsAreWithheld() {
        #expect(!Disclosure.mayShowShare(3, of: 100))
        #expect(!Disclosure.mayShowShare(0, of: 4))
        #expect(Disclosure.mayShowShare(0, of: 5))
        #expect(Disclosure.mayShowShare(50, of: 100))
    }
}

struct MonthlyReportTests {
    let framework = try! Fixtures.framework()
    let june = YearMonth("2025-06")!

    func report(_ grades: [String: Int], isPublic: Bool = false) -> MonthlyReport {
        let audits = grades.values.reduce(0, +)
        let figures = MonthFigures(
            month: june, audits: audits, grades: grades,
            criteriaBelow: [CriterionCount(criterion: "F1", count: 7), CriterionCount(criterion: "A1", count: 2)],
            caps: [CriterionCount(criterion: "F1", count: 3)], newPlansTimed: 10, newPlansWithin20Weeks: 4)
        let progress = MonthProgress(
            month: june, openPlans: 400, target: 20, sampled: 20, completedSampled: audits - 1, completedOther: 1,
            moderation: 2)
        return MonthlyReport.build(figures: [figures], progress: [progress], framework: framework, isPublic: isPublic)
    }

    @Test func sharesAndGoodOrBetterComeFromTheGradeCounts() throws {
        let report = report(["outstanding": 20, "good": 61, "requires-improvement": 150, "inadequate": 32])
        #expect(report.audits == .shown(263))
        #expect(report.goodOrBetter == .shown(81))
        #expect(report.goodOrBetterGrades == ["outstanding", "good"])
        let share = try #require(report.goodOrBetterShare)
        #expect(abs(share.low - 0.2553) < 0.00005 && abs(share.high - 0.3662) < 0.00005)
        #expect(report.grades.map(\.count) == [.shown(20), .shown(61), .shown(150), .shown(32)])
        #expect(report.criteria.map(\.criterion) == ["F1", "A1"])
        #expect(report.criteria.first?.text == "Text of F1")
        #expect(report.themes.map(\.section) == ["F", "A"])
        #expect(report.newPlansWithin20Weeks?.share == 0.4)
        #expect(report.suppressed.isEmpty)
    }

    @Test func thePublicVersionHidesSmallCountsAndWhatWouldRevealThem() {
        let report = report(
            ["outstanding": 3, "good": 40, "requires-improvement": 30, "inadequate": 12], isPublic: true)
        // 3 is hidden; within the row (total shown) the smallest other, 12, goes too;
        // "Good or better" (43) would reveal the 3 from Good's 40, so 40 goes as well; and
        // the audits below Good (85 − 43 = 42) would reveal the 12 from 30, so 30 goes.
        #expect(report.grades.map(\.count) == [.suppressed, .suppressed, .suppressed, .suppressed])
        #expect(report.goodOrBetter == .shown(43) && report.audits == .shown(85))
        #expect(report.grades.allSatisfy { $0.share == nil } && report.goodOrBetterShare != nil)
        #expect(
            Set(report.suppressed).isSuperset(of: [
                "2025-06.grade.outstanding", "2025-06.grade.good", "2025-06.grade.inadequate",
            ]))
        // Criteria counts of 1 to 4 are hidden with their shares; caps too.
        #expect(report.criteria.map(\.count) == [.shown(7), .suppressed])
        #expect(report.criteria[1].share == nil)
        #expect(report.caps.map(\.count) == [.suppressed])
        // 4 of 10 new plans on time rests on 4 records: withheld.
        #expect(report.newPlansWithin20Weeks == nil)
    }

    @Test func theInternalVersionHidesNothing() {
        let report = report(["outstanding": 3, "good": 40, "requires-improvement": 30, "inadequate": 12])
        #expect(report.grades.map(\.count) == [.shown(3), .shown(40), .shown(30), .shown(12)])
        #expect(report.grades[0].share != nil)
    }

    @Test func gradesOfAnotherFrameworkAreKeptNotLost() {
        let report = report(["good": 5, "legacy-pass": 2])
        #expect(report.gradeScale.map(\.id).contains("legacy-pass"))
        #expect(report.grades.last?.count == .shown(2))
    }
}
