extension MonthlyReport {
    /// The whole caseload in a sentence for the board: how many plans the plan checks had
    /// read by the end of the month, and the checks that found something in most of them.
    /// Every figure is the census's own, under its disclosure control, so the board report
    /// never shows what the census report (`report checks`) hides.
    public struct Caseload: Sendable, Equatable {
        /// How many checks the paragraph names at most.
        public static let mostFound = 3

        /// Plans in the population; nil when the store holds none.
        public var population: Int?
        public var checked: ReportCount
        public var checkedInPopulation: ReportCount
        public var coverage: Share?
        /// The checks with the largest shares shown, largest first (ties in check order),
        /// none that found nothing.
        public var checks: [PlanCheckCensus.CheckFigure]
        /// The census cells the paragraph would show but hides, as `caseload.<cell>`.
        public var suppressed: [String]

        public init(_ census: PlanCheckCensus) {
            population = census.population
            checked = census.checked
            checkedInPopulation = census.checkedInPopulation
            coverage = census.coverage
            let found = census.checks.filter { $0.share != nil && ($0.plans.value ?? 0) > 0 }
            checks = Array(
                found.sorted { ($0.plans.value!, $1.check) > ($1.plans.value!, $0.check) }.prefix(Self.mostFound))
            let keys = ["checked", "checked.inPopulation"]
            suppressed = keys.filter { census.suppressed.contains($0) }.map { "caseload." + $0 }
        }
    }
}
