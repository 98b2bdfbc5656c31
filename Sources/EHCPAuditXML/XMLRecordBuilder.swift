import CLibXML2
import EHCPAudit

// Longer than 300 lines on purpose: one state machine over the record grammar, whose
// element, attribute and text rules read best side by side.

/// Builds one ``AuditRecord`` from the events inside an `<audit>`, checking as it goes
/// everything the shipped schema checks (``RecordGrammar``): which elements may appear
/// where and in what order, which attributes each takes, their types and word lists, and
/// where text may go. Every problem keeps the line of its element.
///
/// An `<audit>` holds one `<framework>`, then at most one `<plan>`, then at most one
/// `<planChecks>` (holding `<count>` elements, each check once), then `<judgement>`
/// elements, then `<advice>` elements, each of which holds `<judgement>` elements; a
/// judgement's text is its comment, a count's its number; `<framework>` and `<plan>` are
/// empty.
struct XMLRecordBuilder {
    typealias Problem = (line: Int?, message: String)

    /// Where the builder stands: the elements open below the `<audit>`.
    private enum Place {
        case audit, framework, plan, planChecks, count, judgement, advice
        /// An element the schema does not allow, skipped with everything inside it.
        case refused
    }

    let line: Int
    private(set) var auditId: String?
    private(set) var problems: [Problem] = []

    private var planId: String?
    private var auditor: String?
    private var auditDate: CalendarDate?
    private var kind: AuditKind?
    private var status: AuditStatus?
    private var moderates: String?
    private var framework: FrameworkReference?
    private var plan = PlanDetails()
    private var planChecks: PlanCheckCounts?
    private var judgements: [Judgement] = []
    private var advices: [Advice] = []

    private var open: [Place] = [.audit]
    /// The rank of the last child of the audit: framework 0, plan 1, planChecks 2,
    /// judgement 3, advice 4.
    private var rank = -1
    /// The `<count>` being read: its check (nil when not valid), its text and line.
    private var countCheck: PlanCheckKind?
    private var countText: [UInt8] = []
    private var countLine = 0
    private var advice: Advice?
    private var adviceValid = true
    private var judgement: Judgement?
    private var comment: [UInt8] = []
    /// Places already charged with unexpected text (one problem per element is enough).
    private var textReported = false

    /// A builder with nothing to build, for a reader between audits.
    init() { line = 0 }

    /// `judgements`: how many the audit is likely to hold (the one before's count), so
    /// that their list is made once.
    init(_ tag: XMLStartTag, judgements expected: Int) {
        line = tag.line
        judgements.reserveCapacity(expected)
        var found: [String] = []
        RecordGrammar.auditAttributes.read(tag, element: "audit", problems: &found) {
            field, value in
            switch (RecordField.Audit(rawValue: field)!, value) {
            case (.auditId, .text(let text)): auditId = text
            case (.planId, .text(let text)): planId = text
            case (.auditor, .text(let text)): auditor = text
            case (.moderates, .text(let text)): moderates = text
            case (.auditDate, .day(let day)): auditDate = day
            case (.kind, .word(let w)): kind = AuditKind.allCases[w]
            case (.status, .word(let w)): status = AuditStatus.allCases[w]
            default: break
            }
        }
        problems = found.map { (tag.line, $0) }
    }

    /// The top-level judgements read so far.
    var judgementCount: Int { judgements.count }

    /// The bytes of comment text held so far, to keep an audit within its size limit.
    var heldText: Int { comment.count + countText.count }

    mutating func start(_ tag: XMLStartTag) {
        let place = place(for: tag, in: open.last!)
        open.append(place)
        textReported = false
        switch place {
        case .framework: startFramework(tag)
        case .plan: startPlan(tag)
        case .planChecks: startPlanChecks(tag)
        case .count: startCount(tag)
        case .judgement: startJudgement(tag)
        case .advice: startAdvice(tag)
        case .audit, .refused: break
        }
    }

    private mutating func startFramework(_ tag: XMLStartTag) {
        var id: String?
        var version: String?
        var found: [String] = []
        RecordGrammar.frameworkAttributes.read(tag, element: "framework", problems: &found) {
            field, value in
            guard case .text(let text) = value else { return }
            if field == RecordField.Framework.id.rawValue { id = text } else { version = text }
        }
        if let id, let version { framework = FrameworkReference(id: id, version: version) }
        problems(found, tag)
    }

    private mutating func startPlan(_ tag: XMLStartTag) {
        var plan = PlanDetails()
        var found: [String] = []
        RecordGrammar.planAttributes.read(tag, element: "plan", problems: &found) {
            field, value in
            switch (RecordField.Plan(rawValue: field)!, value) {
            case (.locality, .text(let text)): plan.locality = text
            case (.team, .text(let text)): plan.team = text
            case (.caseworker, .text(let text)): plan.caseworker = text
            case (.phase, .word(let w)): plan.phase = Phase.allCases[w]
            case (.primaryNeed, .word(let w)): plan.primaryNeed = PrimaryNeed.allCases[w]
            case (.planType, .word(let w)): plan.planType = PlanType.allCases[w]
            case (.requestDate, .day(let day)): plan.requestDate = day
            case (.issueDate, .day(let day)): plan.issueDate = day
            case (.timelinessException, .flag(let flag)): plan.timelinessException = flag
            default: break
            }
        }
        self.plan = consume plan
        problems(found, tag)
    }

    private mutating func startPlanChecks(_ tag: XMLStartTag) {
        var rules = ""
        var found: [String] = []
        RecordGrammar.planChecksAttributes.read(tag, element: RecordGrammar.planChecks.text, problems: &found) {
            _, value in
            if case .text(let text) = value { rules = text }
        }
        planChecks = PlanCheckCounts(rules: rules, counts: [:])
        problems(found, tag)
    }

    private mutating func startCount(_ tag: XMLStartTag) {
        countText.removeAll(keepingCapacity: true)
        countLine = tag.line
        var check: PlanCheckKind?
        var found: [String] = []
        RecordGrammar.countAttributes.read(tag, element: RecordGrammar.count.text, problems: &found) {
            _, value in
            if case .word(let w) = value { check = PlanCheckKind.allCases[w] }
        }
        countCheck = check
        problems(found, tag)
    }

    /// Ends a `<count>`: its text, white space around it aside, must be digits (at most
    /// 15), and its check not counted before in this `<planChecks>`.
    private mutating func endCount() {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let digits = countText.drop(while: blank).reversed().drop(while: blank).reversed()
        let name = RecordGrammar.count.text
        guard (1...15).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) }) else {
            let text = String(decoding: countText, as: UTF8.self)
            let check = countCheck.map { " check=\"\($0.rawValue)\"" } ?? ""
            problem(countLine, "<\(name)\(check)> holds \"\(text)\": a count is a whole number from 0, in digits")
            return
        }
        guard let check = countCheck else { return }
        guard planChecks?.counts[check] == nil else {
            problem(countLine, "the check \"\(check.rawValue)\" is counted twice in <\(RecordGrammar.planChecks.text)>")
            return
        }
        planChecks?.counts[check] = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private mutating func startJudgement(_ tag: XMLStartTag) {
        comment.removeAll(keepingCapacity: true)
        if let (criterion, rating) = RecordGrammar.judgementAttributes.plainPair(tag) {
            judgement = Judgement(criterion: criterion, rating: rating, line: tag.line)
            return
        }
        var judgement = Judgement(criterion: "", rating: "", line: tag.line)
        var found: [String] = []
        RecordGrammar.judgementAttributes.read(tag, element: "judgement", problems: &found) {
            field, value in
            guard case .text(let text) = value else { return }
            if field == RecordField.Judgement.criterion.rawValue {
                judgement.criterion = text
            } else {
                judgement.rating = text
            }
        }
        self.judgement = consume judgement
        problems(found, tag)
    }

    private mutating func startAdvice(_ tag: XMLStartTag) {
        var id: String?
        var agency: Agency?
        var status: AdviceStatus?
        var advice = Advice(id: "", agency: .other, status: .notKnown, line: tag.line)
        var found: [String] = []
        RecordGrammar.adviceAttributes.read(tag, element: "advice", problems: &found) {
            field, value in
            switch (RecordField.Advice(rawValue: field)!, value) {
            case (.id, .text(let text)): id = text
            case (.provider, .text(let text)): advice.provider = text
            case (.role, .text(let text)): advice.role = text
            case (.agency, .word(let w)): agency = Agency.allCases[w]
            case (.status, .word(let w)): status = AdviceStatus.allCases[w]
            case (.requested, .day(let day)): advice.requested = day
            case (.received, .day(let day)): advice.received = day
            case (.timelinessException, .flag(let flag)): advice.timelinessException = flag
            default: break
            }
        }
        adviceValid = id != nil && agency != nil && status != nil
        advice.id = id ?? ""
        advice.agency = agency ?? .other
        advice.status = status ?? .notKnown
        // Not `consume advice`, as for the plan and the judgement: Swift 6.3 refuses it here
        // ("a compiler bug"), and the copy is once per advice, not per judgement.
        self.advice = advice
        problems(found, tag)
    }

    /// The attribute problems of `tag`, each on its line.
    private mutating func problems(_ messages: [String], _ tag: XMLStartTag) {
        for message in messages { problem(tag.line, message) }
    }

    /// What `tag` is in `parent`, with a problem when the schema does not allow it there.
    private mutating func place(for tag: XMLStartTag, in parent: Place) -> Place {
        let ns = RecordGrammar.namespace
        switch parent {
        case .audit:
            // Most often the same element as the one before (the next judgement).
            let same = self.rank >= 0 && tag.is(Self.auditChildren[self.rank].name, in: ns)
            guard let rank = same ? self.rank : Self.auditChildren.firstIndex(where: { tag.is($0.name, in: ns) }) else {
                problem(tag.line, "unexpected element \(tag.described) in <audit>\(Self.auditContent)")
                return .refused
            }
            // framework first; plan once, after it; planChecks once; then judgements; then advices.
            let inOrder = self.rank == -1 ? rank == 0 : rank > self.rank || (rank >= 3 && rank == self.rank)
            if !inOrder {
                problem(tag.line, "<\(tag.name)> is out of place in <audit>\(Self.auditContent)")
                return .refused
            }
            self.rank = rank
            return Self.auditChildren[rank].place
        case .advice:
            if tag.is(RecordGrammar.judgement, in: ns) { return .judgement }
            problem(tag.line, "unexpected element \(tag.described) in <advice>: only <judgement> elements belong here")
            return .refused
        case .planChecks:
            if tag.is(RecordGrammar.count, in: ns) { return .count }
            problem(
                tag.line,
                "unexpected element \(tag.described) in <\(name(parent))>: only <\(name(.count))> elements belong here")
            return .refused
        case .framework, .plan, .count, .judgement:
            problem(tag.line, "<\(name(parent))> holds no elements, found \(tag.described)")
            return .refused
        case .refused:
            return .refused
        }
    }

    /// The audit's children in their order; the index is the rank.
    private static let auditChildren: [(name: XMLName, place: Place)] = [
        (RecordGrammar.framework, .framework), (RecordGrammar.plan, .plan), (RecordGrammar.planChecks, .planChecks),
        (RecordGrammar.judgement, .judgement), (RecordGrammar.advice, .advice),
    ]

    private static let auditContent =
        """
        : an audit holds one <framework>, then at most one <plan>, then at most one <planChecks>, then <judgement> \
        elements, then <advice> elements
        """

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool, line: Int) {
        let place = open.last!
        switch place {
        case .judgement:
            comment.append(contentsOf: bytes)
        case .count:
            countText.append(contentsOf: bytes)
        case .audit, .advice, .planChecks:
            // Element-only content: white space may sit between elements (not in CDATA).
            guard cdata || bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }),
                !textReported
            else { return }
            textReported = true
            problem(line, "unexpected text in <\(name(place))>: only elements belong here")
        case .framework, .plan:
            guard !textReported else { return }
            textReported = true
            problem(line, "<\(name(place))> holds no text, not even white space")
        case .refused:
            break
        }
    }

    mutating func end() {
        let place = open.removeLast()
        textReported = false
        switch place {
        case .judgement:
            guard var judgement = self.judgement.take() else { return }
            if !comment.isEmpty { judgement.comment = String(decoding: comment, as: UTF8.self) }
            if open.last == .advice {
                advice?.judgements.append(judgement)
            } else {
                judgements.append(judgement)
            }
        case .advice:
            if let advice = advice.take(), adviceValid { advices.append(advice) }
        case .count:
            endCount()
        default:
            break
        }
    }

    /// The record, once the `</audit>` has been read; nil when it has problems.
    mutating func finish() -> AuditRecord? {
        if framework == nil && rank == -1 { problem(line, "<audit> has no <framework>") }
        guard problems.isEmpty, let auditId, let planId, let auditor, let auditDate, let kind, let status,
            let framework
        else { return nil }
        return AuditRecord(
            auditId: auditId, planId: planId, framework: framework, auditor: auditor, auditDate: auditDate, kind: kind,
            status: status, moderates: moderates, plan: plan, planChecks: planChecks, judgements: judgements,
            advices: advices, line: line)
    }

    /// A problem the parser found inside this audit.
    mutating func problem(_ line: Int?, _ message: String) {
        guard problems.count < Self.mostProblems else { return }
        problems.append((line, message))
    }

    /// At most this many problems are kept for one record, as for JSON.
    static let mostProblems = 50

    private func name(_ place: Place) -> String {
        switch place {
        case .audit: "audit"
        case .framework: RecordGrammar.framework.text
        case .plan: RecordGrammar.plan.text
        case .planChecks: RecordGrammar.planChecks.text
        case .count: RecordGrammar.count.text
        case .judgement: RecordGrammar.judgement.text
        case .advice: RecordGrammar.advice.text
        case .refused: "?"
        }
    }
}
