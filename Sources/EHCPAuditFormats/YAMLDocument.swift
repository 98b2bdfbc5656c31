import EHCPAudit
import Yams

/// Parses YAML text into a ``DocumentNode`` through Yams, keeping each node's line.
///
/// Anchors (`&name`) and aliases (`*name`) are refused before Yams composes the document,
/// found by a scan of the text (``YAMLAnchorScan``): Yams expands aliases while composing,
/// so a few hundred bytes of nested aliases would otherwise grow into gigabytes (the
/// "billion laughs" of YAML), and an anchor is of no use without them. A document with
/// both is refused for its first alias.
///
/// `kind` names the document in messages: "framework", "site-information file".
enum YAMLDocument {
    static func parse(_ text: String, file: String, kind: String = "framework") throws(Diagnostic) -> DocumentNode {
        let found = YAMLAnchorScan.find(in: text)
        if let line = found.alias {
            throw Diagnostic(
                file: file, line: line, message: "YAML aliases (*name) are not allowed in \(kind)s: write the value out"
            )
        }
        if let line = found.anchor {
            throw Diagnostic(
                file: file, line: line,
                message: "YAML anchors (&name) are not allowed in \(kind)s: write the value without one")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw Diagnostic(file: file, line: line(of: error), message: "invalid YAML: \(problem(of: error))")
        }
        guard let root else {
            throw Diagnostic(file: file, line: 1, message: "the file is empty: expected a \(kind)")
        }
        return try convert(root, file: file, kind: kind)
    }

    private static func convert(_ node: Node, file: String, kind: String) throws(Diagnostic) -> DocumentNode {
        let line = node.mark?.line ?? 1
        switch node {
        case .scalar(let scalar):
            return DocumentNode(value(of: scalar, tag: Tag.Name(rawValue: node.tag.rawValue)), line: line)
        case .sequence(let sequence):
            var elements: [DocumentNode] = []
            for element in sequence { elements.append(try convert(element, file: file, kind: kind)) }
            return DocumentNode(.array(elements), line: line)
        case .mapping(let mapping):
            var members: [DocumentNode.Member] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw Diagnostic(
                        file: file, line: key.mark?.line ?? line, message: "mapping keys must be plain words")
                }
                members.append(
                    DocumentNode.Member(key: keyScalar.string, node: try convert(value, file: file, kind: kind)))
            }
            return DocumentNode(.object(members), line: line)
        case .alias:
            throw Diagnostic(
                file: file, line: line, message: "YAML aliases (*name) are not allowed in \(kind)s: write the value out"
            )
        }
    }

    private static func value(of scalar: Node.Scalar, tag: Tag.Name) -> DocumentNode.Value {
        let text = scalar.string
        switch tag {
        case .null: return .null
        case .bool: return Bool.construct(from: scalar).map { .bool($0) } ?? .string(text)
        case .int, .float:
            if let number = Double.construct(from: scalar), number.isFinite { return .number(number, text: text) }
            return .string(text)
        default: return .string(text)
        }
    }

    private static func line(of error: Error) -> Int? {
        switch error as? YamlError {
        case .scanner(_, _, let mark, _)?, .parser(_, _, let mark, _)?, .composer(_, _, let mark, _)?: return mark.line
        case .duplicatedKeysInMapping(_, let context)?: return context.mark.line
        default: return nil
        }
    }

    private static func problem(of error: Error) -> String {
        switch error as? YamlError {
        case .scanner(_, let problem, _, _)?, .parser(_, let problem, _, _)?, .composer(_, let problem, _, _)?:
            return problem
        case .duplicatedKeysInMapping(let duplicates, _)?: return "duplicate key \(duplicates.joined(separator: ", "))"
        default: return "\(error)"
        }
    }
}
