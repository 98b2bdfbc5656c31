/// One word of a framework's rating scale, such as "Good" worth 3 points.
///
/// The scale is listed best first with strictly decreasing points, so the first entry is
/// the highest mark (`pmax`) and the last the lowest (`pmin`).
public struct Rating: Sendable, Equatable {
    /// Stable identifier used in audit records, e.g. `requires-improvement`.
    public var id: String
    /// The word a person reads, e.g. "Requires improvement".
    public var label: String
    /// The rating's worth; only differences between points matter.
    public var points: Double

    public init(id: String, label: String, points: Double) {
        self.id = id
        self.label = label
        self.points = points
    }
}

/// The rating id an auditor gives when a criterion does not apply to the plan.
public let notApplicableRating = "na"
