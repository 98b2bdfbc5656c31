/// The fields of an audit record, in the order they are written: the one table that the
/// JSON readers, the JSON and XML writers and the XML schema test follow
/// (docs/records.md). A case's name is its JSON key; ``RecordFieldName/xml`` says where
/// it goes in XML.
///
/// ```swift
/// RecordField.Plan.planType.json   // "planType"
/// RecordField.Plan.planType.xml    // .attribute("type")
/// RecordField.Audit(json: "upn")   // nil: not a record field
/// ```
public enum RecordField {
    /// Said of any field or attribute a record may not hold, in every format.
    public static let personalDataNote =
        "; records carry pseudonymous references only, never names, birth dates, addresses or UPNs"

    /// The top level of a record.
    public enum Audit: Int, RecordFieldName {
        case auditId, planId, framework, auditor, auditDate, kind, status, moderates, plan, planChecks, judgements
        case advices
        public static let jsonNames = caseNames(Self.self)

        public var xml: XMLPlace {
            switch self {
            case .auditId: .attribute("id")
            case .planId: .attribute("plan")
            case .auditDate: .attribute("date")
            case .auditor, .kind, .status, .moderates: .attribute(json)
            case .framework, .plan, .planChecks: .element(json)
            case .judgements: .element("judgement")
            case .advices: .element("advice")
            }
        }
    }

    /// The framework a record was rated against.
    public enum Framework: Int, RecordFieldName {
        case id, version
        public static let jsonNames = caseNames(Self.self)
        public var xml: XMLPlace { .attribute(json) }
    }

    /// The optional details of the audited plan.
    public enum Plan: Int, RecordFieldName {
        case locality, phase, primaryNeed, team, caseworker, planType, requestDate, issueDate, timelinessException
        public static let jsonNames = caseNames(Self.self)
        public var xml: XMLPlace { self == .planType ? .attribute("type") : .attribute(json) }

        /// A field whose value is `true` or `false` (JSON booleans; XML `"true"`/`"false"`).
        public var isFlag: Bool { self == .timelinessException }

        /// The field's value as a record writes it, nil when unset (a flag is written only
        /// when true).
        public func text(of plan: PlanDetails) -> String? {
            switch self {
            case .locality: plan.locality
            case .phase: plan.phase?.rawValue
            case .primaryNeed: plan.primaryNeed?.rawValue
            case .team: plan.team
            case .caseworker: plan.caseworker
            case .planType: plan.planType?.rawValue
            case .requestDate: plan.requestDate?.description
            case .issueDate: plan.issueDate?.description
            case .timelinessException: plan.timelinessException ? "true" : nil
            }
        }
    }

    /// What the plan checks found (`planChecks`): the rules' version, and the counts, a
    /// JSON object keyed by check id, in XML one `<count>` element each.
    public enum PlanChecks: Int, RecordFieldName {
        case rules, counts
        public static let jsonNames = caseNames(Self.self)
        public var xml: XMLPlace { self == .rules ? .attribute(json) : .element("count") }
    }

    /// One count of `planChecks` as XML writes it, `<count check="vague-wording">3</count>`:
    /// the check's id an attribute, the count the element's text. (In JSON a count is the
    /// member of `counts` that its check's id names, so these names are XML's only.)
    public enum PlanCheckCount: Int, RecordFieldName {
        case check, count
        public static let jsonNames = caseNames(Self.self)
        public var xml: XMLPlace { self == .check ? .attribute(json) : .text }
    }

    /// One rating of one criterion.
    public enum Judgement: Int, RecordFieldName {
        case criterion, rating, comment
        public static let jsonNames = caseNames(Self.self)
        public var xml: XMLPlace { self == .comment ? .text : .attribute(json) }

        public func text(of judgement: EHCPAudit.Judgement) -> String? {
            switch self {
            case .criterion: judgement.criterion
            case .rating: judgement.rating
            case .comment: judgement.comment
            }
        }
    }

    /// One piece of multi-agency advice behind the plan.
    public enum Advice: Int, RecordFieldName {
        case id, agency, provider, role, requested, received, status, timelinessException, judgements
        public static let jsonNames = caseNames(Self.self)
        public var xml: XMLPlace { self == .judgements ? .element("judgement") : .attribute(json) }

        /// A field whose value is `true` or `false` (written only when true).
        public var isFlag: Bool { self == .timelinessException }

        /// The field's value as a record writes it; nil when unset, and for `judgements`.
        public func text(of advice: EHCPAudit.Advice) -> String? {
            switch self {
            case .id: advice.id
            case .agency: advice.agency.rawValue
            case .provider: advice.provider
            case .role: advice.role
            case .requested: advice.requested?.description
            case .received: advice.received?.description
            case .status: advice.status.rawValue
            case .timelinessException: advice.timelinessException ? "true" : nil
            case .judgements: nil
            }
        }
    }

    /// Where a field goes in the XML form of a record.
    public enum XMLPlace: Sendable, Hashable {
        case attribute(String)
        /// A child element (repeated for the lists).
        case element(String)
        /// The element's own text.
        case text
    }

    /// The names of an enum's cases, which are the JSON keys.
    static func caseNames<Field: CaseIterable>(_ type: Field.Type) -> [String] {
        Field.allCases.map { String(describing: $0) }
    }
}

/// One table of ``RecordField``: cases numbered from 0 in writing order.
public protocol RecordFieldName: RawRepresentable<Int>, CaseIterable, Hashable, Sendable {
    /// The JSON keys, in case order.
    static var jsonNames: [String] { get }
    /// Where the field goes in XML.
    var xml: RecordField.XMLPlace { get }
}

extension RecordFieldName {
    /// The field's JSON key.
    public var json: String { Self.jsonNames[rawValue] }

    /// The field a JSON key names, or nil when it is not one of this table's.
    public init?(json key: String) {
        guard let index = Self.jsonNames.firstIndex(of: key) else { return nil }
        self.init(rawValue: index)
    }

    /// The field's XML attribute name, when it is an attribute.
    public var xmlAttribute: String? {
        if case .attribute(let name) = xml { return name }
        return nil
    }

    /// The field's XML element name, when it is a child element.
    public var xmlElement: String? {
        if case .element(let name) = xml { return name }
        return nil
    }
}
