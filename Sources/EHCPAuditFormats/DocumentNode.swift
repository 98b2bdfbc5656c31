import EHCPAudit

/// A parsed JSON or YAML value that remembers the line it started on.
///
/// Both frameworks (YAML or JSON) and records (JSON) are read into this one shape, so a
/// single set of decoders can name the exact line and path of every problem.
public struct DocumentNode: Sendable {
    public enum Value: Sendable {
        case object([Member])
        case array([DocumentNode])
        case string(String)
        /// The number and its source text (YAML `2025.1` may be meant as a string).
        case number(Double, text: String)
        case bool(Bool)
        case null
    }

    public struct Member: Sendable {
        public var key: String
        public var node: DocumentNode
    }

    public var value: Value
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }

    /// "an object", "a string", ...: for messages such as "expected a string, found an array".
    public var kindDescription: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }
}

extension DocumentNode {
    /// The problems of a rule broken deep in the document, each at the line of its entry
    /// (or of the nearest enclosing entry that has one).
    func diagnostics(for error: FrameworkError, file: String) -> [Diagnostic] {
        var lines: [String: Int] = [:]
        recordLines(path: "$", into: &lines)
        return error.problems.map { problem in
            Diagnostic(
                file: file, line: Self.line(for: "$." + problem.entry, in: lines), path: problem.entry,
                message: problem.message)
        }
    }

    private func recordLines(path: String, into lines: inout [String: Int]) {
        lines[path] = line
        switch value {
        case .object(let members):
            for member in members { member.node.recordLines(path: "\(path).\(member.key)", into: &lines) }
        case .array(let elements):
            for (i, element) in elements.enumerated() { element.recordLines(path: "\(path)[\(i)]", into: &lines) }
        default: break
        }
    }

    private static func line(for path: String, in lines: [String: Int]) -> Int? {
        var path = Substring(path)
        while !path.isEmpty {
            if let line = lines[String(path)] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        return nil
    }
}
