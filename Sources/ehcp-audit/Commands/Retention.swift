import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the audits and plan checks older than the retention period.",
            discussion: """
                Removes, in one transaction, every audit dated more than YEARS whole years before today (drafts, \
                finals and the moderations of them, with their earlier versions and advice reviews) and the plan \
                checks made before then. The trail records that it ran and with what period, not what it removed. \
                See docs/data-protection.md.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "The retention period in whole years.")
        var olderThan: Int

        @Flag(name: .long, help: "Say what would be removed, and remove nothing.")
        var dryRun = false

        func validate() throws {
            guard olderThan >= 1 else { throw ValidationError("--older-than takes a whole number of years, 1 or more") }
        }

        func run() throws {
            let removal = try store.openExisting().removeRecords(
                olderThan: olderThan, today: Clock.today(), dryRun: dryRun, at: Clock.now())
            Output.standard.line(Removals.text(removal, dryRun: dryRun))
        }
    }
}
