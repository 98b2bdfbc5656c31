import EHCPAudit
import Foundation

/// Reads a criteria framework from a YAML or JSON file (docs/scoring.md §1).
///
/// Every problem is reported at once, each naming the file, the line, the entry and the
/// rule broken:
///
/// ```text
/// criteria/bad.yaml:14: error: at sections[0].criteria[1]: criterion A2: weight must be greater than 0, found 0
/// ```
public enum FrameworkLoader {
    /// Loads and validates the framework at `path`, or throws every problem found.
    public static func load(path: String) throws(FrameworkLoadError) -> Framework {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw FrameworkLoadError([
                Diagnostic(file: path, message: "cannot read framework file: \(error.localizedDescription)")
            ])
        }
        return try load(text: text, file: path)
    }

    /// Loads a framework from its text; `file` names it in diagnostics and chooses JSON
    /// (`.json`) or YAML (anything else).
    public static func load(text: String, file: String) throws(FrameworkLoadError) -> Framework {
        let root: DocumentNode
        do throws(Diagnostic) {
            if file.lowercased().hasSuffix(".json") {
                do {
                    root = try JSONParser.parse(Array(text.utf8))
                } catch {
                    throw Diagnostic(file: file, line: error.line, message: "invalid JSON: \(error.message)")
                }
            } else {
                root = try YAMLDocument.parse(text, file: file)
            }
        } catch {
            throw FrameworkLoadError([error])
        }
        let log = ProblemLog()
        let framework = FrameworkDecoder.decode(root, log: log)
        var diagnostics = log.problems.map {
            Diagnostic(file: file, line: $0.line, path: entryName($0.path), message: $0.message)
        }
        if let framework, diagnostics.isEmpty {
            switch framework {
            case .success(let framework):
                return framework
            case .failure(let error):
                diagnostics = root.diagnostics(for: error, file: file)
            }
        }
        throw FrameworkLoadError(diagnostics)
    }

    private static func entryName(_ path: String) -> String {
        path.hasPrefix("$.") ? String(path.dropFirst(2)) : path
    }
}

/// Every problem that stopped a framework loading.
public struct FrameworkLoadError: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
