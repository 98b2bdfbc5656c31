/// A JSON syntax error with the line it was found on.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String
}

/// Parses one JSON value (RFC 8259) into a ``DocumentNode`` that keeps line numbers.
///
/// Foundation's parsers report no positions, and every record error must name its line,
/// so this small recursive-descent parser does. Nesting is limited so that hostile input
/// cannot exhaust the stack.
public struct JSONParser {
    public static let maxDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var line: Int
    private var depth = 0

    /// Parses `bytes` as exactly one JSON value; `firstLine` is the line of its first byte.
    public static func parse(_ bytes: [UInt8], firstLine: Int = 1) throws(JSONSyntaxError) -> DocumentNode {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> DocumentNode in
            var parser = JSONParser(bytes: buffer, line: firstLine)
            parser.skipWhitespace()
            let node = try parser.parseValue()
            parser.skipWhitespace()
            if parser.position < buffer.count {
                throw parser.error("unexpected \(parser.describeCurrent()) after the end of the value")
            }
            return node
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, line: Int) {
        self.bytes = bytes
        self.line = line
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> DocumentNode {
        guard position < bytes.count else { throw error("unexpected end of input, expected a value") }
        let startLine = line
        switch bytes[position] {
        case UInt8(ascii: "{"): return DocumentNode(try parseObject(), line: startLine)
        case UInt8(ascii: "["): return DocumentNode(try parseArray(), line: startLine)
        case UInt8(ascii: "\""): return DocumentNode(.string(try parseString()), line: startLine)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return DocumentNode(.bool(true), line: startLine)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return DocumentNode(.bool(false), line: startLine)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return DocumentNode(.null, line: startLine)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return DocumentNode(try parseNumber(), line: startLine)
        default: throw error("unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> DocumentNode.Value {
        try enter()
        position += 1
        var members: [DocumentNode.Member] = []
        var keys = Set<String>()
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            position += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                throw error("unexpected \(describeCurrent()), expected a key in double quotes")
            }
            let keyLine = line
            let key = try parseString()
            if !keys.insert(key).inserted {
                throw JSONSyntaxError(line: keyLine, message: "duplicate key \"\(key)\"")
            }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else {
                throw error("unexpected \(describeCurrent()), expected ':' after key \"\(key)\"")
            }
            position += 1
            skipWhitespace()
            members.append(DocumentNode.Member(key: key, node: try parseValue()))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                position += 1
                continue
            }
            if peek(UInt8(ascii: "}")) {
                position += 1
                depth -= 1
                return .object(members)
            }
            throw error("unexpected \(describeCurrent()), expected ',' or '}'")
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> DocumentNode.Value {
        try enter()
        position += 1
        var elements: [DocumentNode] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                position += 1
                continue
            }
            if peek(UInt8(ascii: "]")) {
                position += 1
                depth -= 1
                return .array(elements)
            }
            throw error("unexpected \(describeCurrent()), expected ',' or ']'")
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        position += 1
        let start = position
        // Fast path: no escapes, so the bytes are the string.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                guard let text = UTF8Text.decode(UnsafeBufferPointer(rebasing: bytes[start..<position])) else {
                    throw error(UTF8Text.invalidMessage)
                }
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("control character in a string (write it as an escape such as \\n)") }
            position += 1
        }
        var scalars = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = UTF8Text.decode(scalars) else { throw error(UTF8Text.invalidMessage) }
                return text
            case UInt8(ascii: "\\"):
                try appendEscape(to: &scalars)
            case 0..<0x20:
                throw error("control character in a string (write it as an escape such as \\n)")
            default:
                scalars.append(byte)
            }
        }
        throw error("unterminated string")
    }

    private mutating func appendEscape(to out: inout [UInt8]) throws(JSONSyntaxError) {
        if let message = JSONEscape.append(from: bytes, at: &position, to: &out) { throw error(message) }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> DocumentNode.Value {
        let start = position
        if peek(UInt8(ascii: "-")) { position += 1 }
        if peek(UInt8(ascii: "0")) {
            position += 1
        } else if !digits() {
            throw error("invalid number")
        }
        if peek(UInt8(ascii: ".")) {
            position += 1
            guard digits() else { throw error("invalid number: digits expected after '.'") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            position += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
            guard digits() else { throw error("invalid number: digits expected in the exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw error("number \(text) is out of range") }
        return .number(value, text: text)
    }

    private mutating func digits() -> Bool {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            position += 1
        }
        return position > start
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
            memcmpEqual(word.utf8Start, bytes.baseAddress! + position, count)
        else { throw error("unexpected \(describeCurrent()), expected a value") }
        position += count
    }

    private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        for i in 0..<count where a[i] != b[i] { return false }
        return true
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\n"): line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: return
            }
            position += 1
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
    }

    private func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }

    private func describeCurrent() -> String {
        guard position < bytes.count else { return "end of input" }
        let byte = bytes[position]
        return byte >= 0x20 && byte < 0x7F
            ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(line: line, message: message) }
}

/// JSON string escapes (`\n`, `\"`, `\u00e9`, surrogate pairs), shared by both readers.
enum JSONEscape {
    /// Decodes the escape after a backslash at `position` into `out`; nil on success,
    /// else what is wrong.
    static func append(from bytes: UnsafeBufferPointer<UInt8>, at position: inout Int, to out: inout [UInt8]) -> String?
    {
        guard position < bytes.count else { return "unterminated string" }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            guard var code = hex4(bytes, &position) else { return "invalid \\u escape: four hex digits expected" }
            if (0xD800..<0xDC00).contains(code), position + 1 < bytes.count,
                bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            {
                position += 2
                guard let low = hex4(bytes, &position), (0xDC00..<0xE000).contains(low) else {
                    return "invalid UTF-16 surrogate pair in \\u escape"
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { return "invalid \\u escape (lone surrogate)" }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            return "invalid escape \\\(Character(Unicode.Scalar(byte)))"
        }
        return nil
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
