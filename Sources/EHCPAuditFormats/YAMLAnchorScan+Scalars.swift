/// The scans of ``YAMLAnchorScan`` that pass over a token whole — scalars, anchor names and
/// tags, inside which `*` and `&` are text — and its reading of characters, each as
/// libyaml 0.2.5's scanner (scanner.c) does.
extension YAMLAnchorScan {
    /// An anchor's or alias's name after its `&` or `*`: letters, digits, `-` and `_`, then a
    /// blank or one of `?:,]}%@` and the backquote.
    mutating func scanAnchorName() throws(Unscannable) {
        advance()
        let start = at
        while isNameCharacter(byte(at)) { advance() }
        guard at > start, isBlankOrBreakOrEnd(at) || "?:,]}%@`".utf8.contains(byte(at)) else { throw Unscannable() }
    }

    /// `%YAML` or `%TAG` and the rest of its line, line break and all (so that no simple key
    /// may start the next line).
    mutating func scanDirective() throws(Unscannable) {
        advance()
        let start = at
        while isNameCharacter(byte(at)) { advance() }
        guard text[start..<at].elementsEqual("YAML".utf8) || text[start..<at].elementsEqual("TAG".utf8) else {
            throw Unscannable()
        }
        skipToLineEnd()
        skipLine()
    }

    /// `!<uri>`, or `!`, `!suffix`, `!handle!suffix`: then a blank (or `,` in the flow context).
    mutating func scanTag() throws(Unscannable) {
        if byte(at + 1) == ascii("<") {
            advance()
            advance()
            while isURICharacter(byte(at), verbatim: true) { advance() }
            guard byte(at) == ascii(">") else { throw Unscannable() }
            advance()
        } else {
            advance()
            while isURICharacter(byte(at), verbatim: false) { advance() }
        }
        guard isBlankOrBreakOrEnd(at) || (flowLevel > 0 && byte(at) == ascii(",")) else { throw Unscannable() }
    }

    /// A single- or double-quoted scalar, over as many lines as it takes, to its closing quote.
    mutating func scanQuotedScalar(single: Bool) throws(Unscannable) {
        let quote = byte(at)
        advance()
        while true {
            if column == 0 && isDocumentIndicator { throw Unscannable() }
            guard at < end else { throw Unscannable() }
            scan: while !isBlankOrBreakOrEnd(at) {
                let c = byte(at)
                if single && c == quote && byte(at + 1) == quote {
                    advance()
                    advance()
                } else if c == quote {
                    break
                } else if !single && c == ascii("\\") && isBreak(at + 1) {
                    advance()
                    skipLine()
                    break scan
                } else if !single && c == ascii("\\") {
                    try scanEscape()
                } else {
                    advance()
                }
            }
            if byte(at) == quote { break }
            while isBlank(at) || isBreak(at) {
                if isBlank(at) { advance() } else { skipLine() }
            }
        }
        advance()
    }

    /// A double-quoted scalar's escape: `\` and one character, or `\x`, `\u`, `\U` and 2, 4
    /// or 8 hex digits.
    private mutating func scanEscape() throws(Unscannable) {
        let digits: Int
        switch byte(at + 1) {
        case ascii("x"): digits = 2
        case ascii("u"): digits = 4
        case ascii("U"): digits = 8
        case let c where "0abt\tnvfre \"/\\N_LP".utf8.contains(c): digits = 0
        default: throw Unscannable()
        }
        advance()
        advance()
        for _ in 0..<digits {
            guard byte(at).isHexDigit else { throw Unscannable() }
            advance()
        }
    }

    /// A plain scalar, over as many lines as it continues: each indented past the block
    /// indentation (any, in the flow context), up to `: `, ` #`, a document marker or, in the
    /// flow context, a flow indicator.
    mutating func scanPlainScalar() throws(Unscannable) {
        let indent = self.indent + 1
        var leadingBlanks = false
        while true {
            if (column == 0 && isDocumentIndicator) || byte(at) == ascii("#") { break }
            while !isBlankOrBreakOrEnd(at) {
                let c = byte(at)
                if flowLevel > 0 && c == ascii(":") && ",?[]{}".utf8.contains(byte(at + 1)) { throw Unscannable() }
                if (c == ascii(":") && isBlankOrBreakOrEnd(at + 1)) || (flowLevel > 0 && ",[]{}".utf8.contains(c)) {
                    break
                }
                leadingBlanks = false
                advance()
            }
            guard isBlank(at) || isBreak(at) else { break }
            while isBlank(at) || isBreak(at) {
                if isBlank(at) {
                    if leadingBlanks && column < indent && byte(at) == ascii("\t") { throw Unscannable() }
                    advance()
                } else {
                    skipLine()
                    leadingBlanks = true
                }
            }
            if flowLevel == 0 && column < indent { break }
        }
        if leadingBlanks { simpleKeyAllowed = true }
    }

    /// A literal (`|`) or folded (`>`) scalar: its header line, then every line indented as
    /// far as its first (or as its indentation indicator says), and the empty lines between.
    mutating func scanBlockScalar() throws(Unscannable) {
        advance()
        var increment = 0
        if byte(at) == ascii("+") || byte(at) == ascii("-") {
            advance()
            if byte(at).isDigit { increment = try indentationIndicator() }
        } else if byte(at).isDigit {
            increment = try indentationIndicator()
            if byte(at) == ascii("+") || byte(at) == ascii("-") { advance() }
        }
        while isBlank(at) { advance() }
        if byte(at) == ascii("#") { skipToLineEnd() }
        guard isBreak(at) || at >= end else { throw Unscannable() }
        skipLine()
        var blockIndent = increment == 0 ? 0 : indent >= 0 ? indent + increment : increment
        try skipBlockScalarBreaks(&blockIndent)
        while column == blockIndent && at < end {
            skipToLineEnd()
            skipLine()
            try skipBlockScalarBreaks(&blockIndent)
        }
    }

    private mutating func indentationIndicator() throws(Unscannable) -> Int {
        guard byte(at) != ascii("0") else { throw Unscannable() }
        defer { advance() }
        return Int(byte(at) - ascii("0"))
    }

    /// Indentation and empty lines before a block scalar's next line; settles its
    /// indentation, when not yet known, from the first non-empty line.
    private mutating func skipBlockScalarBreaks(_ blockIndent: inout Int) throws(Unscannable) {
        var maxIndent = 0
        while true {
            while (blockIndent == 0 || column < blockIndent) && byte(at) == ascii(" ") { advance() }
            maxIndent = max(maxIndent, column)
            if (blockIndent == 0 || column < blockIndent) && byte(at) == ascii("\t") { throw Unscannable() }
            guard isBreak(at) else { break }
            skipLine()
        }
        if blockIndent == 0 { blockIndent = max(maxIndent, indent + 1, 1) }
    }

    // MARK: Characters

    /// The byte at `offset`, or 0 past the end (libyaml reads a NUL there).
    func byte(_ offset: Int) -> UInt8 { offset < end ? text[offset] : 0 }

    func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(ascii: character) }

    func isBlank(_ offset: Int) -> Bool { byte(offset) == ascii(" ") || byte(offset) == ascii("\t") }

    /// LF, CR, NEL (C2 85), LS (E2 80 A8) or PS (E2 80 A9).
    func isBreak(_ offset: Int) -> Bool {
        switch byte(offset) {
        case ascii("\n"), ascii("\r"): true
        case 0xC2: byte(offset + 1) == 0x85
        case 0xE2: byte(offset + 1) == 0x80 && (byte(offset + 2) == 0xA8 || byte(offset + 2) == 0xA9)
        default: false
        }
    }

    func isBlankOrBreakOrEnd(_ offset: Int) -> Bool { offset >= end || isBlank(offset) || isBreak(offset) }

    /// `---` or `...` and then a blank, a break or the end.
    var isDocumentIndicator: Bool {
        let c = byte(at)
        return (c == ascii("-") || c == ascii(".")) && byte(at + 1) == c && byte(at + 2) == c
            && isBlankOrBreakOrEnd(at + 3)
    }

    private func isNameCharacter(_ c: UInt8) -> Bool {
        c.isDigit || (c | 0x20 >= ascii("a") && c | 0x20 <= ascii("z")) || c == ascii("_") || c == ascii("-")
    }

    private func isURICharacter(_ c: UInt8, verbatim: Bool) -> Bool {
        isNameCharacter(c) || ";/?:@&=+$.%!~*'()".utf8.contains(c) || (verbatim && ",[]".utf8.contains(c))
    }

    /// Past one character (of one to four bytes).
    mutating func advance() {
        let lead = byte(at)
        at += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        column += 1
        index += 1
    }

    /// Past a line break (CR LF as one), if there is one.
    mutating func skipLine() {
        if byte(at) == ascii("\r") && byte(at + 1) == ascii("\n") {
            at += 2
            index += 2
        } else if isBreak(at) {
            advance()
        } else {
            return
        }
        column = 0
        line += 1
    }

    mutating func skipToLineEnd() {
        while !isBlankOrBreakOrEnd(at) || isBlank(at) { advance() }
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    fileprivate var isHexDigit: Bool {
        isDigit || (self | 0x20 >= UInt8(ascii: "a") && self | 0x20 <= UInt8(ascii: "f"))
    }
}
