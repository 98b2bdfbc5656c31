import EHCPAudit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

// Longer than 300 lines on purpose: one hand-written decoder of the record format, field by
// field, kept in one place so that it can be read against docs/records.md and the general
// reader it must agree with (FastRecordDecoderTests hold the two to the same records).

/// The fast path for well-formed JSON records: bytes straight to ``AuditRecord``, with no
/// intermediate tree and no text made for what is not kept.
///
/// It understands exactly the docs/records.md shape and gives up (returns nil) at the first
/// thing it does not expect — an unknown or repeated field, a wrong type, a bad escape, a
/// syntax error — leaving the general parser and ``RecordDecoder`` to read the record
/// again and say precisely what is wrong. So it never decides validity, only speed.
struct FastRecordDecoder {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var line: Int
    private var words: WordTextCache
    /// Set at the first surprise; the caller then gives up.
    private var failed = false

    /// Decodes one record, or nil when the general path must take over.
    static func decode(_ bytes: [UInt8], firstLine: Int, words: inout WordTextCache) -> AuditRecord? {
        bytes.withUnsafeBufferPointer { buffer in
            var decoder = FastRecordDecoder(bytes: buffer, line: firstLine, words: words)
            let record = decoder.record()
            words = decoder.words
            decoder.skipWhitespace()
            return decoder.failed || decoder.position != buffer.count ? nil : record
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, line: Int, words: WordTextCache) {
        self.bytes = bytes
        self.line = line
        self.words = words
    }

    private mutating func record() -> AuditRecord? {
        skipWhitespace()
        let line = self.line
        var auditId: String?, planId: String?, framework: FrameworkReference?, auditor: String?, date: CalendarDate?
        var kind: AuditKind?, status: AuditStatus?, moderates: String?, plan = PlanDetails(), judgements: [Judgement]?,
            advices: [Advice] = [], planChecks: PlanCheckCounts?
        var seen = Fields(), first = true
        guard open("{") else { return nil }
        while let field: RecordField.Audit = nextField(&first, &seen, KeyTable.audit) {
            switch field {
            case .auditId: auditId = string()
            case .planId: planId = string()
            case .auditor: auditor = string()
            case .auditDate: date = self.date()
            case .kind: kind = word()
            case .status: status = word()
            case .moderates: if !skipNull() { moderates = required(string()) }
            case .framework: framework = frameworkReference()
            case .plan: plan = planDetails() ?? plan
            case .planChecks: if !skipNull() { planChecks = required(planCheckCounts()) }
            case .judgements: judgements = judgementList()
            case .advices: advices = adviceList() ?? []
            }
            if failed { return nil }
        }
        // A draft may hold no judgements yet (docs/records.md).
        if judgements == nil && status == .draft { judgements = [] }
        guard !failed, let auditId, !auditId.isEmpty, let planId, !planId.isEmpty, let framework, let auditor,
            !auditor.isEmpty,
            let date, let kind, let status, let judgements
        else { return nil }
        return AuditRecord(
            auditId: auditId, planId: planId, framework: framework, auditor: auditor, auditDate: date, kind: kind,
            status: status, moderates: moderates, plan: plan, planChecks: planChecks, judgements: judgements,
            advices: advices, line: line)
    }

    private mutating func frameworkReference() -> FrameworkReference? {
        var id: String?, version: String?, seen = Fields(), first = true
        guard open("{") else { return nil }
        while let field: RecordField.Framework = nextField(&first, &seen, KeyTable.framework) {
            switch field {
            case .id: id = string()
            case .version: version = string()
            }
            if failed { return nil }
        }
        guard let id, !id.isEmpty, let version, !version.isEmpty else {
            failed = true
            return nil
        }
        return FrameworkReference(id: id, version: version)
    }

    private mutating func planDetails() -> PlanDetails? {
        var plan = PlanDetails(), seen = Fields(), first = true
        guard open("{") else { return nil }
        while let field: RecordField.Plan = nextField(&first, &seen, KeyTable.plan) {
            guard !skipNull() else { continue }
            switch field {
            case .locality: plan.locality = required(string())
            case .phase: plan.phase = required(word())
            case .primaryNeed: plan.primaryNeed = required(word())
            case .team: plan.team = required(string())
            case .caseworker: plan.caseworker = required(string())
            case .planType: plan.planType = required(word())
            case .requestDate: plan.requestDate = required(date())
            case .issueDate: plan.issueDate = required(date())
            case .timelinessException: plan.timelinessException = required(boolean()) ?? false
            }
            if failed { return nil }
        }
        return plan
    }

    /// `planChecks`, every count plain digits and every check known and named once.
    private mutating func planCheckCounts() -> PlanCheckCounts? {
        var rules: String?, counts: [PlanCheckKind: Int]?, seen = Fields(), first = true
        guard open("{") else { return nil }
        while let field: RecordField.PlanChecks = nextField(&first, &seen, KeyTable.planChecks) {
            switch field {
            case .rules: rules = string()
            case .counts: counts = checkCounts()
            }
            if failed { return nil }
        }
        guard let rules, !rules.isEmpty, let counts else {
            failed = true
            return nil
        }
        return PlanCheckCounts(rules: rules, counts: counts)
    }

    /// The members of `planChecks.counts`, check id to count.
    private mutating func checkCounts() -> [PlanCheckKind: Int]? {
        var counts: [PlanCheckKind: Int] = [:], first = true
        guard open("{") else { return nil }
        while let key = nextKey(&first) {
            guard let check = PlanCheckKind(rawValue: String(decoding: key, as: UTF8.self)), counts[check] == nil,
                let count = count()
            else {
                failed = true
                return nil
            }
            counts[check] = count
        }
        return failed ? nil : counts
    }

    /// A count written plainly, `0` or digits not starting with 0 (at most 15 of them, as
    /// the general reader allows), with no sign, fraction or exponent; nil for anything else.
    private mutating func count() -> Int? {
        let start = position
        var value = 0
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
        }
        let digits = position - start
        guard digits > 0, digits <= 15, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) {
            return nil
        }
        return value
    }

    private mutating func judgementList() -> [Judgement]? {
        var list: [Judgement] = []
        list.reserveCapacity(48)
        var firstElement = true
        guard open("[") else { return nil }
        while nextElement(&firstElement) {
            let line = self.line
            if let judgement = compactJudgement(line: line) {
                list.append(judgement)
                continue
            }
            var criterion: String?, rating: String?, comment: String?, seen = Fields(), first = true
            guard open("{") else { return nil }
            while let field: RecordField.Judgement = nextField(&first, &seen, KeyTable.judgement) {
                switch field {
                case .criterion: criterion = word()
                case .rating: rating = word()
                case .comment: if !skipNull() { comment = required(string()) }
                }
                if failed { return nil }
            }
            guard let criterion, !criterion.isEmpty, let rating, !rating.isEmpty else {
                failed = true
                return nil
            }
            list.append(
                Judgement(
                    criterion: criterion, rating: rating, comment: comment?.isEmpty == true ? nil : comment, line: line)
            )
        }
        return failed ? nil : list
    }

    /// A judgement as ``RecordJSONWriter`` writes it (`{"criterion":"A1","rating":"good"}`,
    /// a comment last if any, no space), read without looking its keys up; nil, with the
    /// cursor back where it was, for any other form, which ``judgementList()`` then reads
    /// field by field (and refuses if it must).
    private mutating func compactJudgement(line: Int) -> Judgement? {
        let start = position
        func giveWay() -> Judgement? {
            position = start
            return nil
        }
        guard take(UInt8(ascii: "{")), take(key: .criterion), let criterion = word(), !criterion.isEmpty,
            take(UInt8(ascii: ",")), take(key: .rating), let rating = word(), !rating.isEmpty
        else { return giveWay() }
        var comment: String?
        if take(UInt8(ascii: ",")) {
            guard take(key: .comment), let text = string() else { return giveWay() }
            comment = text
        }
        guard take(UInt8(ascii: "}")) else { return giveWay() }
        return Judgement(
            criterion: criterion, rating: rating, comment: comment?.isEmpty == true ? nil : comment, line: line)
    }

    /// Takes `field` written as a key (`"rating":`) at the cursor, if it is there.
    @inline(__always)
    private mutating func take(key field: RecordField.Judgement) -> Bool {
        guard let length = KeyTable.judgement.quotedKey(field.rawValue, at: position, in: bytes) else { return false }
        position += length
        return true
    }

    private mutating func adviceList() -> [Advice]? {
        var list: [Advice] = []
        var firstElement = true
        guard open("[") else { return nil }
        while nextElement(&firstElement) {
            let line = self.line
            var id: String?, agency: Agency?, provider: String?, role: String?, requested: CalendarDate?,
                received: CalendarDate?
            var status: AdviceStatus?, judgements: [Judgement] = [], seen = Fields(), first = true, exception = false
            guard open("{") else { return nil }
            while let field: RecordField.Advice = nextField(&first, &seen, KeyTable.advice) {
                switch field {
                case .id: id = string()
                case .agency: agency = word()
                case .status: status = word()
                case .provider: if !skipNull() { provider = required(string()) }
                case .role: if !skipNull() { role = required(string()) }
                case .requested: if !skipNull() { requested = required(date()) }
                case .received: if !skipNull() { received = required(date()) }
                case .timelinessException: if !skipNull() { exception = required(boolean()) ?? false }
                case .judgements: if !skipNull() { judgements = judgementList() ?? [] }
                }
                if failed { return nil }
            }
            guard let id, !id.isEmpty, let agency, let status else {
                failed = true
                return nil
            }
            list.append(
                Advice(
                    id: id, agency: agency, provider: provider, role: role, requested: requested, received: received,
                    status: status, timelinessException: exception, judgements: judgements, line: line))
        }
        return failed ? nil : list
    }

    // MARK: JSON structure

    /// Opens an object or array at the cursor.
    private mutating func open(_ bracket: Unicode.Scalar) -> Bool {
        skipWhitespace()
        if take(UInt8(ascii: bracket)) { return true }
        failed = true
        return false
    }

    /// The bytes of the next key of the object being read, with the cursor on its value;
    /// nil at the closing brace (or on a fault, which sets `failed`).
    private mutating func nextKey(_ first: inout Bool) -> UnsafeBufferPointer<UInt8>? {
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return nil }
        if first {
            first = false
        } else {
            guard take(UInt8(ascii: ",")) else {
                failed = true
                return nil
            }
            skipWhitespace()
        }
        guard let range = stringRange() else {
            failed = true
            return nil
        }
        skipWhitespace()
        guard take(UInt8(ascii: ":")) else {
            failed = true
            return nil
        }
        skipWhitespace()
        return UnsafeBufferPointer(rebasing: bytes[range])
    }

    /// The field the next key names (one of `keys`), once only; nil at the closing brace,
    /// or (setting `failed`) for a key that is not one of `Field`'s or was seen before.
    private mutating func nextField<Field: RecordFieldName>(
        _ first: inout Bool, _ seen: inout Fields, _ keys: KeyTable
    ) -> Field? {
        guard let key = nextKey(&first) else { return nil }
        guard let index = keys.index(of: key), let field = Field(rawValue: index) else {
            failed = true
            return nil
        }
        seen.once(index, &failed)
        return failed ? nil : field
    }

    /// Whether another element of the array being read follows, with the cursor on it.
    private mutating func nextElement(_ first: inout Bool) -> Bool {
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return false }
        if first {
            first = false
        } else {
            guard take(UInt8(ascii: ",")) else {
                failed = true
                return false
            }
            skipWhitespace()
        }
        return true
    }

    /// A value that must be there: a nil marks the record as not for the fast path.
    private mutating func required<T>(_ value: T?) -> T? {
        if value == nil { failed = true }
        return value
    }

    /// A string as text, escapes decoded.
    private mutating func string() -> String? {
        let start = position
        if let range = stringRange() {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        // An escape (or a fault): decode it the long way.
        guard start < bytes.count, bytes[start] == UInt8(ascii: "\"") else { return nil }
        position = start + 1
        var out: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"): if JSONEscape.append(from: bytes, at: &position, to: &out) != nil { return nil }
            case 0..<0x20: return nil
            default: out.append(byte)
            }
        }
        return nil
    }

    /// A short word from a small vocabulary (criterion ids, ratings), shared, not remade.
    private mutating func word<Word: RawRepresentable>() -> Word? where Word.RawValue == String {
        guard let range = stringRange() else { return nil }
        return Word(rawValue: words.text(in: bytes, range))
    }

    private mutating func word() -> String? {
        guard let range = stringRange() else { return nil }
        return words.text(in: bytes, range)
    }

    private mutating func date() -> CalendarDate? {
        guard let range = stringRange(), range.count == 10 else { return nil }
        return CalendarDate(utf8: UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// The bytes of a string with no escape or control character; nil (cursor unmoved
    /// past the quote) otherwise.
    private mutating func stringRange() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return start..<(position - 1)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            position += 1
        }
        return nil
    }

    /// `true` or `false`.
    private mutating func boolean() -> Bool? {
        for (word, value) in [("true", true), ("false", false)] {
            let letters = Array(word.utf8)
            if position + letters.count <= bytes.count,
                bytes[position..<(position + letters.count)].elementsEqual(letters)
            {
                position += letters.count
                return value
            }
        }
        return nil
    }

    private mutating func skipNull() -> Bool {
        guard position + 4 <= bytes.count, bytes[position] == UInt8(ascii: "n"),
            bytes[position + 1] == UInt8(ascii: "u"),
            bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l")
        else { return false }
        position += 4
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    fileprivate mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x0A: line += 1
            case 0x20, 0x09, 0x0D: break
            default: return
            }
            position += 1
        }
    }
}

/// The JSON keys of one ``RecordField`` table as bytes, matched without making text.
///
/// The tables are static, read by every thread decoding at once: their bytes are kept in
/// memory allocated once for the process's life and read without counting references
/// (which threads counting on the same arrays at once slow each other down).
private struct KeyTable: @unchecked Sendable {
    // `@unchecked`: the memory is written once, in `init`, and only read after.
    /// Every key's bytes, one after another, and where each ends.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let ends: UnsafeBufferPointer<Int>

    init(_ names: [String]) {
        let all = names.flatMap(\.utf8)
        var end = 0
        let ends = names.map { name in
            end += name.utf8.count
            return end
        }
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(all.count, 1))
        _ = bytes.initialize(from: all)
        let endBuffer = UnsafeMutableBufferPointer<Int>.allocate(capacity: ends.count)
        _ = endBuffer.initialize(from: ends)
        self.bytes = UnsafeBufferPointer(bytes)
        self.ends = UnsafeBufferPointer(endBuffer)
    }

    /// The length of key `index` written as a key (`"rating":`) at `position` in `text`,
    /// or nil if it is not there.
    @inline(__always)
    func quotedKey(_ index: Int, at position: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let start = index == 0 ? 0 : ends[index - 1], count = ends[index] - start
        guard position + count + 3 <= text.count, let base = text.baseAddress,
            base[position] == UInt8(ascii: "\""), base[position + count + 1] == UInt8(ascii: "\""),
            base[position + count + 2] == UInt8(ascii: ":"),
            memcmp(base + position + 1, bytes.baseAddress! + start, count) == 0
        else { return nil }
        return count + 3
    }

    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0
        for i in 0..<ends.count {
            let end = ends[i]
            if end - start == key.count, memcmp(bytes.baseAddress! + start, key.baseAddress!, key.count) == 0 {
                return i
            }
            start = end
        }
        return nil
    }

    static let audit = KeyTable(RecordField.Audit.jsonNames)
    static let framework = KeyTable(RecordField.Framework.jsonNames)
    static let plan = KeyTable(RecordField.Plan.jsonNames)
    static let planChecks = KeyTable(RecordField.PlanChecks.jsonNames)
    static let judgement = KeyTable(RecordField.Judgement.jsonNames)
    static let advice = KeyTable(RecordField.Advice.jsonNames)
}

/// Which fields of an object were seen, so a repeated one sends the record the long way.
private struct Fields {
    private var bits: UInt32 = 0

    mutating func once(_ field: Int, _ failed: inout Bool) {
        if bits & (1 << field) != 0 { failed = true }
        bits |= 1 << field
    }
}
