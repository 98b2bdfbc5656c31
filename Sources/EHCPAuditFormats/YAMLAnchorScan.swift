/// Finds the first YAML anchor (`&name`) and the first alias (`*name`) of a text the way
/// libyaml's scanner, under Yams, finds them, without building anything: so that a
/// document of nested aliases (the "billion laughs" of YAML) is refused before Yams
/// composes it and expands them.
///
/// Yams publishes no stream of tokens or events, only composed nodes, and composing already
/// costs what aliases expand to (each mapping's keys are hashed, whole, to find duplicates);
/// the nodes no longer say where an alias stood either, and keep their anchors only while
/// their parser lives. So the text is scanned here: the token boundaries of libyaml 0.2.5's
/// scanner (scanner.c) — indentation, simple keys, flow levels, quoted, block and plain
/// scalars, comments, tags and directives — followed closely enough that `&` or `*` inside
/// a scalar or a comment is never taken for a token, and no anchor or alias is missed.
/// Where libyaml stops with an error, the scan stops too, with what it found before.
///
/// Marks are libyaml's: lines and columns counted in characters, line breaks being LF, CR,
/// CR LF, NEL, LS and PS.
///
/// ```swift
/// YAMLAnchorScan.find(in: "a: &x 1\nb: *x\n")   // (anchor: 1, alias: 2)
/// YAMLAnchorScan.find(in: "a: '*x' # &y\n")      // (anchor: nil, alias: nil)
/// ```
struct YAMLAnchorScan {
    /// The 1-based lines of the first anchor and of the first alias in `text`, each nil when
    /// there is none (before the end, or before an error libyaml's scanner would stop at).
    static func find(in text: String) -> (anchor: Int?, alias: Int?) {
        var scan = YAMLAnchorScan(text)
        let alias = try? scan.firstAlias()
        return (scan.firstAnchor.map { $0 + 1 }, alias.map { $0 + 1 })
    }

    /// A place where libyaml's scanner stops with an error.
    struct Unscannable: Error {}

    /// Where a simple key (a key written without `?`) may have started.
    private struct SimpleKey {
        var line: Int
        var index: Int
        var column: Int
        /// Whether it must be a key (a block mapping's next key at its indentation).
        var required: Bool
    }

    let text: [UInt8]
    /// Where the text ends for libyaml: at its end, or at the first character libyaml's
    /// reader refuses (most control characters), where it stops with an error.
    let end: Int
    /// Byte offset of the next character.
    var at = 0
    /// libyaml's mark of the next character, 0-based.
    var line = 0
    var column = 0
    var index = 0
    var flowLevel = 0
    /// The block indentation: the column of the innermost block collection, -1 at the top.
    var indent = -1
    private var indents: [Int] = []
    var simpleKeyAllowed = true
    /// The possible simple key of each flow level (the block context's first).
    private var simpleKeys: [SimpleKey?] = [nil]

    /// The 0-based line of the first anchor token scanned so far.
    private var firstAnchor: Int?

    private init(_ text: String) {
        self.text = Array(text.utf8)
        var end = 0
        for scalar in text.unicodeScalars {
            if Self.refusedByReader(scalar) { break }
            end += UTF8.width(scalar)
        }
        self.end = end
    }

    /// A character libyaml's reader refuses: a control character other than tab, line feed,
    /// carriage return and NEL, or a non-character U+FFFE, U+FFFF.
    private static func refusedByReader(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xFFFD, 0x10000...: false
        default: true
        }
    }

    /// The 0-based line of the first alias token, read one token at a time (libyaml's
    /// `yaml_parser_fetch_next_token`), noting the first anchor on the way.
    private mutating func firstAlias() throws(Unscannable) -> Int? {
        while true {
            try skipToNextToken()
            try dropStaleSimpleKeys()
            unrollIndent(to: column)
            guard at < end else {
                if end < text.count { throw Unscannable() }
                return nil
            }
            let c = text[at]
            if column == 0 && c == ascii("%") {
                try startDocumentPart()
                try scanDirective()
            } else if column == 0 && isDocumentIndicator {
                try startDocumentPart()
                for _ in 0..<3 { advance() }
            } else if c == ascii("[") || c == ascii("{") {
                try saveSimpleKey()
                flowLevel += 1
                simpleKeys.append(nil)
                simpleKeyAllowed = true
                advance()
            } else if c == ascii("]") || c == ascii("}") {
                try removeSimpleKey()
                if flowLevel > 0 {
                    flowLevel -= 1
                    simpleKeys.removeLast()
                }
                simpleKeyAllowed = false
                advance()
            } else if c == ascii(",") {
                try removeSimpleKey()
                simpleKeyAllowed = true
                advance()
            } else if c == ascii("-") && isBlankOrBreakOrEnd(at + 1) {
                try blockIndicator()
                simpleKeyAllowed = true
            } else if c == ascii("?") && (flowLevel > 0 || isBlankOrBreakOrEnd(at + 1)) {
                try blockIndicator()
                simpleKeyAllowed = flowLevel == 0
            } else if c == ascii(":") && (flowLevel > 0 || isBlankOrBreakOrEnd(at + 1)) {
                try value()
            } else if c == ascii("*") {
                let line = self.line
                try saveSimpleKey()
                try scanAnchorName()
                return line
            } else if c == ascii("&") {
                let line = self.line
                try saveSimpleKey()
                simpleKeyAllowed = false
                try scanAnchorName()
                firstAnchor = firstAnchor ?? line
            } else if c == ascii("!") {
                try saveSimpleKey()
                simpleKeyAllowed = false
                try scanTag()
            } else if (c == ascii("|") || c == ascii(">")) && flowLevel == 0 {
                try removeSimpleKey()
                simpleKeyAllowed = true
                try scanBlockScalar()
            } else if c == ascii("'") || c == ascii("\"") {
                try saveSimpleKey()
                simpleKeyAllowed = false
                try scanQuotedScalar(single: c == ascii("'"))
            } else if startsPlainScalar(c) {
                try saveSimpleKey()
                simpleKeyAllowed = false
                try scanPlainScalar()
            } else {
                throw Unscannable()
            }
        }
    }

    /// A directive or a document marker: back to the top, no key pending.
    private mutating func startDocumentPart() throws(Unscannable) {
        unrollIndent(to: -1)
        try removeSimpleKey()
        simpleKeyAllowed = false
    }

    /// `-` or `?`: in the block context, may start a block collection at this column.
    private mutating func blockIndicator() throws(Unscannable) {
        if flowLevel == 0 {
            guard simpleKeyAllowed else { throw Unscannable() }
            rollIndent(to: column)
        }
        try removeSimpleKey()
        advance()
    }

    /// `:`: ends the simple key pending, if any, else follows a `?` key.
    private mutating func value() throws(Unscannable) {
        if let key = simpleKeys[simpleKeys.count - 1] {
            rollIndent(to: key.column)
            simpleKeys[simpleKeys.count - 1] = nil
            simpleKeyAllowed = false
        } else {
            if flowLevel == 0 {
                guard simpleKeyAllowed else { throw Unscannable() }
                rollIndent(to: column)
            }
            simpleKeyAllowed = flowLevel == 0
        }
        advance()
    }

    /// A plain scalar may start with any non-blank character but an indicator; with `-`, `?`
    /// or `:` too when a non-blank follows (`-` not before a blank, in the flow context).
    private func startsPlainScalar(_ c: UInt8) -> Bool {
        if !isBlankOrBreakOrEnd(at) && !"-?:,[]{}#&*!|>'\"%@`".utf8.contains(c) { return true }
        if c == ascii("-") && !isBlank(at + 1) { return true }
        return flowLevel == 0 && (c == ascii("?") || c == ascii(":")) && !isBlankOrBreakOrEnd(at + 1)
    }

    private mutating func saveSimpleKey() throws(Unscannable) {
        guard simpleKeyAllowed else { return }
        let required = flowLevel == 0 && indent == column
        try removeSimpleKey()
        simpleKeys[simpleKeys.count - 1] = SimpleKey(line: line, index: index, column: column, required: required)
    }

    private mutating func removeSimpleKey() throws(Unscannable) {
        if simpleKeys[simpleKeys.count - 1]?.required == true { throw Unscannable() }
        simpleKeys[simpleKeys.count - 1] = nil
    }

    /// A simple key is on one line and under 1,024 characters.
    private mutating func dropStaleSimpleKeys() throws(Unscannable) {
        for level in simpleKeys.indices {
            guard let key = simpleKeys[level], key.line < line || key.index + 1024 < index else { continue }
            if key.required { throw Unscannable() }
            simpleKeys[level] = nil
        }
    }

    private mutating func rollIndent(to column: Int) {
        guard flowLevel == 0, indent < column else { return }
        indents.append(indent)
        indent = column
    }

    private mutating func unrollIndent(to column: Int) {
        guard flowLevel == 0 else { return }
        while indent > column { indent = indents.removeLast() }
    }

    /// Spaces (and tabs where allowed), comments and line breaks up to the next token.
    private mutating func skipToNextToken() throws(Unscannable) {
        while true {
            if column == 0 && byte(at) == 0xEF && byte(at + 1) == 0xBB && byte(at + 2) == 0xBF { advance() }
            while byte(at) == ascii(" ") || (byte(at) == ascii("\t") && (flowLevel > 0 || !simpleKeyAllowed)) {
                advance()
            }
            if byte(at) == ascii("#") { skipToLineEnd() }
            guard isBreak(at) else { return }
            skipLine()
            if flowLevel == 0 { simpleKeyAllowed = true }
        }
    }
}
