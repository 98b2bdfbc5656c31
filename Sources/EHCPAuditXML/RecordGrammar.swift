import CLibXML2
import EHCPAudit

/// The shipped schema `ehcp-audit-record.xsd` as the reader checks it, built from the
/// ``RecordField`` table and the core's word lists: for each element, the attributes it
/// takes, their types and which are required. `XMLDifferentialTests` holds the reader to
/// the XSD itself (libxml2's validator, as `xmllint --schema` runs it).
///
/// Types, as XML Schema defines them: a *reference* is a string of at least one character;
/// *text* is any string; a *day* is `xs:date` written `YYYY-MM-DD` (white space around it
/// is collapsed away, there is no year 0000); a *flag* is `xs:boolean` (`true`, `false`,
/// `1`, `0`, white space collapsed); a *word* is one of a list, exactly.
enum RecordGrammar {
    /// The record namespace of docs/records.md.
    static let namespace = XMLName("urn:ehcp-audit:record:1")
    /// `xsi:schemaLocation` and `xsi:noNamespaceSchemaLocation` are allowed on any element,
    /// as in any schema; no other attribute in a namespace is.
    static let instanceNamespace = XMLName("http://www.w3.org/2001/XMLSchema-instance")
    static let instanceAttributes = [XMLName("schemaLocation"), XMLName("noNamespaceSchemaLocation")]

    static let audits = XMLName("audits")
    static let audit = XMLName("audit")
    static let framework = XMLName(element(RecordField.Audit.framework))
    static let plan = XMLName(element(RecordField.Audit.plan))
    static let planChecks = XMLName(element(RecordField.Audit.planChecks))
    static let count = XMLName(element(RecordField.PlanChecks.counts))
    static let judgement = XMLName(element(RecordField.Audit.judgements))
    static let advice = XMLName(element(RecordField.Audit.advices))

    static let auditAttributes = rules(RecordField.Audit.self) { field in
        switch field {
        case .auditId, .planId, .auditor: (.reference, true)
        case .auditDate: (.day, true)
        case .kind: (.word(AuditKind.allCases.map(\.rawValue)), true)
        case .status: (.word(AuditStatus.allCases.map(\.rawValue)), true)
        case .moderates: (.reference, false)
        case .framework, .plan, .planChecks, .judgements, .advices: nil
        }
    }

    static let frameworkAttributes = rules(RecordField.Framework.self) { _ in (.reference, true) }

    static let planAttributes = rules(RecordField.Plan.self) { field in
        switch field {
        case .locality, .team, .caseworker: (.text, false)
        case .phase: (.word(Phase.allCases.map(\.rawValue)), false)
        case .primaryNeed: (.word(PrimaryNeed.allCases.map(\.rawValue)), false)
        case .planType: (.word(PlanType.allCases.map(\.rawValue)), false)
        case .requestDate, .issueDate: (.day, false)
        case .timelinessException: (.flag, false)
        }
    }

    static let planChecksAttributes = rules(RecordField.PlanChecks.self) { field in
        field == .rules ? (.reference, true) : nil
    }

    static let countAttributes = rules(RecordField.PlanCheckCount.self) { field in
        field == .check ? (.word(PlanCheckKind.allCases.map(\.rawValue)), true) : nil
    }

    /// `<audits>` takes none.
    static let noAttributes = AttributeRules(rules: [])

    static let judgementAttributes = rules(RecordField.Judgement.self) { _ in (.reference, true) }

    static let adviceAttributes = rules(RecordField.Advice.self) { field in
        switch field {
        case .id: (.reference, true)
        case .agency: (.word(Agency.allCases.map(\.rawValue)), true)
        case .provider, .role: (.text, false)
        case .requested, .received: (.day, false)
        case .status: (.word(AdviceStatus.allCases.map(\.rawValue)), true)
        case .timelinessException: (.flag, false)
        case .judgements: nil
        }
    }

    private static func element(_ field: some RecordFieldName) -> String {
        guard let name = field.xmlElement else { preconditionFailure("\(field.json) is not an element") }
        return name
    }

    private static func rules<Field: RecordFieldName>(
        _ type: Field.Type, _ kind: (Field) -> (AttributeRule.Kind, required: Bool)?
    ) -> AttributeRules {
        AttributeRules(
            rules: Field.allCases.compactMap { field in
                guard let name = field.xmlAttribute, let (type, required) = kind(field) else { return nil }
                return AttributeRule(name: XMLName(name), field: field.rawValue, kind: type, required: required)
            })
    }
}

/// One attribute an element takes. A class, so that looking a rule up hands over one
/// reference rather than copying its names and words (a tenth of reading XML, when it was
/// a struct).
final class AttributeRule: Sendable {
    enum Kind: Sendable {
        case reference, text, day, flag
        case word([String])
    }

    let name: XMLName
    /// The ``RecordFieldName`` raw value of the field it holds.
    let field: Int
    let kind: Kind
    let required: Bool
    /// A word list's words as bytes, compared without making text.
    let wordBytes: [[UInt8]]

    init(name: XMLName, field: Int, kind: Kind, required: Bool) {
        self.name = name
        self.field = field
        self.kind = kind
        self.required = required
        if case .word(let words) = kind { wordBytes = words.map { Array($0.utf8) } } else { wordBytes = [] }
    }
}

/// A checked attribute value.
enum AttributeValue {
    case text(String)
    case day(CalendarDate)
    case flag(Bool)
    /// The index of the word in its list.
    case word(Int)
}

/// The attributes of one element.
struct AttributeRules: Sendable {
    let rules: [AttributeRule]

    /// The names, for messages: `id, plan, auditor`.
    var names: String { rules.map(\.name.text).joined(separator: ", ") }

    /// The two values, in the rules' order, of a tag that gives exactly these two rules'
    /// attributes plainly: in no namespace, neither empty nor holding an `&` (which needs
    /// decoding). Nearly every judgement does, and this is a third of the cost of
    /// ``read(_:element:problems:store:)``; nil for anything else, which `read` then checks
    /// and names. Only for rules that are exactly two required references (a judgement's).
    func plainPair(_ tag: XMLStartTag) -> (String, String)? {
        guard tag.count == 2, let attributes = tag.attributes else { return nil }
        var first: String?
        var second: String?
        for a in 0..<2 {
            let base = attributes + 5 * a
            guard let name = base[0], base[2] == nil, let start = base[3], let end = base[4], end > start else {
                return nil
            }
            let bytes = UnsafeBufferPointer(start: start, count: end - start)
            guard !bytes.contains(UInt8(ascii: "&")) else { return nil }
            let value = String(decoding: bytes, as: UTF8.self)
            if xmlStrEqual(name, rules[0].name.bytes) == 1 {
                first = value
            } else if xmlStrEqual(name, rules[1].name.bytes) == 1 {
                second = value
            } else {
                return nil
            }
        }
        guard let first, let second else { return nil }
        return (first, second)
    }

    /// Checks every attribute of `tag`, handing each valid one to `store` with its field;
    /// `problems` gets a message for each that is not allowed, not valid or missing.
    func read(
        _ tag: XMLStartTag, element: String, problems: inout [String], store: (Int, AttributeValue) -> Void
    ) {
        func problem(_ message: String) { problems.append(message) }
        var seen: UInt64 = 0
        tag.forEachAttribute { attribute in
            if let namespace = attribute.namespace {
                let allowed =
                    xmlStrEqual(namespace, RecordGrammar.instanceNamespace.bytes) == 1
                    && RecordGrammar.instanceAttributes.contains { xmlStrEqual(attribute.localName, $0.bytes) == 1 }
                if !allowed {
                    problem(
                        """
                        <\(element)> does not take the attribute "\(attribute.name)" in namespace \
                        \(String(cString: namespace))
                        """)
                }
                return
            }
            guard let r = rules.firstIndex(where: { xmlStrEqual(attribute.localName, $0.name.bytes) == 1 }) else {
                if rules.isEmpty { return problem("<\(element)> takes no attributes, found \"\(attribute.name)\"") }
                problem(
                    """
                    <\(element)> does not take the attribute "\(attribute.name)" (it takes \(names))\
                    \(RecordField.personalDataNote)
                    """)
                return
            }
            seen |= 1 << r
            let rule = rules[r]
            if let value = Self.check(attribute.value, rule) {
                store(rule.field, value)
            } else {
                problem("\(rule.name.text)=\"\(attribute.text)\" \(Self.expectation(rule.kind))")
            }
        }
        for (r, rule) in rules.enumerated() where rule.required && seen & (1 << r) == 0 {
            problem("<\(element)> needs the attribute \"\(rule.name.text)\"")
        }
    }

    private static func check(_ bytes: UnsafeBufferPointer<UInt8>, _ rule: AttributeRule) -> AttributeValue? {
        let words = rule.wordBytes
        switch rule.kind {
        case .text: return .text(String(decoding: bytes, as: UTF8.self))
        case .reference: return bytes.isEmpty ? nil : .text(String(decoding: bytes, as: UTF8.self))
        case .word:
            return words.firstIndex { $0.count == bytes.count && $0.elementsEqual(bytes) }.map(AttributeValue.word)
        case .day:
            return CalendarDate(utf8: collapsed(bytes)).map(AttributeValue.day)
        case .flag:
            let word = collapsed(bytes)
            if word.elementsEqual("true".utf8) || word.elementsEqual("1".utf8) { return .flag(true) }
            if word.elementsEqual("false".utf8) || word.elementsEqual("0".utf8) { return .flag(false) }
            return nil
        }
    }

    /// The value without the white space XML Schema's `collapse` removes at either end
    /// (what is left inside makes the value invalid anyway).
    private static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
        func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end && blank(bytes[start]) { start += 1 }
        while end > start && blank(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    private static func expectation(_ kind: AttributeRule.Kind) -> String {
        switch kind {
        case .reference: "must not be empty"
        case .text: "is not text"
        case .day: "is not an ISO date YYYY-MM-DD that exists"
        case .flag: "is not true or false"
        case .word(let words): "is not one of \(words.joined(separator: ", "))"
        }
    }
}
