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
        let width = framework.sections.map { $0.id.count + $0.title.count }.max().map { $0 + 3 } ?? 0
        for (section, score) in zip(framework.sections, result.sections) {
            let name = Formatting.pad("\(section.id)  \(section.title)", width)
            let value = score.percent.map { "\(Formatting.pad(Formatting.fixed2($0) + "%", 8)) \(score.grade!.label)" } ?? "not applicable"
            lines.append("    \(name) \(value)")
        }
        for cap in result.caps {
            let rating = framework.rating(cap.rating)?.label ?? cap.rating
            lines.append("  Limited to \(cap.grade.label) because \(cap.criterion) was rated \(rating).")
        }
        if result.actions.isEmpty {
            lines.append("  No improvement actions: every criterion reached \(framework.rating(framework.actionBelow)?.label ?? framework.actionBelow) or better.")
        } else {
            lines.append("  Improvement actions, largest gain first:")
            for (n, action) in result.actions.enumerated() {
                let rating = framework.rating(action.rating)?.label ?? action.rating
                lines.append("    \(n + 1). +\(Formatting.fixed2(action.gain)) points, \(action.criterion) (rated \(rating)): \(action.text)")
            }
        }
        if !result.advices.isEmpty {
            lines.append("  Advice:")
            for advice in result.advices { lines.append("    " + adviceLine(advice, framework: framework)) }
        }
        return lines.joined(separator: "\n")
    }

    private static func adviceLine(_ advice: AdviceResult, framework: Framework) -> String {
        var parts = ["\(advice.id) (\(advice.agency.rawValue)\(advice.provider.map { ", \($0)" } ?? ""))"]
        switch advice.status {
        case .received, .noNeedsIdentified:
            let found = advice.status == .noNeedsIdentified ? "no needs identified" : "received"
            parts.append(advice.grade.map { "\(found), \($0.label) (\(Formatting.fixed2(advice.percent!))%)" } ?? "\(found), not scored (every criterion not applicable)")
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
