import EHCPAudit

/// A problem found while decoding a document: where it is and what is wrong.
struct FieldProblem: Error {
    var line: Int
    var path: String
    var message: String
}

/// Collects the decoding problems, so that one pass reports them all; past ``limit`` a
/// hostile document would only make the list long, so the rest are counted, not kept.
final class ProblemLog {
    static let limit = 50
    private(set) var problems: [FieldProblem] = []

    func add(_ node: DocumentNode, _ path: String, _ message: String) {
        switch problems.count {
        case ..<Self.limit: problems.append(FieldProblem(line: node.line, path: path, message: message))
        case Self.limit:
            problems.append(
                FieldProblem(
                    line: node.line, path: path,
                    message: "more problems follow; fix the first \(Self.limit) and check again"))
        default: return
        }
    }
}

/// Reads the members of one JSON/YAML object by name, type-checking each, and refuses
/// any member it was not asked for.
///
/// Refusing unknown members is how personal data is kept out: a `childName` or `upn`
/// field is an error that names the field, never silently ignored.
struct ObjectReader {
    let node: DocumentNode
    /// The path of the object, or of the array holding it when `index` is set; the full
    /// path is only spelt out when a problem needs it.
    private let base: String
    private let index: Int?
    let log: ProblemLog
    /// Frameworks are hand-written YAML, where `version: 2025.1` is a number; accept its text.
    var numbersAsText = false
    /// The members in document order, for an object keyed by data (a record's
    /// `planChecks.counts`) rather than by field names.
    let members: [DocumentNode.Member]

    /// Nil (with a problem logged) when `node` is not an object.
    init?(_ node: DocumentNode, path: String, index: Int? = nil, log: ProblemLog, numbersAsText: Bool = false) {
        guard case .object(let members) = node.value else {
            log.add(node, index.map { "\(path)[\($0)]" } ?? path, "expected an object, found \(node.kindDescription)")
            return nil
        }
        self.node = node
        self.base = path
        self.index = index
        self.log = log
        self.members = members
        self.numbersAsText = numbersAsText
    }

    var path: String { index.map { "\(base)[\($0)]" } ?? base }

    func childPath(_ key: String) -> String { "\(path).\(key)" }

    /// The member's node; nil (and a problem when `required`) when absent or null.
    func value(_ key: String, required: Bool = false) -> DocumentNode? {
        guard let member = members.first(where: { $0.key == key }), !member.node.isNull else {
            if required { log.add(node, childPath(key), "missing required field \"\(key)\"") }
            return nil
        }
        return member.node
    }

    /// A string member; an empty one counts as missing when `required`, unless
    /// `allowEmpty` (where a later rule explains emptiness better).
    func string(_ key: String, required: Bool = false, allowEmpty: Bool = false) -> String? {
        guard let value = value(key, required: required) else { return nil }
        switch value.value {
        case .string(let text):
            if required && !allowEmpty && text.isEmpty {
                log.add(value, childPath(key), "\"\(key)\" must not be empty")
            }
            return text
        case .number(_, let text) where numbersAsText:
            return text
        default:
            log.add(value, childPath(key), "\"\(key)\" must be a string, found \(value.kindDescription)")
            return nil
        }
    }

    func number(_ key: String, required: Bool = false) -> Double? {
        guard let value = value(key, required: required) else { return nil }
        guard case .number(let number, _) = value.value else {
            log.add(value, childPath(key), "\"\(key)\" must be a number, found \(value.kindDescription)")
            return nil
        }
        return number
    }

    func integer(_ key: String, required: Bool = false) -> Int? {
        guard let number = number(key, required: required) else { return nil }
        guard number == number.rounded(), abs(number) < 1e15 else {
            log.add(value(key)!, childPath(key), "\"\(key)\" must be a whole number")
            return nil
        }
        return Int(number)
    }

    func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value.value else {
            log.add(value, childPath(key), "\"\(key)\" must be true or false, found \(value.kindDescription)")
            return nil
        }
        return flag
    }

    func date(_ key: String, required: Bool = false) -> CalendarDate? {
        guard let text = string(key, required: required) else { return nil }
        guard let date = CalendarDate(text) else {
            log.add(
                value(key)!, childPath(key), "\"\(key)\" must be an ISO date YYYY-MM-DD that exists, found \"\(text)\"")
            return nil
        }
        return date
    }

    /// A member whose value is one of a closed word list.
    func choice<Word: RawRepresentable & CaseIterable>(
        _ key: String, required: Bool = false, as type: Word.Type = Word.self
    ) -> Word? where Word.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        guard let word = Word(rawValue: text) else {
            let allowed = Word.allCases.map(\.rawValue).joined(separator: ", ")
            log.add(value(key)!, childPath(key), "\"\(key)\" must be one of \(allowed); found \"\(text)\"")
            return nil
        }
        return word
    }

    func array(_ key: String, required: Bool = false) -> [DocumentNode]? {
        guard let value = value(key, required: required) else { return nil }
        guard case .array(let elements) = value.value else {
            log.add(value, childPath(key), "\"\(key)\" must be an array, found \(value.kindDescription)")
            return nil
        }
        return elements
    }

    func object(_ key: String, required: Bool = false) -> ObjectReader? {
        value(key, required: required).flatMap {
            ObjectReader($0, path: childPath(key), log: log, numbersAsText: numbersAsText)
        }
    }

    /// Logs every member not in `allowed`, naming it.
    func refuseUnknown(allowed: [String], note: String = "") {
        for member in members.lazy.filter({ !allowed.contains($0.key) }).prefix(ProblemLog.limit + 1) {
            log.add(
                member.node, childPath(member.key),
                "unknown field \"\(member.key)\" (allowed here: \(allowed.joined(separator: ", ")))\(note)")
        }
    }
}

extension DocumentNode {
    var isNull: Bool {
        if case .null = value { return true }
        return false
    }
}
