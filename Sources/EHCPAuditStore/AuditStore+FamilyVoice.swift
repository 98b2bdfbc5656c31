import EHCPAudit
internal import GRDB

extension AuditStore {
    /// The family's view beside the auditor's over `period` (docs/family-voice.md): each
    /// plan with a counted audit under `framework` and a counted family-voice record, both
    /// dated in the period, paired by plan id, the latest of each (by date, then audit id)
    /// where a plan has more than one. Nil when no plan has both, or when `framework` is
    /// family voice itself.
    ///
    /// ```swift
    /// let year = ReportPeriod.year(endingWith: YearMonth("2025-06")!)
    /// let voice = try store.familyVoice(for: year, beside: try store.reportFramework(for: year, id: "ehcp-qa"))
    /// voice?.table  // plans by plan grade (rows) and family grade (columns)
    /// ```
    public func familyVoice(for period: ReportPeriod, beside framework: Framework) throws -> FamilyVoice? {
        guard framework.id != FamilyVoice.frameworkId else { return nil }
        let pairs = try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    WITH latest AS (
                        SELECT a.plan_id, a.framework_id, a.grade, ROW_NUMBER() OVER (
                            PARTITION BY a.plan_id, a.framework_id ORDER BY a.audit_date DESC, a.audit_id DESC) AS n
                        FROM audits a
                        WHERE a.month BETWEEN ? AND ? AND a.framework_id IN (?, ?) AND \(Self.countedAudits))
                    SELECT p.grade AS plan, f.grade AS family
                    FROM latest p JOIN latest f ON f.plan_id = p.plan_id
                    WHERE p.framework_id = ? AND f.framework_id = ? AND p.n = 1 AND f.n = 1
                    ORDER BY p.plan_id
                    """,
                arguments: [
                    period.first.description, period.last.description, framework.id, FamilyVoice.frameworkId,
                    framework.id, FamilyVoice.frameworkId,
                ]
            ).map { FamilyVoice.Pair(planGrade: $0["plan"], familyGrade: $0["family"]) }
        }
        guard !pairs.isEmpty else { return nil }
        let family = try reportFramework(for: period, id: FamilyVoice.frameworkId)
        return FamilyVoice(
            period: period, planGrades: framework.grades.grades, familyGrades: family.grades.grades, pairs: pairs)
    }
}
