import EHCPAuditBuiltIn
import Foundation

/// A framework or the plan-check rules as the command line names them: one built into the
/// binary by its name (`ehcp-qa`, `annual-review`, `plan-checks`; see `BuiltInFile`), or a
/// file.
///
/// A name is a file when a file of that name exists or when it ends in `.yaml`, `.yml` or
/// `.json`; anything else must name a built-in one. So `criteria/ehcp-qa.yaml` is always a
/// file, `ehcp-qa` is the built-in framework, and a file called exactly `ehcp-qa` in the
/// current folder is read instead of it.
///
/// ```swift
/// let source = try CriteriaSource.framework("ehcp-qa")
/// let framework = try FrameworkLoader.load(text: source.text, file: source.file)
/// print(source.file)  // built-in ehcp-qa.yaml
/// ```
public struct CriteriaSource: Sendable, Equatable {
    /// The name messages give: the path, or `built-in NAME.yaml`.
    public var file: String
    public var text: String

    /// A framework's text, built in or from a file; throws, naming it, when it cannot be read.
    public static func framework(_ name: String) throws(FrameworkLoadError) -> CriteriaSource {
        try source(name, builtIn: BuiltInFile.frameworks, kind: "framework")
    }

    /// The plan-check rules' text, built in or from a file.
    public static func planCheckRules(_ name: String) throws(FrameworkLoadError) -> CriteriaSource {
        try source(name, builtIn: BuiltInFile.planCheckRules, kind: "plan-check rules")
    }

    /// Whether `name` is read as a file rather than as a built-in name.
    public static func isFile(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: name)
            || ["yaml", "yml", "json"].contains((name as NSString).pathExtension.lowercased())
    }

    private static func source(
        _ name: String, builtIn: [BuiltInFile], kind: String
    ) throws(FrameworkLoadError) -> CriteriaSource {
        if isFile(name) {
            do {
                return CriteriaSource(file: name, text: try String(contentsOfFile: name, encoding: .utf8))
            } catch {
                throw FrameworkLoadError([
                    Diagnostic(file: name, message: "cannot read \(kind) file: \(error.localizedDescription)")
                ])
            }
        }
        guard let file = builtIn.first(where: { $0.name == name }) else {
            let names = builtIn.map(\.name).joined(separator: ", ")
            throw FrameworkLoadError([
                Diagnostic(
                    file: name,
                    message: """
                        no such file, and no built-in \(kind) of that name (built in: \(names)); give a file's \
                        path ending in .yaml or .json, or one of those names
                        """)
            ])
        }
        return CriteriaSource(file: file.file, text: file.text)
    }
}

extension FrameworkLoader {
    /// Loads the framework `name` gives, built in or from a file (see ``CriteriaSource``).
    ///
    /// ```swift
    /// let framework = try FrameworkLoader.load(named: "ehcp-qa")
    /// ```
    public static func load(named name: String) throws(FrameworkLoadError) -> Framework {
        let source = try CriteriaSource.framework(name)
        return try load(text: source.text, file: source.file)
    }
}

extension PlanCheckRulesLoader {
    /// Loads the plan-check rules `name` gives for `framework`, built in or from a file.
    ///
    /// ```swift
    /// let rules = try PlanCheckRulesLoader.load(named: "plan-checks", framework: framework)
    /// ```
    public static func load(named name: String, framework: Framework) throws(FrameworkLoadError) -> PlanCheckRules {
        let source = try CriteriaSource.planCheckRules(name)
        return try load(text: source.text, file: source.file, framework: framework)
    }
}
