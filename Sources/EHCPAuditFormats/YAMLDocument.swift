import CYaml
import EHCPAudit
import Yams

/// Parses YAML text into a ``DocumentNode`` through Yams, keeping each node's line.
///
/// Aliases (`*name`) are refused before Yams composes the document: Yams expands them
/// while composing, so a few hundred bytes of nested aliases would otherwise grow into
/// gigabytes (the "billion laughs" of YAML).
///
/// `kind` names the document in messages: "framework", "site-information file".
enum YAMLDocument {
    static func parse(_ text: String, file: String, kind: String = "framework") throws(Diagnostic) -> DocumentNode {
        if let line = firstAliasLine(text) {
            throw Diagnostic(
                file: file, line: line, message: "YAML aliases (*name) are not allowed in \(kind)s: write the value out"
            )
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

    /// The line of the first alias in `text`, read as a stream of libyaml events (nothing is
    /// built); nil when there is none or the text stops parsing first (Yams then reports it).
    static func firstAliasLine(_ text: String) -> Int? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_ALIAS_EVENT: return Int(event.start_mark.line) + 1
                case YAML_STREAM_END_EVENT: return nil
                default: continue
                }
            }
            return nil
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
