import EHCPAuditTestSupport
import Testing

@testable import EHCPAuditStore

/// Each report query of the store against the same figures counted in Swift, straight
/// from the scored records, over a small seeded store of three months.
struct ReportQueryTests {
    static let months = [YearMonth("2025-04")!, YearMonth("2025-05")!, YearMonth("2025-06")!]
    static let records: [AuditRecord] = {
        let plans = SyntheticPopulation(count: 300, seed: "queries", asOf: CalendarDate("2025-04-01")!).plans
        return Array(
            SyntheticAudits(
                framework: Project.framework, plans: plans, count: 240, months: 3, last: months[2], seed: "queries"))
    }()
    static let scored: [(record: AuditRecord, result: AuditResult)] = records.map {
        ($0, try! Project.catalog.score($0))
    }
    static let seeded = try! store(with: records)

    /// The records a report counts, by the rule the store states in SQL.
    static func counted(in period: ReportPeriod) -> [(record: AuditRecord, result: AuditResult)] {
        scored.filter {
            $0.record.status == .final && $0.record.kind != .moderation
                && period.contains(YearMonth($0.record.auditDate))
        }
    }

    @Test func theSeedHasEveryKindOfAudit() {
        #expect(Set(Self.records.map(\.kind)) == Set(AuditKind.allCases))
        #expect(Self.records.contains { $0.status == .draft })
        #expect(Set(Self.records.map { YearMonth($0.auditDate) }) == Set(Self.months))
    }

    @Test(arguments: months)
    func monthFiguresMatchTheRecords(_ month: YearMonth) throws {
        let figures = try Self.seeded.monthFigures(month, framework: "ehcp-qa")
        let counted = Self.counted(in: ReportPeriod(month: month))
        #expect(figures.audits == counted.count)
        #expect(figures.grades == Dictionary(counted.map { ($0.result.grade.id, 1) }, uniquingKeysWith: +))
        var sections: [String: (applicable: Int, sum: Double, grades: [String: Int])] = [:]
        for section in counted.flatMap(\.result.sections) {
            guard let percent = section.percent, let grade = section.grade else { continue }
            var entry = sections[section.id] ?? (0, 0, [:])
            entry.applicable += 1
            entry.sum += percent
            entry.grades[grade.id, default: 0] += 1
            sections[section.id] = entry
        }
        #expect(Set(figures.sections.map(\.id)) == Set(sections.keys))
        for section in figures.sections {
            let expected = try #require(sections[section.id])
            #expect(section.applicable == expected.applicable && section.grades == expected.grades)
            #expect(abs(section.percentSum - expected.sum) < 1e-6)
        }
        let actions = Dictionary(counted.flatMap(\.result.actions).map { ($0.criterion, 1) }, uniquingKeysWith: +)
        #expect(Dictionary(uniqueKeysWithValues: figures.criteriaBelow.map { ($0.criterion, $0.count) }) == actions)
        let caps = Dictionary(counted.flatMap(\.result.caps).map { ($0.criterion, 1) }, uniquingKeysWith: +)
        #expect(Dictionary(uniqueKeysWithValues: figures.caps.map { ($0.criterion, $0.count) }) == caps)
        let known = counted.compactMap { pair -> (days: Int, exception: Bool)? in
            let plan = pair.record.plan
            guard plan.planType == .new, let request = plan.requestDate, let issue = plan.issueDate else { return nil }
            let days = request.days(until: issue)
            return days >= 0 ? (days, plan.timelinessException) : nil
        }
        let timed = known.filter { !$0.exception }.map(\.days)
        #expect(figures.newPlansTimed == timed.count)
        #expect(figures.newPlansWithin20Weeks == timed.filter { $0 <= 140 }.count)
        #expect(figures.newPlansExceptions == known.filter(\.exception).count)
        #expect(figures.advice.map(\.total).reduce(0, +) == counted.map(\.record.advices.count).reduce(0, +))
    }

    @Test(arguments: months)
    func reauditsPairEachPlansLatestAuditWithTheOneBefore(_ month: YearMonth) throws {
        let period = ReportPeriod(month: month)
        let counted = Self.scored.filter {
            $0.record.status == .final && $0.record.kind != .moderation && YearMonth($0.record.auditDate) <= month
        }
        let expected = Reaudit.pairs(counted.map { Reaudit.Audit($0.record, $0.result) }, within: period).map {
            Reaudit(previous: $0.previous, latest: $0.latest, framework: Project.framework)
        }
        #expect(!expected.isEmpty)
        #expect(try Self.seeded.reaudits(for: period, framework: Project.framework) == expected)
        // What reports read: the same pairs and comparisons, without the ratings.
        let light = try Self.seeded.reaudits(for: period, framework: Project.framework, keepingRatings: false)
        #expect(light.map(\.previous.auditId) == expected.map(\.previous.auditId))
        #expect(light.map(\.latest.grade) == expected.map(\.latest.grade))
        #expect(light.map(\.actions) == expected.map(\.actions) && light.map(\.lowered) == expected.map(\.lowered))
        #expect(light.map(\.raised) == expected.map(\.raised))
        #expect(light.allSatisfy { $0.previous.ratings.isEmpty && $0.latest.ratings.isEmpty })
    }

    @Test func gradeCountsCoverEveryMonthOfThePeriod() throws {
        let period = ReportPeriod(from: YearMonth("2025-02")!, to: YearMonth("2025-06")!)!
        let counts = try Self.seeded.gradeCounts(for: period, framework: "ehcp-qa")
        #expect(counts.map(\.month.description) == ["2025-02", "2025-03", "2025-04", "2025-05", "2025-06"])
        for month in counts {
            let counted = Self.counted(in: ReportPeriod(month: month.month))
            #expect(month.audits == counted.count)
            #expect(month.grades == Dictionary(counted.map { ($0.result.grade.id, 1) }, uniquingKeysWith: +))
        }
    }

    @Test func adviceFiguresCountEveryStatusByProvider() throws {
        let period = ReportPeriod(from: Self.months[0], to: Self.months[2])!
        let figures = try Self.seeded.adviceFigures(for: period, framework: "ehcp-qa")
        let advices = Self.counted(in: period).flatMap { pair in zip(pair.record.advices, pair.result.advices) }
        for group in figures {
            let mine = advices.filter { $0.0.agency == group.agency && $0.0.provider == group.provider }
            #expect(group.total == mine.count)
            #expect(group.grades == Dictionary(mine.compactMap { $0.1.grade.map { ($0.id, 1) } }, uniquingKeysWith: +))
            #expect(group.timely == mine.filter { $0.1.timely == true && !$0.0.timelinessException }.count)
            #expect(group.late == mine.filter { $0.1.timely == false && !$0.0.timelinessException }.count)
            #expect(group.blank == mine.filter { $0.0.status == .blank }.count)
            #expect(group.noNeeds == mine.filter { $0.0.status == .noNeedsIdentified }.count)
            #expect(group.notReceived == mine.filter { $0.0.status == .notReceived }.count)
            // An exception to the deadline leaves the advice out of every timeliness figure.
            let timed = mine.filter { !$0.0.timelinessException }
            #expect(group.exceptions == mine.count - timed.count)
            #expect(group.overdue == timed.filter { $0.0.status == .notReceived }.count)
            #expect(group.days.sorted() == timed.compactMap(\.1.days).sorted())
        }
        #expect(figures.map(\.total).reduce(0, +) == advices.count)
        #expect(figures.map(\.exceptions).reduce(0, +) > 0, "the generated data holds some exceptions")
        let health = try Self.seeded.adviceFigures(for: period, framework: "ehcp-qa", agency: .health)
        #expect(!health.isEmpty && health.allSatisfy { $0.agency == .health })
    }

    @Test func adviceRatingsAreCountedPerCriterion() throws {
        let period = ReportPeriod(from: Self.months[0], to: Self.months[2])!
        let ratings = try Self.seeded.adviceCriterionRatings(for: period, framework: "ehcp-qa")
        let judgements = Self.counted(in: period).flatMap(\.record.advices).flatMap(\.judgements)
        #expect(ratings.map(\.count).reduce(0, +) == judgements.count)
        // Every (provider, agency, criterion, rating) counted as the records give it, in order.
        let expected = Dictionary(
            Self.counted(in: period).flatMap(\.record.advices).flatMap { advice in
                advice.judgements.map { ([advice.provider ?? "", advice.agency.rawValue, $0.criterion, $0.rating], 1) }
            }, uniquingKeysWith: +)
        #expect(
            Dictionary(
                uniqueKeysWithValues: ratings.map {
                    ([$0.provider ?? "", $0.agency, $0.criterion, $0.rating], $0.count)
                })
                == expected)
        let keys = ratings.map { [$0.provider ?? "", $0.agency, $0.criterion, $0.rating] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test(arguments: LearningReport.Grouping.allCases)
    func groupFactsMatchTheRecords(_ grouping: LearningReport.Grouping) throws {
        let period = ReportPeriod(from: Self.months[0], to: Self.months[2])!
        let facts = try Self.seeded.groupFacts(grouping, for: period, framework: "ehcp-qa")
        let counted = Self.counted(in: period)
        /// Criterion → rating → how often, as the store's packed ratings should give it back.
        func tally(_ judgements: [Judgement]) -> [String: [String: Int]] {
            Dictionary(grouping: judgements, by: \.criterion).mapValues {
                Dictionary($0.map { ($0.rating, 1) }, uniquingKeysWith: +)
            }
        }
        if grouping == .provider {
            let advices = counted.flatMap(\.record.advices)
            #expect(facts.map(\.count).reduce(0, +) == advices.count)
            for entry in facts {
                #expect(entry.ratings == tally(advices.filter { $0.provider == entry.group }.flatMap(\.judgements)))
            }
            return
        }
        func group(_ record: AuditRecord) -> String? {
            switch grouping {
            case .auditor: record.auditor
            case .team: record.plan.team
            case .caseworker: record.plan.caseworker
            case .provider: nil
            }
        }
        #expect(facts.map(\.count).reduce(0, +) == counted.count)
        for entry in facts {
            let mine = counted.filter { group($0.record) == entry.group }
            #expect(entry.count == mine.count)
            #expect(entry.grades == Dictionary(mine.map { ($0.result.grade.id, 1) }, uniquingKeysWith: +))
            #expect(entry.ratings == tally(mine.flatMap(\.record.judgements)))
        }
    }

    @Test func frameworkUseAndProgressCountTheMonth() throws {
        let june = ReportPeriod(month: Self.months[2])
        #expect(
            try Self.seeded.frameworkUse(for: june) == [
                FrameworkReference(id: Project.framework.id, version: Project.framework.version)
            ])
        let progress = try Self.seeded.progress(for: june).months[0]
        let finals = Self.records.filter { $0.status == .final && june.contains(YearMonth($0.auditDate)) }
        #expect(progress.target == nil, "no sample drawn")
        #expect(progress.completed == finals.filter { $0.kind != .moderation }.count)
        #expect(progress.moderation == finals.filter { $0.kind == .moderation }.count)
    }
}
