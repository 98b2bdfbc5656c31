/// A grade on a framework's boundaries, such as "Good" from 50% upwards.
///
/// Grades are listed best first; `minPercent` strictly decreases and the last is 0, so
/// every percentage from 0 to 100 falls in exactly one grade.
public struct Grade: Sendable, Equatable {
    public var id: String
    public var label: String
    /// The lowest percentage that still earns this grade.
    public var minPercent: Double

    public init(id: String, label: String, minPercent: Double) {
        self.id = id
        self.label = label
        self.minPercent = minPercent
    }
}

/// An ordered list of grades, best first, that turns a percentage into a grade.
public struct GradeScale: Sendable, Equatable {
    /// How far below a boundary a percentage may fall and still reach it, so that a
    /// value such as 49.99999999999 computed in floating point earns the 50% grade.
    public static let tolerance = 1e-9

    public let grades: [Grade]

    public init(_ grades: [Grade]) {
        self.grades = grades
    }

    /// The position (0 = best) of the first grade whose boundary the percent reaches.
    public func rank(for percent: Double) -> Int {
        grades.firstIndex { percent >= $0.minPercent - Self.tolerance } ?? grades.count - 1
    }

    /// The position of the grade with this id, if any.
    public func rank(of id: String) -> Int? {
        grades.firstIndex { $0.id == id }
    }
}
