import EHCPAuditKit
import Foundation

/// On an audit's page, for a plan audited before: what changed since its previous audit,
/// and whether the actions that audit raised were acted on.
struct ReauditView {
    let reaudit: Reaudit
    let framework: Framework

    func render() -> HTML {
        func grade(_ id: String) -> String { framework.label(grade: id) }
        func rating(_ id: String) -> String { framework.label(rating: id) }
        func changes(_ list: [Reaudit.Change], _ caption: String) -> HTML {
            guard !list.isEmpty else { return "<p>\(caption): none.</p>" }
            return Page.table(
                caption, ["Criterion", "Before", "Now"],
                list.map { ["\($0.criterion)", "\(rating($0.before))", "\(rating($0.after))"] })
        }
        let previous = reaudit.previous
        let words: [Reaudit.ActionStatus: String] = [
            .closed: "closed", .open: "still open", .notAssessed: "not assessed (N/A now, or no longer a criterion)",
        ]
        let actions = reaudit.actions.map { action -> [HTML] in
            ["\(action.criterion)", "\(words[action.status] ?? "")"]
        }
        return """
            <h2>Since the previous audit</h2>
            <p>The plan's previous audit, \(previous.auditId) on \(previous.date), was graded \
            \(grade(previous.grade)) (\(Formatting.fixed2(previous.percent))%); this one is \
            \(grade(reaudit.latest.grade)) (\(Formatting.fixed2(reaudit.latest.percent))%).</p>
            \(changes(reaudit.raised, "Criteria rated higher"))
            \(changes(reaudit.lowered, "Criteria rated lower"))
            \(actions.isEmpty ? "<p>The previous audit raised no actions.</p>"
                : Page.table("Actions the previous audit raised", ["Criterion", "Now"], actions) as HTML)
            """
    }
}
