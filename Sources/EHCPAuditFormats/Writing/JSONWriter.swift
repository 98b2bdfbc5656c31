// Longer than 300 lines on purpose: the one JSON writer, its escaping and number formatting
// beside the members that use them.

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
///
/// The bytes live in one growing buffer of the writer's own, copied on write like an
/// array's, written with plain copies: a national month's scores are 176 MB of JSON made
/// of short pieces, and appending each piece to a Swift array cost more than the rest of
/// the writing together.
public struct JSONWriter: @unchecked Sendable {
    // `@unchecked`: the buffer is written only through a writer that holds it alone
    // (`reserve` copies it first otherwise), exactly as an array's storage is.
    private var storage: Storage
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// Whether the next member or element is the first of its object or list.
    private var first = true
    /// Whether the next member or element starts a new line.
    private var lineBreak = false

    public init(capacity: Int = 1024) {
        self.capacity = Swift.max(capacity, 64)
        storage = Storage(capacity: self.capacity)
        start = storage.start
    }

    /// What has been written, as bytes.
    public var bytes: [UInt8] { withBytes { Array($0) } }

    /// What has been written, as text.
    public var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    /// Whether nothing has been written since the writer was made or emptied.
    public var isEmpty: Bool { count == 0 }

    /// Calls `body` with what has been written, in place.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: start, count: count)) }
    }

    // MARK: Structure

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        value(UInt8(ascii: "{"))
        first = true
        body(&self)
        write(UInt8(ascii: "}"))
        first = false
    }

    public mutating func list(_ body: (inout JSONWriter) -> Void) {
        value(UInt8(ascii: "["))
        first = true
        body(&self)
        write(UInt8(ascii: "]"))
        first = false
    }

    /// A list of `items`, each written by `body`. Inlinable, so that each caller's kind of
    /// list is walked directly, not through the generic `Sequence` (a third of writing a
    /// score went to that).
    @inlinable
    public mutating func list<Items: Sequence>(_ items: Items, _ body: (inout JSONWriter, Items.Element) -> Void) {
        list { json in for item in items { body(&json, item) } }
    }

    /// A key, whose value the next call writes.
    public mutating func key(_ key: String) {
        separate()
        appendString(key)
        write(UInt8(ascii: ":"))
        first = true
    }

    /// A key quoted and escaped once, for keys written many times (a record's judgements).
    /// (Members with such keys are `@inlinable`, so that writing a score's many members
    /// costs no call each.)
    @usableFromInline package struct Key: Sendable {
        fileprivate let quoted: [UInt8]

        package init(_ name: String) {
            var json = JSONWriter(capacity: name.utf8.count * 6 + 3)
            json.appendString(name)
            json.write(UInt8(ascii: ":"))
            quoted = json.bytes
        }
    }

    /// A key made once, whose value the next call writes.
    @usableFromInline package mutating func key(_ key: Key) {
        separate()
        key.quoted.withUnsafeBufferPointer { write($0) }
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
        appendString(value)
    }

    public mutating func number(_ value: Int?) {
        guard let value else { return null() }
        separate()
        if value < 0 { write(UInt8(ascii: "-")) }
        appendDigits(value.magnitude)
    }

    /// A fraction or percentage, rounded half away from zero to `places` decimals and
    /// written as short as it goes: `0.4286`, `75`, `63.25`.
    public mutating func number(_ value: Double?, places: Int) {
        guard let value, value.isFinite else { return null() }
        let scale: Double =
            switch places {
            case 0: 1
            case 1: 10
            case 2: 100
            case 3: 1000
            case 4: 10000
            default: (0..<places).reduce(1.0) { product, _ in product * 10 }
            }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard places <= 4, abs(scaled) < 1e15 else {
            let rounded = scaled / scale
            return raw(rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded))
        }
        // The nearest double to a decimal of at most 15 digits prints as that decimal, so
        // the scaled integer's digits are what `String(Double)` would write, without it.
        separate()
        let units = Int(scaled)
        if units < 0 { write(UInt8(ascii: "-")) }
        let fraction = UInt(scale)
        appendDigits(units.magnitude / fraction)
        var decimals = units.magnitude % fraction, digits = places
        guard decimals > 0 else { return }
        while decimals % 10 == 0 {
            decimals /= 10
            digits -= 1
        }
        write(UInt8(ascii: "."))
        var place: UInt = 1
        for _ in 1..<digits { place *= 10 }
        while place > 0 {
            write(UInt8(ascii: "0") + UInt8(decimals / place % 10))
            place /= 10
        }
    }

    /// The decimal digits of `value`, written in place.
    private mutating func appendDigits(_ value: UInt) {
        var digits = 1, rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        let end = reserve(digits) + digits
        rest = value
        for d in 1...digits {
            end[-d] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += digits
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
        var json = json
        json.withUTF8 { write($0) }
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
    @inlinable package mutating func member(_ key: Key, _ value: String?) {
        self.key(key)
        string(value)
    }
    @inlinable package mutating func member(_ key: Key, _ value: Int?) {
        self.key(key)
        number(value)
    }
    @inlinable package mutating func member(_ key: Key, _ value: Bool?) {
        self.key(key)
        bool(value)
    }
    @inlinable package mutating func member(_ key: Key, _ value: Double?, places: Int) {
        self.key(key)
        number(value, places: places)
    }

    /// Writes `byte` as it is, as the comma or line break between values written one after
    /// another on their own lines; the next value is then written as the first of its
    /// level, with no comma of its own.
    public mutating func separator(_ byte: UInt8) {
        write(byte)
        first = true
        lineBreak = false
    }

    /// Where a piece of JSON written beforehand goes: it opens a value, or continues the
    /// value being written, up to a key (whose value the next call writes), or it ends the
    /// value. See ``write(piece:_:)``.
    package enum PiecePlace: Sendable { case opening, continuing, closing }

    /// Writes JSON written beforehand and kept (``ScoreJSON``'s improvement actions) as it
    /// is, with the comma before it when it opens a value that needs one.
    package mutating func write(piece: UnsafeBufferPointer<UInt8>, _ place: PiecePlace) {
        if place == .opening { separate() }
        write(piece)
        first = place != .closing
    }

    /// Empties the buffer, keeping its memory, to write the next document into it.
    public mutating func removeAll() {
        count = 0
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
        var json = JSONWriter(capacity: text.utf8.count + 2)
        json.appendString(text)
        return json.text
    }

    private mutating func appendString(_ text: String) {
        write(UInt8(ascii: "\""))
        // Read in place where the text is stored whole, with no copy of the string and so no
        // count of references to it (a framework's action texts are shared by every thread
        // writing scores); a short string holds its bytes itself and is copied for free.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            var text = text
            text.withUTF8 { appendEscaped($0) }
        }
        write(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Most text needs no escape; what does is copied a run at a time between escapes.
        var run = 0
        var i = 0
        while i < utf8.count {
            i = Self.nextEscape(in: utf8, from: i)
            guard i < utf8.count else { break }
            write(UnsafeBufferPointer(rebasing: utf8[run..<i]))
            appendEscape(utf8[i])
            i += 1
            run = i
        }
        write(UnsafeBufferPointer(rebasing: utf8[run...]))
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

    private mutating func appendEscape(_ byte: UInt8) {
        write(0x5C)
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): write(byte)
        case 0x0A: write(UInt8(ascii: "n"))
        case 0x0D: write(UInt8(ascii: "r"))
        case 0x09: write(UInt8(ascii: "t"))
        default:
            write(UInt8(ascii: "u"))
            write(0x30)
            write(0x30)
            write(Self.hexDigit(byte >> 4))
            write(Self.hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }

    private mutating func value(_ opening: UInt8) {
        separate()
        write(opening)
    }

    @inline(__always)
    private mutating func separate() {
        if !first { write(UInt8(ascii: ",")) }
        if lineBreak { write(0x0A) }
        first = false
        lineBreak = false
    }

    // MARK: The buffer

    /// Room for `extra` more bytes at the end, held by this writer alone: the address to
    /// write them at (then add them to `count`).
    @inline(__always)
    private mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(capacity - count < extra || !isKnownUniquelyReferenced(&storage)) { grow(extra) }
        return start + count
    }

    /// Moves the bytes to a buffer of this writer's own with room for `extra` more.
    @inline(never)
    private mutating func grow(_ extra: Int) {
        let grown = Storage(capacity: Swift.max(capacity * (capacity - count < extra ? 2 : 1), count + extra))
        grown.start.update(from: start, count: count)
        storage = grown
        start = grown.start
        capacity = grown.capacity
    }

    @inline(__always)
    private mutating func write(_ byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    @inline(__always)
    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// The memory a writer's bytes live in, shared by copies of a writer until one writes.
    private final class Storage {
        let start: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            start = .allocate(capacity: capacity)
        }

        deinit { start.deallocate() }
    }
}
