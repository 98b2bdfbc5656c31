import EHCPAuditKit

/// What `retention` and `erase` removed, or would remove, in words.
enum Removals {
    /// `Removed 3 final audits, 1 draft audit, 0 moderation audits, …` or, on a dry run,
    /// `Would remove …; nothing was removed (dry run).`
    static func text(_ removal: AuditStore.Removal, dryRun: Bool) -> String {
        let counts = [
            (removal.finalAudits, "final audit"), (removal.draftAudits, "draft audit"),
            (removal.moderationAudits, "moderation audit"), (removal.earlierVersions, "earlier audit version"),
            (removal.adviceReviews, "advice review"), (removal.moderationAssignments, "moderation assignment"),
            (removal.planChecks, "plan check"),
        ].map { count, name in "\(count) \(name)\(count == 1 ? "" : "s")" }.joined(separator: ", ")
        return dryRun ? "Would remove \(counts); nothing was removed (dry run)." : "Removed \(counts)."
    }
}
