import EHCPAudit

/// `score --format text`: one record explained for the auditor who graded it.
public enum ScoreText {
    public static func record(_ result: AuditResult, framework: Framework) -> String {
        var lines: [String] = []
        lines.append("\(result.auditId), plan \(result.planId) (\(framework.title), version \(framework.version))")
        var gradeLine = "  Grade: \(result.grade.label), \(Formatting.fixed2(result.percent))%"
        if result.grade != result.boundaryGrade {
            gradeLine += " (the percentage alone would be \(result.boundaryGrade.label))"
        }
        lines.append(gradeLine)
        lines.append("  Sections:")
        for (section, score) in zip(framework.sections, result.sections) {
            let value =
                score.percent.map {
                    Formatting.pad(Formatting.fixed2($0) + "%", 8) + Formatting.pad(score.grade!.label, 22)
                }
                ?? Formatting.pad("n/a", 30)
            lines.append("    \(Formatting.pad(section.id, 4))\(value)\(section.title)")
        }
        for cap in result.caps {
            let rating = framework.rating(cap.rating)?.label ?? cap.rating
            lines.append("  Limited to \(cap.grade.label) because \(cap.criterion) was rated \(rating).")
        }
        if result.actions.isEmpty {
            lines.append(
                """
                  No improvement actions: every criterion reached \
                \(framework.rating(framework.actionBelow)?.label ?? framework.actionBelow) or better.
                """
            )
        } else {
            lines.append("  Improvement actions, largest gain first:")
            for (n, action) in result.actions.enumerated() {
                let rating = framework.rating(action.rating)?.label ?? action.rating
                lines.append(
                    Formatting.wrap(
                        """
                        \(n + 1). +\(Formatting.fixed2(action.gain)) points, \(action.criterion) (rated \
                        \(rating)): \(action.text)
                        """,
                        indent: "    "))
            }
        }
        if !result.advices.isEmpty {
            lines.append("  Advice:")
            for advice in result.advices {
                lines.append(Formatting.wrap(adviceLine(advice, framework: framework), indent: "    "))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// What changed since the plan's previous audit: the grade before and after, the
    /// criteria raised and lowered, and what became of the actions it raised.
    public static func change(_ reaudit: Reaudit, _ framework: Framework) -> String {
        func grade(_ id: String) -> String { framework.label(grade: id) }
        func rating(_ id: String) -> String { framework.label(rating: id) }
        func list(_ changes: [Reaudit.Change]) -> String {
            changes.isEmpty
                ? "none"
                : changes.map { "\($0.criterion) (\(rating($0.before)) to \(rating($0.after)))" }.joined(
                    separator: ", ")
        }
        let previous = reaudit.previous
        var lines = [
            """
              Since \(previous.auditId) (\(previous.date)): \(grade(previous.grade)) \
            \(Formatting.fixed2(previous.percent))% to \(grade(reaudit.latest.grade)) \
            \(Formatting.fixed2(reaudit.latest.percent))%.
            """,
            "Raised: \(list(reaudit.raised)).", "Lowered: \(list(reaudit.lowered)).",
        ]
        if !reaudit.actions.isEmpty {
            func named(_ status: Reaudit.ActionStatus) -> String {
                let criteria = reaudit.actions.filter { $0.status == status }.map(\.criterion)
                return criteria.isEmpty ? "0" : "\(criteria.count) (\(criteria.joined(separator: ", ")))"
            }
            lines.append(
                """
                Its actions: \(named(.closed)) closed, \(named(.open)) still open, \(named(.notAssessed)) not \
                assessed.
                """)
        }
        return lines.enumerated().map {
            $0 == 0 ? Formatting.wrap($1, indent: "  ") : Formatting.wrap($1, indent: "    ")
        }
        .joined(separator: "\n")
    }

    private static func adviceLine(_ advice: AdviceResult, framework: Framework) -> String {
        var parts = ["\(advice.id) (\(advice.agency.rawValue)\(advice.provider.map { ", \($0)" } ?? ""))"]
        switch advice.status {
        case .received, .noNeedsIdentified:
            let found = advice.status == .noNeedsIdentified ? "no needs identified" : "received"
            parts.append(
                advice.grade.map { "\(found), \($0.label) (\(Formatting.fixed2(advice.percent!))%)" }
                    ?? "\(found), not scored (every criterion not applicable)")
        case .blank: parts.append("blank return")
        case .notReceived: parts.append("not received")
        case .notKnown: parts.append("child not known to the service")
        }
        if let days = advice.days, let deadline = framework.advice?.deadlineDays {
            parts.append("\(days) days, \(advice.timely == true ? "on time" : "late") (due within \(deadline))")
        }
        return parts.joined(separator: ": ")
    }
}
