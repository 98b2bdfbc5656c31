import ArgumentParser
import EHCPAuditKit

/// The help of the options that name a framework or the plan-check rules: a built-in one by
/// its name, or a file (``CriteriaSource`` tells them apart).
enum CriteriaHelp {
    /// `ehcp-qa, annual-review`: the built-in frameworks' names.
    static let frameworkNames = BuiltInFile.frameworks.map(\.name).joined(separator: ", ")

    /// "A framework: ehcp-qa, annual-review (built in) or a file (YAML or JSON)." and `more`.
    static func framework(_ more: String = "") -> ArgumentHelp {
        ArgumentHelp("A framework: \(frameworkNames) (built in) or a file (YAML or JSON).\(more)")
    }

    static let rules = ArgumentHelp("The plan-check rules: plan-checks (built in) or a YAML file.")

    /// How a name is told from a file, for the commands' discussions.
    static let names = """
        A framework or rules name that is an existing file, or ends in .yaml, .yml or .json, is read as that \
        file; otherwise it must be a built-in name (`ehcp-audit criteria` lists them), so a file called exactly \
        ehcp-qa, with no extension, in the current folder is read instead of the built-in ehcp-qa.
        """
}
