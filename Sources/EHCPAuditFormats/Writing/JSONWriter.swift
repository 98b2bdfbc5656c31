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
        let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        raw(rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded))
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
        let utf8 = text.utf8
        // Most text needs no escape: copy it whole, straight from its storage.
        let copied =
            utf8.withContiguousStorageIfAvailable { stored in
                guard !stored.contains(where: needsEscape) else { return false }
                bytes.append(contentsOf: stored)
                return true
            } ?? false
        if copied || !utf8.contains(where: needsEscape) {
            if !copied { bytes.append(contentsOf: utf8) }
            bytes.append(UInt8(ascii: "\""))
            return
        }
        let hex = Array("0123456789abcdef".utf8)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: [
                    0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
                ])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
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
