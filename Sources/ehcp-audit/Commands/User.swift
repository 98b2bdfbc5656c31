import ArgumentParser
import EHCPAuditKit
import EHCPAuditServer

extension EHCPAuditCommand {
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the workspace's users: add, list, disable, and issue API tokens.",
            subcommands: [Add.self, Token.self, List.self, Disable.self]
        )
    }
}

extension AuditStore.Role: ExpressibleByArgument {}

extension EHCPAuditCommand.User {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user; the password is read from standard input and kept only as a bcrypt hash.")

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "The user's name, also their pseudonymous auditor reference.")
        var name: String

        @Option(name: .long, help: "auditor, dco, dsco, lead or admin.")
        var role: AuditStore.Role

        @Option(name: .long, help: "The agency whose advice a DCO or DSCO reviews (health, social-care, …).")
        var agency: Agency?

        @Flag(name: .long, help: "Read the password from standard input (required).")
        var passwordStdin = false

        func validate() throws {
            guard passwordStdin else {
                throw ValidationError("give --password-stdin and the password on standard input")
            }
            if RecordText.wordProblem(name) != nil || name.isEmpty {
                throw ValidationError("the name must be a short word")
            }
        }

        func run() throws {
            guard let password = readLine(strippingNewline: true), password.count >= 12 else {
                throw ValidationError("the password must be at least 12 characters")
            }
            try store.open().addUser(
                name: name, role: role, agency: agency, passwordHash: Accounts.hashPassword(password), at: Clock.now())
            Output.standard.line("Added \(role.rawValue) \(name).")
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a new API token for a user (only its hash is kept); the previous one stops working.")

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "The user's name.")
        var name: String

        func run() throws {
            let token = Accounts.newToken()
            try store.open().setToken(hash: Accounts.tokenHash(token), for: name, at: Clock.now())
            Output.standard.line(token)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users, their roles and whether enabled.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            for user in try store.read({ try $0.users() }) {
                let agency = user.agency.map { " (\($0.rawValue))" } ?? ""
                Output.standard.line("\(user.name)  \(user.role.rawValue)\(agency)\(user.disabled ? "  disabled" : "")")
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a user: no sign-in, no token, sessions ended.")

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "The user's name.")
        var name: String

        func run() throws {
            try store.open().disableUser(named: name, at: Clock.now())
            Output.standard.line("Disabled \(name).")
        }
    }
}
