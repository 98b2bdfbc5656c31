import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct Criteria: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                """
                Explain a framework: each section's share of the grade, each criterion's share of its section, \
                N/A, caps, boundaries and the formula.
                """
        )

        @Argument(help: "A criteria framework (YAML or JSON).")
        var file: String

        func run() throws {
            let catalog = try Inputs.frameworks([file])
            Output.standard.line(FrameworkGuide.render(catalog.frameworks[0]))
        }
    }
}
