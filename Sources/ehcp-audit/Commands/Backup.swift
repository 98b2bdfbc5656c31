import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the store to a file, safely while serve and imports write, whole or not at all.",
            discussion: """
                Uses SQLite's online backup: the copy holds what was committed when it began. It is written beside \
                FILE, checked, then renamed over FILE; on any failure nothing is left behind. Restore by stopping \
                serve and copying the backup over the store.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(name: .short, help: "The backup file to write (replaced if it exists).")
        var output: String

        func run() throws {
            let copy = try AuditStore.backup(path: store.path, to: output)
            Output.standard.line("Backed up \(store.path) to \(output); SQLite's integrity check passed.")
            Output.standard.line(StoreVerificationOutput.counts(copy))
        }
    }
}
