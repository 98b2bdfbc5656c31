import EHCPAudit

/// Who may do what in the workspace (docs/workspace.md, "Who may see what"): the one place
/// the rules live. Every page, every part of a page, the worklists, the reports and the API
/// ask it, so that nothing of an audit reaches a person it does not let read it.
///
/// ```swift
/// let access = AccessPolicy(user)
/// guard access.mayRead(record) else { return forbidden }
/// ```
///
/// A disabled user may do nothing.
public struct AccessPolicy: Sendable {
    public let user: AuditStore.User

    public init(_ user: AuditStore.User) {
        self.user = user
    }

    private func `is`(_ roles: AuditStore.Role...) -> Bool { !user.disabled && roles.contains(user.role) }

    /// Makes audits, and so may be given plans to audit and audits to moderate: auditors and
    /// the lead.
    public var mayAudit: Bool { `is`(.auditor, .lead) }

    /// Checks plan documents on the plan-check page: everyone who works on plans (not the admin).
    public var mayCheckPlans: Bool { `is`(.caseworker, .auditor, .lead, .dco, .dsco) }

    /// Draws and shares out the month's sample and asks for moderations: the lead.
    public var mayLead: Bool { `is`(.lead) }

    /// Reads the whole of an audit (its ratings, comments, grade and actions): the lead, and
    /// the auditor who made it. Nobody else, whatever else they are given: a moderator sees
    /// the audit they moderate only beside their own, once both are final
    /// (``mayCompare(_:with:askedModerator:)``).
    public func mayRead(_ audit: AuditRecord) -> Bool {
        `is`(.lead) || (`is`(.auditor) && audit.auditor == user.name)
    }

    /// Reads and reviews one advice (and the audit's plain facts around it): the lead, and the
    /// designated officer of the advice's agency.
    public func mayReview(_ advice: Advice) -> Bool {
        `is`(.lead) || (`is`(.dco, .dsco) && user.agency == advice.agency)
    }

    /// Opens the audit's page at all: to read it whole, or to read an advice it may review.
    public func mayOpen(_ audit: AuditRecord) -> Bool {
        mayRead(audit) || audit.advices.contains(where: mayReview)
    }

    /// Changes an audit: its auditor while it is a draft; the lead at any time.
    public func mayEdit(_ audit: AuditRecord) -> Bool {
        `is`(.lead) || (`is`(.auditor) && audit.auditor == user.name && audit.status == .draft)
    }

    /// The blinding rule: the audit a moderation moderates is shown beside the moderation
    /// only once both are final, to the lead or to the moderation's own auditor when the lead
    /// asked that auditor (`askedModerator`) for it. Before then nothing of it is shown.
    public func mayCompare(_ moderation: AuditRecord, with moderated: AuditRecord, askedModerator: String?) -> Bool {
        guard mayRead(moderation), moderation.kind == .moderation, moderation.moderates == moderated.auditId,
            moderation.status == .final, moderated.status == .final
        else { return false }
        return `is`(.lead) || (moderation.auditor == user.name && askedModerator == user.name)
    }

    /// May be asked for a second, independent audit of `audit`: makes audits and did not make it.
    public func mayModerate(_ audit: AuditRecord) -> Bool {
        mayAudit && audit.auditor != user.name
    }

    /// Stores `audit` through the API: a lead any audit; an auditor only audits made by
    /// them, so that a token cannot put words in anyone else's name.
    public func mayStore(_ audit: AuditRecord) -> Bool {
        `is`(.lead) || (`is`(.auditor) && audit.auditor == user.name)
    }

    /// The workspace's reports.
    public enum Report: Sendable, CaseIterable {
        /// The monthly report in full, with the small numbers the public version hides.
        case monthly
        /// The monthly report as the board publishes it.
        case monthlyPublic
        case advice
        case learning
        case moderation
    }

    /// Reads `report`: the lead every report; designated officers the advice report (of their
    /// agency, ``adviceAgency``); everyone signed in the public monthly report.
    public func mayRead(_ report: Report) -> Bool {
        switch report {
        case .monthlyPublic: !user.disabled
        case .advice: `is`(.lead) || (`is`(.dco, .dsco) && user.agency != nil)
        case .monthly, .learning, .moderation: `is`(.lead)
        }
    }

    /// Whose advice the advice report shows: nil for every agency (the lead), else the
    /// designated officer's own agency.
    public var adviceAgency: Agency? { `is`(.lead) ? nil : user.agency }
}
