import EHCPAudit

/// Splits a JSON or JSON Lines file into the raw text of one record at a time.
///
/// A `.jsonl` / `.ndjson` file holds one record per line. A `.json` file holds one record
/// object or an array of them; an array is split element by element as it is read, so
/// neither kind of file is ever held whole in memory.
final class JSONRecordStream {
    /// One record's bytes, where it starts, and its JSON path root (`$` or `$[4]`).
    struct Item {
        var bytes: [UInt8]
        var line: Int
        var index: Int
        var root: String
        /// The record was larger than ``InputLimits/largestRecord``: `bytes` holds only
        /// its start, and it must be refused.
        var tooLong = false
    }

    enum Layout { case lines, document }

    private let file: String
    private let reader: ByteReader
    private let layout: Layout
    private var line = 1
    private var index = 0
    private var state = State.start

    private enum State { case start, inArray, single, done }

    init(path: String, displayName: String, layout: Layout) throws(Diagnostic) {
        file = displayName
        reader = try ByteReader(path: path)
        self.layout = layout
    }

    init(bytes: [UInt8], displayName: String, layout: Layout) {
        file = displayName
        reader = ByteReader(bytes: bytes)
        self.layout = layout
    }

    /// Bytes read so far.
    var offset: Int { reader.offset }

    func next() throws(Diagnostic) -> Item? {
        switch layout {
        case .lines: return nextLine()
        case .document: return try nextInDocument()
        }
    }

    private func nextLine() -> Item? {
        if state == .start {
            reader.skip(prefix: Self.byteOrderMark)
            state = .single
        }
        while state != .done {
            var bytes: [UInt8] = []
            let startLine = line
            let end = reader.appendLine(to: &bytes, limit: InputLimits.largestRecord)
            if end == .endOfFile { state = .done } else { line += 1 }
            if end == .tooLong || bytes.contains(where: { !Self.isSpace($0) }) {
                index += 1
                return Item(
                    bytes: end == .tooLong ? [] : bytes, line: startLine, index: index, root: "$",
                    tooLong: end == .tooLong)
            }
        }
        return nil
    }

    /// A UTF-8 byte order mark at the start of a file says nothing JSON needs: it is skipped.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private func nextInDocument() throws(Diagnostic) -> Item? {
        switch state {
        case .start:
            reader.skip(prefix: Self.byteOrderMark)
            skipWhitespace()
            guard let first = reader.peek() else {
                throw Diagnostic(
                    file: file, line: line,
                    message: "the file is empty: expected a record object or an array of records")
            }
            if first == UInt8(ascii: "[") {
                _ = reader.next()
                state = .inArray
                skipWhitespace()
                if reader.peek() == UInt8(ascii: "]") {
                    _ = reader.next()
                    return try finish()
                }
                return try element()
            }
            state = .single
            var bytes: [UInt8] = []
            var tooLong = false
            while let byte = reader.next() {
                if bytes.count < InputLimits.largestRecord { bytes.append(byte) } else { tooLong = true }
            }
            state = .done
            return Item(bytes: tooLong ? [] : bytes, line: line, index: 1, root: "$", tooLong: tooLong)
        case .inArray:
            skipWhitespace()
            switch reader.next() {
            case UInt8(ascii: ",")?:
                skipWhitespace()
                return try element()
            case UInt8(ascii: "]")?:
                return try finish()
            case nil:
                throw Diagnostic(
                    file: file, line: line,
                    message: "unexpected end of file: the array of records is not closed with ']'")
            case let byte?:
                throw Diagnostic(
                    file: file, line: line, recordIndex: index,
                    message:
                        """
                        invalid JSON: unexpected '\(Character(Unicode.Scalar(byte)))' after record #\(index), \
                        expected ',' or ']'
                        """
                )
            }
        case .single, .done:
            return nil
        }
    }

    /// Reads one array element, tracking nesting and strings to find where it ends; the
    /// JSON parser checks the element's syntax afterwards.
    private func element() throws(Diagnostic) -> Item {
        index += 1
        let startLine = line
        var bytes: [UInt8] = []
        var depth = 0, inString = false, escaped = false, tooLong = false
        func item() -> Item {
            Item(bytes: tooLong ? [] : bytes, line: startLine, index: index, root: "$[\(index - 1)]", tooLong: tooLong)
        }
        while let byte = reader.peek() {
            if !inString && depth == 0 && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || Self.isSpace(byte))
            {
                if bytes.isEmpty {
                    throw Diagnostic(
                        file: file, line: line, recordIndex: index,
                        message:
                            "invalid JSON: expected record #\(index) but found '\(Character(Unicode.Scalar(byte)))'")
                }
                return item()
            }
            _ = reader.next()
            if bytes.count < InputLimits.largestRecord { bytes.append(byte) } else { tooLong = true }
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                if !inString && depth == 0 { return item() }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth <= 0 { return item() }
            default: break
            }
        }
        throw Diagnostic(
            file: file, line: startLine, recordIndex: index,
            message: "unexpected end of file inside record #\(index), which starts here")
    }

    private func finish() throws(Diagnostic) -> Item? {
        state = .done
        skipWhitespace()
        if reader.peek() != nil {
            throw Diagnostic(
                file: file, line: line, message: "invalid JSON: unexpected content after the closing ']' of the array")
        }
        return nil
    }

    private func skipWhitespace() {
        while let byte = reader.peek(), Self.isSpace(byte) {
            _ = reader.next()
            if byte == UInt8(ascii: "\n") { line += 1 }
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
