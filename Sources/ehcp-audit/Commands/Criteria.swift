import ArgumentParser
import EHCPAuditKit

extension EHCPAuditCommand {
    struct Criteria: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                """
                Explain a framework: each section's share of the grade, each criterion's share of its section, \
                N/A, caps, boundaries and the formula. With no framework, list the built-in ones.
                """,
            discussion: CriteriaHelp.names
        )

        @Argument(help: CriteriaHelp.framework())
        var framework: String?

        func run() throws {
            guard let framework else { return try listBuiltIn() }
            let catalog = try Inputs.frameworks([framework])
            Output.standard.line(FrameworkGuide.render(catalog.frameworks[0]))
        }

        /// The frameworks and rules built into this binary, by the names --criteria and --rules take
        /// (read from the binary even where a file of the same name is in the current folder).
        private func listBuiltIn() throws {
            let frameworks = try BuiltInFile.frameworks.map { try FrameworkLoader.load(text: $0.text, file: $0.file) }
            let width = (BuiltInFile.frameworks + BuiltInFile.planCheckRules).map(\.name.count).max() ?? 0
            let column = { (name: String) in name.padding(toLength: width + 2, withPad: " ", startingAt: 0) }
            Output.standard.line("ehcp-audit \(Release.version): built-in frameworks (--criteria NAME)")
            for (i, (file, framework)) in zip(BuiltInFile.frameworks, frameworks).enumerated() {
                let note = i == 0 ? " (the default)" : ""
                Output.standard.line("  \(column(file.name))version \(framework.version)  \(framework.title)\(note)")
            }
            Output.standard.line("Built-in plan-check rules (--rules NAME)")
            for file in BuiltInFile.planCheckRules {
                // The shipped rules inform the default framework, listed first.
                let rules = try PlanCheckRulesLoader.load(text: file.text, file: file.file, framework: frameworks[0])
                Output.standard.line("  \(column(file.name))version \(rules.version)  for framework \(rules.framework)")
            }
            Output.standard.line("A name that is a file, or ends in .yaml, .yml or .json, is read as a file.")
        }
    }
}
