@testable import EHCPAudit

/// A small framework whose numbers are easy to follow by hand.
///
/// Scale 4/3/2/1 -> criterion percents 100, 66.67, 33.33, 0. Grades 80/50/20/0.
/// Sections: A (weight 1: A1, A2 may be na), F (weight 3: F1 weight 2 capped, F2),
/// G (weight 1: G1, G2 both may be na). Advice: HA1 (needs-dependent), HA2.
enum Fixtures {
    static let scale = [
        Rating(id: "outstanding", label: "Outstanding", points: 4),
        Rating(id: "good", label: "Good", points: 3),
        Rating(id: "requires-improvement", label: "Requires improvement", points: 2),
        Rating(id: "inadequate", label: "Inadequate", points: 1),
    ]
    static let grades = [
        Grade(id: "outstanding", label: "Outstanding", minPercent: 80),
        Grade(id: "good", label: "Good", minPercent: 50),
        Grade(id: "requires-improvement", label: "Requires improvement", minPercent: 20),
        Grade(id: "inadequate", label: "Inadequate", minPercent: 0),
    ]

    static func criterion(
        _ id: String, weight: Double = 1, na: Bool = false, needs: Bool = false, cap: Cap? = nil
    ) -> Criterion {
        Criterion(
            id: id, text: "Text of \(id)", weight: weight, notApplicable: na, needsDependent: needs, cap: cap,
            action: "Improve \(id).")
    }

    static let sections = [
        Section(id: "A", title: "Views", weight: 1, criteria: [criterion("A1"), criterion("A2", na: true)]),
        Section(
            id: "F", title: "Provision", weight: 3,
            criteria: [
                criterion("F1", weight: 2, cap: Cap(at: "inadequate", grade: "requires-improvement")), criterion("F2"),
            ]),
        Section(
            id: "G", title: "Health provision", weight: 1,
            criteria: [criterion("G1", na: true), criterion("G2", na: true)]),
    ]

    static let advice = AdviceCriteria(
        deadlineDays: 42, grades: grades,
        criteria: [
            criterion("HA1", needs: true), criterion("HA2"),
        ])

    static func framework(
        scale: [Rating] = scale, actionBelow: String = "good", grades: [Grade] = grades,
        sections: [Section] = sections, advice: AdviceCriteria? = advice
    ) throws -> Framework {
        try Framework(
            id: "mini", version: "1", title: "Mini framework", scale: scale, actionBelow: actionBelow, grades: grades,
            sections: sections, advice: advice)
    }

    /// A record with the given ratings; criteria not named are rated `good`, G1/G2 `na`.
    static func record(_ ratings: [String: String] = [:], advices: [Advice] = []) -> AuditRecord {
        let ids = ["A1", "A2", "F1", "F2", "G1", "G2"]
        let defaults = ["G1": "na", "G2": "na"]
        return AuditRecord(
            auditId: "AUD-1", planId: "P1", framework: FrameworkReference(id: "mini", version: "1"),
            auditor: "auditor-1", auditDate: CalendarDate("2025-06-12")!,
            judgements: ids.map { Judgement(criterion: $0, rating: ratings[$0] ?? defaults[$0] ?? "good") },
            advices: advices
        )
    }

    static func advice(
        _ status: AdviceStatus, _ ratings: [String: String]? = nil, requested: String? = "2025-02-01",
        received: String? = "2025-03-01"
    ) -> Advice {
        let judged = status.isJudged ? (ratings ?? ["HA1": "good", "HA2": "good"]) : (ratings ?? [:])
        return Advice(
            id: "ADV-1", agency: .health, provider: "Trust", requested: requested.flatMap { CalendarDate($0) },
            received: received.flatMap { CalendarDate($0) }, status: status,
            judgements: judged.sorted { $0.key < $1.key }.map { Judgement(criterion: $0.key, rating: $0.value) }
        )
    }
}
