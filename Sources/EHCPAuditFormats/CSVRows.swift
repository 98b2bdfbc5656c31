import EHCPAudit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// One CSV row: its fields' bytes (quotes removed) one after another, and where each is.
/// Reused from row to row, so reading a row makes no new arrays.
struct CSVRow {
    var bytes: [UInt8] = []
    var fields: [Range<Int>] = []

    /// The field with surrounding ASCII white space left out.
    func trimmed(_ i: Int) -> Range<Int> {
        var range = fields[i]
        while let first = range.first, bytes[first] == 0x20 || bytes[first] == 0x09 {
            range = (first + 1)..<range.upperBound
        }
        while let last = range.last, bytes[last] == 0x20 || bytes[last] == 0x09 || bytes[last] == 0x0D {
            range = range.lowerBound..<last
        }
        return range
    }

    func isBlank(_ i: Int) -> Bool { trimmed(i).isEmpty }

    /// The field's text; nil when it is not valid UTF-8.
    func text(_ i: Int) -> String? { UTF8Text.decode(bytes[trimmed(i)]) }

    func date(_ i: Int) -> CalendarDate? { CalendarDate(utf8: bytes[trimmed(i)]) }
}

/// RFC 4180 rows with the line each starts on.
///
/// Most rows are a plain line (no quotes, no carriage return but the CRLF's): those are
/// split in place in the reader's memory; anything else is read byte by byte.
struct CSVRows {
    let reader: ByteReader
    private var line = 1
    private var done = false
    private(set) var error: (line: Int, message: String)?

    init(reader: ByteReader) {
        self.reader = reader
    }

    /// Reads the next row when it is a plain line already in memory; false (nothing read)
    /// otherwise.
    private mutating func plainLine(into row: inout CSVRow) -> Bool {
        guard let bytes = reader.peekLine(), let base = bytes.baseAddress, bytes.count <= InputLimits.largestRecord,
            memchr(base, Int32(UInt8(ascii: "\"")), bytes.count) == nil
        else { return false }
        let cr = memchr(base, 0x0D, bytes.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
        if let cr, cr != bytes.count - 1 { return false }
        reader.consume(bytes.count + 1)
        line += 1
        row.bytes.append(contentsOf: bytes)
        var fieldStart = 0
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: ",") {
            row.fields.append(fieldStart..<i)
            fieldStart = i + 1
        }
        row.fields.append(fieldStart..<(cr ?? bytes.count))
        return true
    }

    /// Reads the next row into `row`; its first line, or nil at the end.
    mutating func next(into row: inout CSVRow) -> Int? {
        guard !done else { return nil }
        let start = line
        row.bytes.removeAll(keepingCapacity: true)
        row.fields.removeAll(keepingCapacity: true)
        if plainLine(into: &row) { return start }
        var fieldStart = 0
        var quoted = false, wasQuoted = false
        func endField() {
            var end = row.bytes.count
            if !wasQuoted, end > fieldStart, row.bytes[end - 1] == 0x0D { end -= 1 }
            row.fields.append(fieldStart..<end)
        }
        while true {
            // Each pass appends at most one byte, so checking here bounds quoted and plain fields alike.
            if row.bytes.count > InputLimits.largestRecord {
                error = (start, "the row starting here is longer than \(InputLimits.largestRecordWords)")
                done = true
                return start
            }
            guard let byte = reader.next() else {
                if quoted { error = (start, "unterminated quoted field in the row starting here") }
                done = true
                if row.fields.isEmpty && row.bytes.isEmpty && !wasQuoted { return nil }
                endField()
                return start
            }
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if reader.peek() == UInt8(ascii: "\"") {
                        _ = reader.next()
                        row.bytes.append(byte)
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    row.bytes.append(byte)
                }
                continue
            }
            switch byte {
            case 0x0D where reader.peek() != UInt8(ascii: "\n"):
                error = (
                    line, "a line ends with a lone carriage return (CR): save the file with LF or CRLF line endings"
                )
                done = true
                return start
            case UInt8(ascii: "\"") where row.bytes.count == fieldStart:
                quoted = true
                wasQuoted = true
            case UInt8(ascii: ","):
                endField()
                fieldStart = row.bytes.count
                wasQuoted = false
            case UInt8(ascii: "\n"):
                line += 1
                endField()
                return start
            default:
                row.bytes.append(byte)
            }
        }
    }
}
