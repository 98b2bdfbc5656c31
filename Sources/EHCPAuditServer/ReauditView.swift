import EHCPAuditKit
import Foundation

/// On an audit's page, for a plan audited before: what changed since its previous audit,
/// and whether the actions that audit raised were acted on.
struct ReauditView {
    let reaudit: Reaudit
    let framework: Framework

    func render() -> String {
        func grade(_ id: String) -> String { framework.label(grade: id) }
        func rating(_ id: String) -> String { framework.label(rating: id) }
        func changes(_ list: [Reaudit.Change], _ caption: String) -> String {
            guard !list.isEmpty else { return "<p>\(Page.escape(caption)): none.</p>" }
            return Page.table(
                caption, ["Criterion", "Before", "Now"],
                list.map { [Page.escape($0.criterion), Page.escape(rating($0.before)), Page.escape(rating($0.after))] })
        }
        let previous = reaudit.previous
        let words: [Reaudit.ActionStatus: String] = [
            .closed: "closed", .open: "still open", .notAssessed: "not assessed (N/A now, or no longer a criterion)",
        ]
        let actions = reaudit.actions.map { [Page.escape($0.criterion), Page.escape(words[$0.status] ?? "")] }
        return """
            <h2>Since the previous audit</h2>
            <p>The plan's previous audit, \(Page.escape(previous.auditId)) on \(previous.date), was graded \
            \(Page.escape(grade(previous.grade))) (\(Formatting.fixed2(previous.percent))%); this one is \
            \(Page.escape(grade(reaudit.latest.grade))) (\(Formatting.fixed2(reaudit.latest.percent))%).</p>
            \(changes(reaudit.raised, "Criteria rated higher"))
            \(changes(reaudit.lowered, "Criteria rated lower"))
            \(actions.isEmpty ? "<p>The previous audit raised no actions.</p>"
                : Page.table("Actions the previous audit raised", ["Criterion", "Now"], actions))
            """
    }
}
