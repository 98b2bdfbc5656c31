import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase everything the store holds about one plan: its audits and its plan checks.",
            discussion: """
                Removes, in one transaction, every audit of the plan (drafts, finals, moderations), their earlier \
                versions and advice reviews, and the plan's checks. The trail records that an erasure ran, never the \
                plan. Backups still hold the plan until they are replaced. See docs/data-protection.md.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "The plan's pseudonymous reference (planId).")
        var plan: String

        @Flag(name: .long, help: "Say what would be removed, and remove nothing.")
        var dryRun = false

        func run() throws {
            let removal = try store.openExisting().erase(planId: plan, dryRun: dryRun, at: Clock.now())
            Output.standard.line(Removals.text(removal, dryRun: dryRun))
        }
    }
}
