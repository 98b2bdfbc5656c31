/// The family's view beside the auditor's: for each plan with both a counted plan audit
/// and a counted family-voice record in a period, the grade of each (docs/family-voice.md),
/// cross-tabulated plan grade × family grade.
///
/// ```swift
/// let voice = FamilyVoice(
///     period: ReportPeriod.year(endingWith: YearMonth("2025-06")!),
///     planGrades: planFramework.grades.grades, familyGrades: familyFramework.grades.grades,
///     pairs: [.init(planGrade: "good", familyGrade: "positive")])
/// voice.table  // [[0, 0, 0, 0], [0, 1, 0, 0], …]: rows plan grades, columns family grades
/// ```
public struct FamilyVoice: Sendable, Equatable {
    /// The id of the shipped family-voice framework, `criteria/family-voice.yaml`.
    public static let frameworkId = "family-voice"

    /// One plan: its plan audit's grade and the family's grade.
    public struct Pair: Sendable, Equatable {
        public var planGrade: String
        public var familyGrade: String

        public init(planGrade: String, familyGrade: String) {
            self.planGrade = planGrade
            self.familyGrade = familyGrade
        }
    }

    /// The months whose audits were paired.
    public var period: ReportPeriod
    /// The rows (the plan audit's grades) and columns (the family's), best first; a grade a
    /// pair holds that the framework does not (an audit of an older version) is added after.
    public var planGrades: [Grade]
    public var familyGrades: [Grade]
    /// `table[row][column]`: plans with that plan grade and that family grade.
    public var table: [[Int]]

    public init(period: ReportPeriod, planGrades: [Grade], familyGrades: [Grade], pairs: [Pair]) {
        self.period = period
        let rows = Self.withEvery(pairs.map(\.planGrade), planGrades)
        let columns = Self.withEvery(pairs.map(\.familyGrade), familyGrades)
        var table = [[Int]](repeating: [Int](repeating: 0, count: columns.count), count: rows.count)
        for pair in pairs {
            let row = rows.firstIndex { $0.id == pair.planGrade }!
            let column = columns.firstIndex { $0.id == pair.familyGrade }!
            table[row][column] += 1
        }
        self.planGrades = rows
        self.familyGrades = columns
        self.table = table
    }

    /// How many plans were paired.
    public var plans: Int { table.reduce(0) { $0 + $1.reduce(0, +) } }

    /// Plans by plan grade (the row totals).
    public var byPlanGrade: [Int] { table.map { $0.reduce(0, +) } }

    /// Plans by family grade (the column totals).
    public var byFamilyGrade: [Int] {
        familyGrades.indices.map { column in table.reduce(0) { $0 + $1[column] } }
    }

    private static func withEvery(_ ids: [String], _ grades: [Grade]) -> [Grade] {
        var all = grades
        for id in Set(ids).sorted() where !all.contains(where: { $0.id == id }) {
            all.append(Grade(id: id, label: id, minPercent: 0))
        }
        return all
    }
}
