/// What one council shares with others for benchmarking (docs/comparison.md): twelve
/// months of its plan audits, advice and new plans, under the public report's disclosure
/// control, so that no count from 1 to 4, nor one that could be worked out, leaves the
/// council. A hidden count is nil.
///
/// ```swift
/// let figures = BenchmarkFigures.build(
///     council: "Northshire", framework: framework, period: year, months: twelveMonths, openPlans: 12_987)
/// figures.audits       // 7540
/// ```
public struct BenchmarkFigures: Sendable, Equatable {
    public struct SectionFigures: Sendable, Equatable {
        public var audits: Int?
        public var belowStandard: Int?

        public init(audits: Int?, belowStandard: Int?) {
            self.audits = audits
            self.belowStandard = belowStandard
        }
    }

    public var council: String
    public var framework: FrameworkReference
    public var from: YearMonth
    public var to: YearMonth
    public var openPlans: Int?
    public var audits: Int?
    public var goodOrBetter: Int?
    /// By section id.
    public var sections: [String: SectionFigures]
    /// Advice received (its timeliness known, exceptions left out), of it on time, and
    /// advice graded Good or better.
    public var adviceReceived: Int?
    public var adviceOnTime: Int?
    public var adviceGoodOrBetter: Int?
    /// New plans counted for the 20-week share, of them issued within 20 weeks, and those
    /// left out because an exception applied.
    public var newPlansCounted: Int?
    public var newPlansWithin20Weeks: Int?
    public var newPlansExceptions: Int?

    public init(
        council: String, framework: FrameworkReference, from: YearMonth, to: YearMonth, openPlans: Int?,
        audits: Int?, goodOrBetter: Int?, sections: [String: SectionFigures], adviceReceived: Int?,
        adviceOnTime: Int?, adviceGoodOrBetter: Int?, newPlansCounted: Int?, newPlansWithin20Weeks: Int?,
        newPlansExceptions: Int?
    ) {
        self.council = council
        self.framework = framework
        self.from = from
        self.to = to
        self.openPlans = openPlans
        self.audits = audits
        self.goodOrBetter = goodOrBetter
        self.sections = sections
        self.adviceReceived = adviceReceived
        self.adviceOnTime = adviceOnTime
        self.adviceGoodOrBetter = adviceGoodOrBetter
        self.newPlansCounted = newPlansCounted
        self.newPlansWithin20Weeks = newPlansWithin20Weeks
        self.newPlansExceptions = newPlansExceptions
    }

    /// The months a bundle covers.
    public static let months = 12

    /// The figures of `period` from its `months` (the month figures, as the monthly report
    /// counts them) under disclosure control.
    public static func build(
        council: String, framework: Framework, period: ReportPeriod, months: [MonthFigures], openPlans: Int?
    ) -> BenchmarkFigures {
        let good = Set(
            MonthlyReport.goodOrBetter(framework, scale: framework.grades.grades, grades: framework.grades.grades))
        let adviceGood = Set(
            framework.advice.map { MonthlyReport.goodOrBetter(framework, scale: $0.grades, grades: $0.grades) } ?? [])
        func sum(_ value: (MonthFigures) -> Int) -> Int { months.reduce(0) { $0 + value($1) } }
        let audits = sum(\.audits)
        let goodOrBetter = sum { $0.grades.filter { good.contains($0.key) }.values.reduce(0, +) }
        let advice = months.flatMap(\.advice)
        let received = advice.reduce(0) { $0 + $1.timely + $1.late }
        let onTime = advice.reduce(0) { $0 + $1.timely }
        let adviceGoodOrBetter = advice.reduce(0) {
            $0 + $1.grades.filter { adviceGood.contains($0.key) }.values.reduce(0, +)
        }
        let sections = framework.sections.map { section -> (id: String, audits: Int, below: Int) in
            let figures = months.flatMap(\.sections).filter { $0.id == section.id }
            let applicable = figures.reduce(0) { $0 + $1.applicable }
            let met = figures.reduce(0) { $0 + $1.grades.filter { good.contains($0.key) }.values.reduce(0, +) }
            return (section.id, applicable, applicable - met)
        }
        // Cells: the published counts, then each share's complement, which is published by
        // subtraction, so that a small complement hides its part (Disclosure.mask).
        var cells = [
            openPlans ?? 0, audits, goodOrBetter, audits - goodOrBetter, received, onTime, received - onTime,
            adviceGoodOrBetter, sum(\.newPlansTimed), sum(\.newPlansWithin20Weeks),
            sum(\.newPlansTimed) - sum(\.newPlansWithin20Weeks), sum(\.newPlansExceptions),
        ]
        var groups = [[1, 2, 3], [4, 5, 6], [8, 9, 10]]
        for section in sections {
            groups.append([cells.count, cells.count + 1, cells.count + 2])
            cells += [section.audits, section.below, section.audits - section.below]
        }
        // The open plans are a public fact (the council publishes its caseload).
        let hidden = Disclosure.mask(cells, groups: groups, fixed: [0])
        func shown(_ i: Int) -> Int? { hidden[i] ? nil : cells[i] }
        return BenchmarkFigures(
            council: council, framework: FrameworkReference(id: framework.id, version: framework.version),
            from: period.first, to: period.last, openPlans: openPlans, audits: shown(1), goodOrBetter: shown(2),
            sections: Dictionary(
                uniqueKeysWithValues: sections.indices.map { i in
                    (sections[i].id, SectionFigures(audits: shown(12 + 3 * i), belowStandard: shown(13 + 3 * i)))
                }),
            adviceReceived: shown(4), adviceOnTime: shown(5), adviceGoodOrBetter: shown(7), newPlansCounted: shown(8),
            newPlansWithin20Weeks: shown(9), newPlansExceptions: shown(11))
    }
}
