import EHCPAudit
import EHCPAuditSampling

/// What a SEN2 `<Person>` holds that its open plan needs, gathered as the parser meets it
/// (``SEN2PersonBuilder``). Names, postcode, sex and everything else are never kept.
///
/// Elements are found by local name, as DfE's schema places them: the ids and birth date
/// are children of `<Person>`; `<Requests>` may sit anywhere inside it, `<NamedPlan>` and
/// `<SENneed>` anywhere inside a request, and each date, type and rank is a child of its
/// plan or need. Where a child appears twice, the first counts.
///
/// One person is read at a time and its storage reused for the next (``reset(line:)``):
/// every field's text is a range of one buffer, which holds the text of the fields open
/// as it is read, so a field nested in another still has exactly the text inside it.
struct SEN2Person {
    /// A child element: the line it starts on and where its text lies in ``text``.
    struct Field {
        var line: Int
        var text: Range<Int>

        mutating func end(at end: Int) { text = text.lowerBound..<end }
    }

    struct NamedPlan {
        /// The innermost request the plan is in.
        var request: Int
        var start: Field?
        var cease: Field?
    }

    struct Need {
        /// The innermost request the need is in.
        var request: Int
        var type: Field?
        var rank: Field?
    }

    /// A `<Requests>`, and the request it sits in when nested.
    struct Request {
        var parent: Int?
    }

    /// The three ids a plan reference may be made from, in the order they are tried.
    static let idNames = ["UPN", "PersonID", "LAchildID"]

    private(set) var line = 0
    var ids: [Field?] = [nil, nil, nil]
    var birthDate: Field?
    var requests: [Request] = []
    var plans: [NamedPlan] = []
    var needs: [Need] = []
    /// The text of every field, in the order it was read.
    private(set) var text: [UInt8] = []

    /// Empties the person for the next one, keeping the storage.
    mutating func reset(line: Int) {
        self.line = line
        for i in ids.indices { ids[i] = nil }
        birthDate = nil
        requests.removeAll(keepingCapacity: true)
        plans.removeAll(keepingCapacity: true)
        needs.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
    }

    /// A field starting on `line`, whose text starts here.
    func field(line: Int) -> Field { Field(line: line, text: text.count..<text.count) }

    /// Text inside the open fields.
    mutating func gather(_ bytes: UnsafeBufferPointer<UInt8>) { text.append(contentsOf: bytes) }

    /// The field's text without XML white space at either end; nil when nothing is left.
    func trimmed(_ field: Field?) -> ArraySlice<UInt8>? {
        guard let field else { return nil }
        let bytes = text[field.text]
        func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) })
        else { return nil }
        return bytes[first...last]
    }

    /// Whether request `inner` is `request` or sits inside it.
    func request(_ request: Int, holds inner: Int) -> Bool {
        var current: Int? = inner
        while let r = current {
            if r == request { return true }
            current = requests[r].parent
        }
        return false
    }

    /// The person's open plan on `asOf`, or nil when they have none: a plan started by then
    /// and not ceased by then; its start is the earliest such start, its primary need that
    /// of the first request holding one.
    func openPlan(asOf: CalendarDate, references: PlanReference, file: String) throws(Diagnostic) -> PopulationPlan? {
        func date(_ field: Field?, _ name: String) throws(Diagnostic) -> CalendarDate? {
            guard let field, let text = trimmed(field) else { return nil }
            guard let date = CalendarDate(utf8: text) else {
                throw Diagnostic(
                    file: file, line: field.line, message: "<\(name)> must be an ISO date YYYY-MM-DD that exists")
            }
            return date
        }
        var start: CalendarDate?
        var primaryNeed: String?
        for r in requests.indices {
            for plan in plans where request(r, holds: plan.request) {
                guard let started = try date(plan.start, "StartDate"), started <= asOf else { continue }
                if let ceased = try date(plan.cease, "CeaseDate"), ceased <= asOf { continue }
                start = min(start ?? started, started)
                primaryNeed = primaryNeed ?? need(of: r)
            }
        }
        guard let start else { return nil }
        guard
            let (position, field, id) = ids.indices.lazy.compactMap({ position -> (Int, Field, String)? in
                guard let field = ids[position], let id = trimmed(field) else { return nil }
                return (position, field, String(decoding: id, as: UTF8.self))
            }).first
        else {
            throw Diagnostic(
                file: file, line: line,
                message: "a person with an open plan has no UPN or person id, so no plan reference can be made")
        }
        // A line break or other control character inside an id would make one child two.
        if let problem = RecordText.wordProblem(id) {
            throw Diagnostic(file: file, line: field.line, message: "<\(Self.idNames[position])> \(problem)")
        }
        let stage = try date(birthDate, "PersonBirthDate").map { SEN2Return.phase(born: $0, asOf: asOf) }
        return PopulationPlan(
            planId: references.reference(for: id), phase: stage?.rawValue, primaryNeed: primaryNeed, planStart: start)
    }

    /// The SEN type ranked 1 (the lowest rank; the first of equals) among request `r`'s needs.
    func need(of r: Int) -> String? {
        var best: (rank: Int, type: ArraySlice<UInt8>)?
        for need in needs where request(r, holds: need.request) {
            guard let type = trimmed(need.type) else { continue }
            let rank = trimmed(need.rank).flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? Int.max
            if best == nil || rank < best!.rank { best = (rank, type) }
        }
        return best.map { String(decoding: $0.type, as: UTF8.self) }
    }
}
