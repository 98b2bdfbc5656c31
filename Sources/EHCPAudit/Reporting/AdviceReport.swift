/// Advice quality and timeliness provider by provider, for designated clinical and
/// social care officers.
public struct AdviceReport: Sendable, Equatable {
    public struct CriterionQuality: Sendable, Equatable {
        public var criterion: String
        public var text: String
        /// Counts per rating, in scale order.
        public var ratings: [Int]
        public var notApplicable: Int
        public var meanPercent: Double?
    }

    public struct Band: Sendable, Equatable {
        public var label: String
        public var count: Int
    }

    public struct Provider: Sendable, Equatable {
        public var name: String
        public var agency: Agency
        public var figures: AdviceFigures
        public var quality: [CriterionQuality]
        public var timeliness: [Band]
        public var medianDays: Int?
        /// Audits refused at import for rating a needs-dependent criterion of this
        /// provider's no-needs advice: auditor errors the tool caught.
        public var corrections: Int
    }

    public var period: ReportPeriod
    public var deadlineDays: Int
    public var scale: [Rating]
    public var providers: [Provider]

    /// A rating of an advice criterion, as the store counts them.
    public struct RatingCount: Sendable, Equatable {
        public var provider: String?
        public var agency: String
        public var criterion: String
        public var rating: String
        public var count: Int

        public init(provider: String?, agency: String, criterion: String, rating: String, count: Int) {
            self.provider = provider
            self.agency = agency
            self.criterion = criterion
            self.rating = rating
            self.count = count
        }
    }

    public static func build(
        period: ReportPeriod, figures: [AdviceFigures], ratings: [RatingCount],
        corrections: [(agency: String?, provider: String?)], framework: Framework
    ) -> AdviceReport {
        let deadline = framework.advice?.deadlineDays ?? 42
        let providers = figures.map { group -> Provider in
            let mine = ratings.filter { $0.provider == group.provider && $0.agency == group.agency.rawValue }
            let quality = (framework.advice?.criteria ?? []).map { criterion -> CriterionQuality in
                let counts = mine.filter { $0.criterion == criterion.id }
                let byRating = framework.scale.map { rating in
                    counts.filter { $0.rating == rating.id }.reduce(0) { $0 + $1.count }
                }
                let rated = byRating.reduce(0, +)
                let sum = zip(framework.scale, byRating).reduce(0.0) { $0 + Double($1.1) * framework.percent(of: $1.0) }
                return CriterionQuality(
                    criterion: criterion.id, text: criterion.text, ratings: byRating,
                    notApplicable: counts.filter { $0.rating == notApplicableRating }.reduce(0) { $0 + $1.count },
                    meanPercent: rated > 0 ? sum / Double(rated) : nil
                )
            }
            return Provider(
                name: group.provider ?? "(provider not given)", agency: group.agency, figures: group, quality: quality,
                timeliness: bands(group, deadline: deadline), medianDays: median(group.days),
                corrections: corrections.filter { $0.agency == group.agency.rawValue && $0.provider == group.provider }
                    .count
            )
        }.sorted { ($0.name, $0.agency.rawValue) < ($1.name, $1.agency.rawValue) }
        return AdviceReport(period: period, deadlineDays: deadline, scale: framework.scale, providers: providers)
    }

    /// Days from request to receipt, in bands a DCO can act on, plus the advice never received
    /// and, when any, the advice left out because an exception to the deadline applied.
    static func bands(_ figures: AdviceFigures, deadline: Int) -> [Band] {
        let days = figures.days
        let exceptions = Band(label: "exception to the deadline (left out)", count: figures.exceptions)
        return [
            Band(label: "on time (within \(deadline) days)", count: days.filter { $0 <= deadline }.count),
            Band(label: "up to 2 weeks late", count: days.filter { $0 > deadline && $0 <= deadline + 14 }.count),
            Band(label: "2 to 6 weeks late", count: days.filter { $0 > deadline + 14 && $0 <= deadline + 42 }.count),
            Band(label: "more than 6 weeks late", count: days.filter { $0 > deadline + 42 }.count),
            Band(label: "never received", count: figures.overdue),
        ] + (figures.exceptions > 0 ? [exceptions] : [])
    }

    static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[(sorted.count - 1) / 2]
    }
}
