import EHCPAudit
import EHCPAuditStore
import Testing

/// Who may do what (docs/workspace.md), every kind of user against every action, as one
/// table written out by hand from the rules: a change to a rule changes a row here.
struct AccessPolicyTests {
    typealias User = AuditStore.User

    static func audit(
        _ id: String, by auditor: String, _ status: AuditStatus, kind: AuditKind = .routine, moderates: String? = nil,
        advice agency: Agency
    ) -> AuditRecord {
        AuditRecord(
            auditId: id, planId: "P1", framework: FrameworkReference(id: "ehcp-qa", version: "1"), auditor: auditor,
            auditDate: CalendarDate("2025-06-12")!, kind: kind, status: status, moderates: moderates, judgements: [],
            advices: [Advice(id: "ADV-\(id)", agency: agency, status: .received)])
    }

    /// A draft and a final audit by a1, a final and a draft moderation of the final one by a2.
    static let draft = audit("X", by: "a1", .draft, advice: .health)
    static let final = audit("Y", by: "a1", .final, advice: .socialCare)
    static let moderation = audit("M", by: "a2", .final, kind: .moderation, moderates: "Y", advice: .health)
    static let draftModeration = audit("Md", by: "a2", .draft, kind: .moderation, moderates: "Y", advice: .health)

    /// Each action, named as the table's columns are.
    static let actions: [(String, @Sendable (AccessPolicy) -> Bool)] = [
        ("audit", { $0.mayAudit }), ("lead", { $0.mayLead }),
        ("read X", { $0.mayRead(draft) }), ("read Y", { $0.mayRead(final) }), ("read M", { $0.mayRead(moderation) }),
        ("edit X", { $0.mayEdit(draft) }), ("edit Y", { $0.mayEdit(final) }),
        ("edit Md", { $0.mayEdit(draftModeration) }),
        ("open X", { $0.mayOpen(draft) }), ("open Y", { $0.mayOpen(final) }),
        ("review health", { $0.mayReview(draft.advices[0]) }), ("review social", { $0.mayReview(final.advices[0]) }),
        ("compare M asked a2", { $0.mayCompare(moderation, with: final, askedModerator: "a2") }),
        ("compare M unasked", { $0.mayCompare(moderation, with: final, askedModerator: nil) }),
        ("compare Md asked a2", { $0.mayCompare(draftModeration, with: final, askedModerator: "a2") }),
        ("moderate Y", { $0.mayModerate(final) }), ("store X", { $0.mayStore(draft) }),
        ("monthly", { $0.mayRead(.monthly) }), ("public", { $0.mayRead(.monthlyPublic) }),
        ("advice", { $0.mayRead(.advice) }), ("learning", { $0.mayRead(.learning) }),
        ("moderation", { $0.mayRead(.moderation) }),
    ]

    /// One row a user: 1 where the action is allowed, in the order of ``actions``.
    static let table: [(User, String)] = [
        (User(name: "a1", role: .auditor), "10 110 100 11 00 000 0 1 01000"),
        (User(name: "a2", role: .auditor), "10 001 001 00 00 100 1 0 01000"),
        (User(name: "h", role: .dco, agency: .health), "00 000 000 10 10 000 0 0 01100"),
        (User(name: "s", role: .dsco, agency: .socialCare), "00 000 000 01 01 000 0 0 01100"),
        (User(name: "n", role: .dco), "00 000 000 00 00 000 0 0 01000"),
        (User(name: "L", role: .lead), "11 111 111 11 11 110 1 1 11111"),
        (User(name: "adm", role: .admin), "00 000 000 00 00 000 0 0 01000"),
        (User(name: "a1", role: .auditor, disabled: true), "00 000 000 00 00 000 0 0 00000"),
        (User(name: "L", role: .lead, disabled: true), "00 000 000 00 00 000 0 0 00000"),
    ]

    @Test(arguments: table.indices)
    func everyActionOfEveryKindOfUser(_ row: Int) {
        let (user, expected) = Self.table[row]
        let allowed = expected.filter { $0 != " " }.map { $0 == "1" }
        #expect(allowed.count == Self.actions.count)
        let access = AccessPolicy(user)
        for ((name, action), allow) in zip(Self.actions, allowed) {
            #expect(
                action(access) == allow,
                "\(user.role.rawValue) \(user.name)\(user.disabled ? " (disabled)" : ""): \(name)")
        }
    }

    @Test func theAdviceReportShowsTheOfficersOwnAgencyAndTheLeadsEvery() {
        #expect(AccessPolicy(User(name: "L", role: .lead)).adviceAgency == nil)
        #expect(AccessPolicy(User(name: "h", role: .dco, agency: .health)).adviceAgency == .health)
        #expect(AccessPolicy(User(name: "s", role: .dsco, agency: .socialCare)).adviceAgency == .socialCare)
    }

    @Test func aModeratorSeesTheAuditOnlyBesideTheirOwnFinalModerationOfThatAudit() {
        let a2 = AccessPolicy(User(name: "a2", role: .auditor))
        let other = Self.audit("Z", by: "a1", .final, advice: .health)
        #expect(!a2.mayCompare(Self.moderation, with: other, askedModerator: "a2"), "a moderation of another audit")
        let draftFirst = Self.audit("Y", by: "a1", .draft, advice: .health)
        #expect(!a2.mayCompare(Self.moderation, with: draftFirst, askedModerator: "a2"), "the first is still a draft")
        #expect(!a2.mayCompare(Self.final, with: Self.final, askedModerator: "a2"), "not a moderation")
        #expect(!a2.mayRead(Self.final), "and never the audit on its own")
    }
}
