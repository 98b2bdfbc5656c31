/// A file of `criteria/` built into the binary, so that `ehcp-audit` works in any folder:
/// a framework (`ehcp-qa`, `annual-review`, `family-voice`) or the plan-check rules
/// (`plan-checks`).
///
/// ```swift
/// let framework = BuiltInFile.frameworks.first { $0.name == "ehcp-qa" }!
/// print(framework.file)  // built-in ehcp-qa.yaml
/// ```
public struct BuiltInFile: Sendable, Equatable {
    /// What the command line calls it: the file's name without its extension.
    public let name: String
    /// What messages call it, ending in the file's extension (which says YAML or JSON).
    public let file: String
    /// The file's text, exactly as in `criteria/` when the binary was built.
    public let text: String

    init(_ fileName: String, _ bytes: [UInt8]) {
        name = String(fileName.prefix { $0 != "." })
        file = "built-in \(fileName)"
        text = String(decoding: bytes, as: UTF8.self)
    }

    /// The shipped frameworks, the default (`ehcp-qa`) first.
    public static let frameworks = [
        BuiltInFile("ehcp-qa.yaml", PackageResources.ehcp_qa_yaml),
        BuiltInFile("annual-review.yaml", PackageResources.annual_review_yaml),
        BuiltInFile("family-voice.yaml", PackageResources.family_voice_yaml),
    ]

    /// The shipped plan-check rules (docs/plan-checks.md).
    public static let planCheckRules = [BuiltInFile("plan-checks.yaml", PackageResources.plan_checks_yaml)]
}
