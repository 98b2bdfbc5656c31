/// The monthly report's "The family's view beside the auditor's": ``FamilyVoice``'s table
/// with every count under the report's disclosure control.
public struct FamilyVoiceRows: Sendable, Equatable {
    /// The months whose audits were paired (the twelve ending with the report's month).
    public var period: ReportPeriod
    public var plans: ReportCount
    /// The rows (the plan audit's grades) and columns (the family's), best first.
    public var planGrades: [Grade]
    public var familyGrades: [Grade]
    /// Row totals, column totals, and `table[row][column]`.
    public var byPlanGrade: [ReportCount]
    public var byFamilyGrade: [ReportCount]
    public var table: [[ReportCount]]
}

extension MonthlyReport {
    /// Registers the table's counts with the sums that tie them: each row adds up to its
    /// row total, each column to its column total, and the row totals and the column totals
    /// each to the plans. A small cell is hidden with another of its row and of its column.
    static func registerFamilyVoice(_ voice: FamilyVoice, _ plan: inout DisclosurePlan) {
        let rows = voice.planGrades.map(\.id), columns = voice.familyGrades.map(\.id)
        let byRow = voice.byPlanGrade, byColumn = voice.byFamilyGrade
        plan.group(("familyVoice.plans", voice.plans), rows.indices.map { ("familyVoice.plan.\(rows[$0])", byRow[$0]) })
        plan.group(
            ("familyVoice.plans", voice.plans),
            columns.indices.map { ("familyVoice.family.\(columns[$0])", byColumn[$0]) })
        for (r, row) in rows.enumerated() {
            plan.group(
                ("familyVoice.plan.\(row)", byRow[r]),
                columns.indices.map { ("familyVoice.\(row).\(columns[$0])", voice.table[r][$0]) })
        }
        for column in columns {
            plan.group(keys: ["familyVoice.family.\(column)"] + rows.map { "familyVoice.\($0).\(column)" })
        }
    }

    /// Reads the table back off the solved plan; nil when no plan has both, or when a
    /// public report would hide every count but the plans (it then leaves the section out).
    static func familyVoiceRows(_ voice: FamilyVoice, _ plan: DisclosurePlan) -> FamilyVoiceRows? {
        let rows = voice.planGrades.map(\.id), columns = voice.familyGrades.map(\.id)
        let result = FamilyVoiceRows(
            period: voice.period, plans: plan.count("familyVoice.plans"), planGrades: voice.planGrades,
            familyGrades: voice.familyGrades, byPlanGrade: rows.map { plan.count("familyVoice.plan.\($0)") },
            byFamilyGrade: columns.map { plan.count("familyVoice.family.\($0)") },
            table: rows.map { row in columns.map { plan.count("familyVoice.\(row).\($0)") } })
        let counts = result.byPlanGrade + result.byFamilyGrade + result.table.flatMap { $0 }
        guard voice.plans > 0, counts.contains(where: { ($0.value ?? 0) > 0 }) else { return nil }
        return result
    }
}
