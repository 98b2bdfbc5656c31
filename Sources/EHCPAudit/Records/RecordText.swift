/// What the text fields of a record may hold.
///
/// Identifiers and words (ids, references, localities, teams, providers, criteria and
/// ratings) are compared, stored and printed: a control character in one (a NUL that
/// SQLite would cut at, a line break that would forge an output line, an escape that
/// would drive a terminal) is refused, and so is an identifier longer than
/// ``longestWord`` characters. Comments are free text over several lines, so they may hold
/// tabs and line breaks, but no other control character.
public enum RecordText {
    /// The longest identifier or word, in characters.
    public static let longestWord = 200

    /// Why `text` cannot be an identifier or word, or nil when it can.
    public static func wordProblem(_ text: String) -> String? {
        // Every control character starts with a byte below 0x20, 0x7F, 0xC2 (C1) or 0xE2
        // (U+2028, U+2029): most words have none of these and skip the scalar walk.
        let suspect =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
            } ?? true
        if suspect, let scalar = text.unicodeScalars.first(where: isControl) {
            return "holds the control character \(name(scalar))"
        }
        if text.utf8.count > longestWord, text.count > longestWord {
            return "is longer than \(longestWord) characters"
        }
        return nil
    }

    /// Why `text` cannot be a comment, or nil when it can.
    public static func commentProblem(_ text: String) -> String? {
        // As for words: most comments hold no byte a control character could start with.
        let suspect =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.contains {
                    ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D)
                        || $0 >= 0x7F && ($0 == 0x7F || $0 == 0xC2 || $0 == 0xE2)
                }
            } ?? true
        guard suspect,
            let scalar = text.unicodeScalars.first(where: { isControl($0) && !"\t\n\r".unicodeScalars.contains($0) })
        else { return nil }
        return "holds the control character \(name(scalar))"
    }

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension AuditRecord {
    /// The problems a record has without a framework, each naming its field: text that
    /// breaks ``RecordText``'s rules, and `moderates` on an audit that is not a moderation
    /// audit (docs/records.md).
    public var formProblems: [RecordProblem] {
        var problems: [RecordProblem] = []
        // Paths are made only for a problem: most records have none, and this runs for each.
        func word(_ value: String?, _ path: @autoclosure () -> String, line: Int?, criterion: String? = nil) {
            guard let value, let problem = RecordText.wordProblem(value) else { return }
            let path = path()
            problems.append(
                RecordProblem(path: path, criterion: criterion, line: line ?? self.line, message: "\(path) \(problem)"))
        }
        // Judgements are read in place: binding each would copy (retain) its strings.
        func judgements(_ list: [Judgement], _ path: @autoclosure () -> String) {
            for j in list.indices {
                word(list[j].criterion, "\(path())[\(j)].criterion", line: list[j].line)
                word(list[j].rating, "\(path())[\(j)].rating", line: list[j].line, criterion: list[j].criterion)
                if let comment = list[j].comment, let problem = RecordText.commentProblem(comment) {
                    let base = "\(path())[\(j)]"
                    problems.append(
                        RecordProblem(
                            path: base + ".comment", criterion: list[j].criterion, line: list[j].line ?? line,
                            message: "\(base).comment \(problem)"))
                }
            }
        }
        word(auditId, "auditId", line: line)
        word(planId, "planId", line: line)
        word(framework.id, "framework.id", line: line)
        word(framework.version, "framework.version", line: line)
        word(auditor, "auditor", line: line)
        if let moderates {
            if kind != .moderation {
                problems.append(
                    RecordProblem(
                        path: "moderates", line: line,
                        message: "moderates is allowed only on a moderation audit (kind is \(kind.rawValue))"))
            } else if moderates.isEmpty {
                problems.append(RecordProblem(path: "moderates", line: line, message: "moderates must not be empty"))
            }
            word(moderates, "moderates", line: line)
        }
        word(plan.locality, "plan.locality", line: line)
        word(plan.team, "plan.team", line: line)
        word(plan.caseworker, "plan.caseworker", line: line)
        judgements(self.judgements, "judgements")
        for a in advices.indices {
            word(advices[a].id, "advices[\(a)].id", line: advices[a].line)
            word(advices[a].provider, "advices[\(a)].provider", line: advices[a].line)
            word(advices[a].role, "advices[\(a)].role", line: advices[a].line)
            judgements(advices[a].judgements, "advices[\(a)].judgements")
        }
        return problems
    }
}

extension RecordEntry {
    /// Every problem of form, found without a framework: what the reader found and the
    /// text rules, each placed in `file`. Empty when the record can be written out again
    /// (as `convert` does); scoring checks more.
    public func formDiagnostics(file: String) -> [Diagnostic] {
        let text = record?.formProblems ?? []
        return diagnostics
            + text.map { $0.diagnostic(file: file, recordIndex: index, auditId: auditId, root: root) }
    }
}
