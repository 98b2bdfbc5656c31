import CLibXML2
import EHCPAudit
import EHCPAuditSampling

/// Turns the SAX2 events of a SEN2 return into open plans (``SEN2PersonBuilder``) and
/// stops the stream at the first problem.
final class SEN2PersonReader: XMLEventHandler {
    private(set) var stream: XMLEventStream!
    /// All the reading state in one value, so that an event is one access to it.
    var builder: SEN2PersonBuilder

    init(input: XMLInput, file: String, asOf: CalendarDate, references: PlanReference) throws(Diagnostic) {
        builder = SEN2PersonBuilder(file: file, asOf: asOf, references: references)
        stream = try XMLEventStream(input: input, file: file, handler: self)
    }

    /// Refuses a person that has taken more than ``InputLimits/largestRecord`` bytes;
    /// checked between chunks, so it is refused before it can take much more, and at its end.
    func checkSize() {
        builder.checkSize(at: stream.position)
        stopAtProblem()
    }

    func start(_ tag: XMLStartTag) {
        builder.start(tag, at: stream.position)
        stopAtProblem()
    }

    func end() {
        builder.end(at: stream.position)
        stopAtProblem()
    }

    private func stopAtProblem() {
        // A flag, read on every event: testing the optional problem copied it out each time.
        if builder.stopped, let problem = builder.problem { stream.stop(problem) }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool) {
        builder.characters(bytes)
    }

    /// A SEN2 return's lesser XML problems (an undeclared prefix) do not stop it.
    func problem(line: Int?, message: String) {}
}

/// Gathers each `<Person>`'s ids, dates and needs as the parser meets them
/// (``SEN2Person``) and makes its open plan at `</Person>`. No tree is built.
///
/// The first problem met stops the reading (``problem``): a wrong root, too many
/// persons, a person larger than ``InputLimits/largestRecord`` bytes, a bad date or id,
/// the same child twice. The plans made before it are still in ``ready``.
struct SEN2PersonBuilder {
    let file: String
    /// Plans made but not yet handed out.
    var ready: [PopulationPlan] = []
    /// The problem that must stop the reading.
    private(set) var problem: Diagnostic?
    /// Whether there is a ``problem``.
    private(set) var stopped = false
    private(set) var persons = 0
    private(set) var sawMessage = false

    private let asOf: CalendarDate
    private let references: PlanReference
    private var depth = 0
    /// The person being read, when `inPerson`, with what each open element of it is for.
    private var person = SEN2Person()
    private var inPerson = false
    private var roles: [Role] = []
    private var personStart = 0
    /// The requests open around the current element (indices into the person's).
    private var openRequests: [Int] = []
    /// How many fields are open: text is gathered while any is.
    private var openFields = 0
    /// Each plan's reference, with the line of the person it came from.
    private var seen: [ReferenceKey: Int32] = [:]

    init(file: String, asOf: CalendarDate, references: PlanReference) {
        self.file = file
        self.asOf = asOf
        self.references = references
    }

    mutating func checkSize(at position: Int) {
        guard inPerson, position - personStart > InputLimits.largestRecord else { return }
        stop(
            Diagnostic(
                file: file, line: person.line,
                message:
                    """
                    the person on line \(person.line) is larger than \(InputLimits.largestRecordWords), so the \
                    file cannot be read past this point
                    """))
    }

    // MARK: Events

    mutating func start(_ tag: XMLStartTag, at position: Int) {
        defer { depth += 1 }
        let name = Name(tag.localName)
        if depth == 0 {
            guard name == .message else {
                return stop(
                    Diagnostic(
                        file: file, line: 1,
                        message: "the root element is <\(tag.name)>; a SEN2 return starts with <Message>"))
            }
            sawMessage = true
        }
        guard inPerson else {
            if name == .person { begin(tag, at: position) }
            return
        }
        let role = role(of: name, line: tag.line)
        roles.append(role)
        if case .field = role { openFields += 1 }
    }

    mutating func end(at position: Int) {
        depth -= 1
        guard inPerson, let role = roles.popLast() else { return }
        switch role {
        case .person:
            checkSize(at: position)
            if problem == nil { finish() }
        case .requests: openRequests.removeLast()
        case .field(let slot):
            openFields -= 1
            person.close(slot)
        case .plan, .need, .other: break
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if openFields > 0 { person.gather(bytes) }
    }

    // MARK: Persons

    private mutating func begin(_ tag: XMLStartTag, at position: Int) {
        persons += 1
        if persons > InputLimits.mostPlans {
            return stop(
                Diagnostic(
                    file: file, line: tag.line,
                    message:
                        """
                        more than \(InputLimits.mostPlans) persons: this is not one partnership's return, so reading \
                        stops here
                        """))
        }
        person.reset(line: tag.line)
        inPerson = true
        personStart = position
        roles.removeAll(keepingCapacity: true)
        roles.append(.person)
    }

    private mutating func stop(_ diagnostic: Diagnostic) {
        if problem == nil { problem = diagnostic }
        stopped = true
    }

    /// What the element just opened is for, given what its parent is for.
    private mutating func role(of name: Name, line: Int) -> Role {
        let parent = roles.last!
        switch (name, parent) {
        case (.requests, _):
            person.requests.append(SEN2Person.Request(parent: openRequests.last))
            openRequests.append(person.requests.count - 1)
            return .requests
        case (.namedPlan, _) where !openRequests.isEmpty:
            person.plans.append(SEN2Person.NamedPlan(request: openRequests.last!))
            return .plan(person.plans.count - 1)
        case (.need, _) where !openRequests.isEmpty:
            person.needs.append(SEN2Person.Need(request: openRequests.last!))
            return .need(person.needs.count - 1)
        case (.id(let position), .person) where person.ids[position] == nil:
            person.ids[position] = person.field(line: line)
            return .field(.id(position))
        case (.birthDate, .person) where person.birthDate == nil:
            person.birthDate = person.field(line: line)
            return .field(.birthDate)
        case (.startDate, .plan(let p)) where person.plans[p].start == nil:
            person.plans[p].start = person.field(line: line)
            return .field(.start(p))
        case (.ceaseDate, .plan(let p)) where person.plans[p].cease == nil:
            person.plans[p].cease = person.field(line: line)
            return .field(.cease(p))
        case (.type, .need(let n)) where person.needs[n].type == nil:
            person.needs[n].type = person.field(line: line)
            return .field(.type(n))
        case (.rank, .need(let n)) where person.needs[n].rank == nil:
            person.needs[n].rank = person.field(line: line)
            return .field(.rank(n))
        default:
            return .other
        }
    }

    private mutating func finish() {
        inPerson = false
        openRequests.removeAll(keepingCapacity: true)
        openFields = 0
        do throws(Diagnostic) {
            guard let plan = try person.openPlan(asOf: asOf, references: references, file: file) else { return }
            let key = ReferenceKey(plan.planId)
            if let first = seen[key] {
                throw Diagnostic(
                    file: file, line: person.line,
                    message: "this person has the same UPN or person id as the person on line \(first)")
            }
            seen[key] = Int32(truncatingIfNeeded: person.line)
            ready.append(plan)
        } catch {
            stop(error)
        }
    }
}

extension SEN2PersonBuilder {
    /// What an open element of a person is for.
    enum Role {
        case person, requests, plan(Int), need(Int), field(Slot), other
    }

    /// Where a field's text goes.
    enum Slot {
        case id(Int), birthDate, start(Int), cease(Int), type(Int), rank(Int)
    }

    /// The element names a SEN2 return is read by; every other name is `.other`.
    enum Name: Equatable {
        case message, person, id(Int), birthDate, requests, namedPlan, startDate, ceaseDate, need, type, rank, other

        private static let names: [(XMLName, Name)] =
            [
                ("Message", .message), ("Person", .person), ("PersonBirthDate", .birthDate),
                ("Requests", .requests), ("NamedPlan", .namedPlan), ("StartDate", .startDate),
                ("CeaseDate", .ceaseDate), ("SENneed", .need), ("SENtype", .type), ("SENtypeRank", .rank),
            ].map { (XMLName($0), $1) } + SEN2Person.idNames.enumerated().map { (XMLName($1), .id($0)) }

        /// The name's meaning: a first-byte test, then a comparison with the few names left.
        init(_ localName: UnsafePointer<xmlChar>) {
            let first = localName[0]
            for (name, meaning) in Self.names where name.bytes[0] == first && xmlStrEqual(localName, name.bytes) == 1 {
                self = meaning
                return
            }
            self = .other
        }
    }
}

extension SEN2Person {
    /// Ends the field `slot` names where the text gathered so far ends.
    mutating func close(_ slot: SEN2PersonBuilder.Slot) {
        let end = text.count
        switch slot {
        case .id(let position): ids[position]?.end(at: end)
        case .birthDate: birthDate?.end(at: end)
        case .start(let p): plans[p].start?.end(at: end)
        case .cease(let p): plans[p].cease?.end(at: end)
        case .type(let n): needs[n].type?.end(at: end)
        case .rank(let n): needs[n].rank?.end(at: end)
        }
    }
}

/// A plan reference's bytes as three words, to tell 640,000 references apart without
/// keeping their strings: a reference (``PlanReference``) is 23 ASCII bytes.
struct ReferenceKey: Hashable {
    let words: (UInt64, UInt64, UInt64)

    init(_ reference: String) {
        var reference = reference
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        reference.withUTF8 { bytes in
            precondition(bytes.count < 24, "a plan reference is 23 bytes")
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        }
        self.words = words
    }

    static func == (a: Self, b: Self) -> Bool { a.words == b.words }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
    }
}
