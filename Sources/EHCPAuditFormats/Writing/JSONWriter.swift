/// Compact JSON written straight into one byte buffer, commas placed as it goes: the one
/// way ehcp-audit writes JSON (records, scores, reports, samples, status).
///
/// ```swift
/// var json = JSONWriter()
/// json.object {
///     $0.member("month", "2025-06")
///     $0.member("audits", 42)
///     $0.member("meanPercent", nil as Double?)   // null
/// }
/// json.text   // {"month":"2025-06","audits":42,"meanPercent":null}
/// ```
///
/// `member` always writes its key, with `null` for nil; `field` leaves a nil out, as a
/// record's optional fields are. Numbers are written as ``number(_:)`` says.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next member or element is the first of its object or list.
    private var first = true
    /// Whether the next member or element starts a new line.
    private var lineBreak = false

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Structure

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        value(UInt8(ascii: "{"))
        first = true
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    public mutating func list(_ body: (inout JSONWriter) -> Void) {
        value(UInt8(ascii: "["))
        first = true
        body(&self)
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    /// A list of `items`, each written by `body`.
    public mutating func list<Items: Sequence>(_ items: Items, _ body: (inout JSONWriter, Items.Element) -> Void) {
        list { json in for item in items { body(&json, item) } }
    }

    /// A key, whose value the next call writes.
    public mutating func key(_ key: String) {
        separate()
        Self.appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        first = true
    }

    /// A key quoted and escaped once, for keys written many times (a record's judgements).
    public struct Key: Sendable {
        fileprivate let quoted: [UInt8]

        public init(_ name: String) {
            var bytes: [UInt8] = []
            JSONWriter.appendString(name, to: &bytes)
            quoted = bytes + [UInt8(ascii: ":")]
        }
    }

    /// A key made once, whose value the next call writes.
    public mutating func key(_ key: Key) {
        separate()
        // Through a pointer: the key's bytes are shared by every thread writing JSON, and
        // counting references to them from two cores at once is slow.
        key.quoted.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
        first = true
    }

    /// Starts a new line before the next member or element, so that a long list reads one
    /// item per line; the JSON means the same.
    public mutating func newline() {
        lineBreak = true
    }

    // MARK: Values

    public mutating func string(_ value: String?) {
        guard let value else { return null() }
        separate()
        Self.appendString(value, to: &bytes)
    }

    public mutating func number(_ value: Int?) {
        guard let value else { return null() }
        raw(String(value))
    }

    /// A fraction or percentage, rounded half away from zero to `places` decimals and
    /// written as short as it goes: `0.4286`, `75`, `63.25`.
    public mutating func number(_ value: Double?, places: Int) {
        guard let value, value.isFinite else { return null() }
        let scale = (0..<places).reduce(1.0) { product, _ in product * 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard places <= 4, abs(scaled) < 1e15 else {
            let rounded = scaled / scale
            return raw(rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded))
        }
        // The nearest double to a decimal of at most 15 digits prints as that decimal, so
        // the scaled integer's digits are what `String(Double)` would write, without it.
        separate()
        var units = Int(scaled)
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        units = abs(units)
        var fraction = 1
        for _ in 0..<places { fraction *= 10 }
        appendDigits(units / fraction)
        var decimals = units % fraction, digits = places
        guard decimals > 0 else { return }
        while decimals % 10 == 0 {
            decimals /= 10
            digits -= 1
        }
        bytes.append(UInt8(ascii: "."))
        var place = 1
        for _ in 1..<digits { place *= 10 }
        while place > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(decimals / place % 10))
            place /= 10
        }
    }

    private mutating func appendDigits(_ value: Int) {
        if value >= 10 { appendDigits(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    public mutating func bool(_ value: Bool?) {
        guard let value else { return null() }
        raw(value ? "true" : "false")
    }

    public mutating func null() {
        raw("null")
    }

    /// Text that is already JSON, such as a number formatted by a report's rule.
    public mutating func raw(_ json: String) {
        separate()
        bytes.append(contentsOf: json.utf8)
    }

    // MARK: Members

    public mutating func member(_ key: String, _ value: String?) {
        self.key(key)
        string(value)
    }
    public mutating func member(_ key: String, _ value: Int?) {
        self.key(key)
        number(value)
    }
    public mutating func member(_ key: String, _ value: Bool?) {
        self.key(key)
        bool(value)
    }
    public mutating func member(_ key: String, _ value: Double?, places: Int) {
        self.key(key)
        number(value, places: places)
    }

    // The same, with a key made once: for objects written many times (a score per record).
    public mutating func member(_ key: Key, _ value: String?) {
        self.key(key)
        string(value)
    }
    public mutating func member(_ key: Key, _ value: Int?) {
        self.key(key)
        number(value)
    }
    public mutating func member(_ key: Key, _ value: Bool?) {
        self.key(key)
        bool(value)
    }
    public mutating func member(_ key: Key, _ value: Double?, places: Int) {
        self.key(key)
        number(value, places: places)
    }

    /// Writes `byte` as it is, as the comma or line break between values written one after
    /// another on their own lines; the next value is then written as the first of its
    /// level, with no comma of its own.
    public mutating func separator(_ byte: UInt8) {
        bytes.append(byte)
        first = true
        lineBreak = false
    }

    /// Empties the buffer, keeping its memory, to write the next document into it.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        first = true
        lineBreak = false
    }

    /// A string member left out when `value` is nil.
    public mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        member(key, value)
    }

    // MARK: Strings

    /// `text` as a JSON string literal, escaped as RFC 8259 asks.
    public static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Read in place where the text is stored whole (it nearly always is), with no copy
        // of the string and so no count of references to it (a framework's action texts
        // are shared by every thread writing scores).
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &bytes) }) == nil {
            var text = text
            text.withUTF8 { appendEscaped($0, to: &bytes) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        // Most text needs no escape; what does is copied a run at a time between escapes.
        var run = 0
        var i = 0
        while i < utf8.count {
            i = nextEscape(in: utf8, from: i)
            guard i < utf8.count else { break }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
            appendEscape(utf8[i], to: &bytes)
            i += 1
            run = i
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
    }

    /// The index of the first byte from `start` on that needs an escape, or the count:
    /// eight bytes at a time, a word holding none of them found with a few operations.
    private static func nextEscape(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        if let base = UnsafeRawPointer(utf8.baseAddress) {
            while i + 8 <= utf8.count {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // A byte below 0x20 has its top three bits clear; `"` is 0x22, `\` is 0x5C.
                if hasZero(word & 0xE0E0_E0E0_E0E0_E0E0) || hasZero(word ^ (ones &* 0x22))
                    || hasZero(word ^ (ones &* 0x5C))
                {
                    break
                }
                i += 8
            }
        }
        while i < utf8.count && !needsEscape(utf8[i]) { i += 1 }
        return i
    }

    private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(0x5C)
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(UInt8(ascii: "u"))
            bytes.append(0x30)
            bytes.append(0x30)
            bytes.append(hexDigit(byte >> 4))
            bytes.append(hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }

    private mutating func value(_ opening: UInt8) {
        separate()
        bytes.append(opening)
    }

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        if lineBreak { bytes.append(0x0A) }
        first = false
        lineBreak = false
    }
}
