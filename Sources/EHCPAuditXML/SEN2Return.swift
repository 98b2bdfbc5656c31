import CLibXML2
import EHCPAudit
import EHCPAuditSampling
import Foundation

/// Reads the open plans of a DfE SEN2 person-level return (`Message/Persons/Person`).
///
/// The return holds names, birth dates, postcodes and UPNs. None of them leaves this
/// reader: the UPN (or the LA's person id) becomes a keyed ``PlanReference``, the birth
/// date becomes a phase of education, and the rest is never read. Unknown elements are
/// ignored, as DfE adds fields from year to year.
public enum SEN2Return {
    public struct Summary: Sendable, Equatable {
        public var persons: Int
        public var plans: [PopulationPlan]
    }

    /// Every open plan of the return, held together (for small returns and tests).
    public static func read(
        path: String, asOf: CalendarDate, references: PlanReference, displayName: String? = nil
    ) throws -> Summary {
        var plans: [PopulationPlan] = []
        let persons = try read(path: path, asOf: asOf, references: references, displayName: displayName) {
            plans.append($0)
        }
        return Summary(persons: persons, plans: plans)
    }

    /// Hands each open plan to `each` as it is read, so a national return never sits
    /// whole in memory; returns how many persons the return held.
    public static func read(
        path: String, asOf: CalendarDate, references: PlanReference, displayName: String? = nil,
        each: (PopulationPlan) throws -> Void
    ) throws -> Int {
        try read(
            UntrustedXMLFile(path: path, file: displayName ?? path), asOf: asOf, references: references, each: each)
    }

    /// Reads a return from `bytes` held in memory; `name` names them in diagnostics.
    public static func read(
        bytes: [UInt8], name: String, asOf: CalendarDate, references: PlanReference,
        each: (PopulationPlan) throws -> Void
    ) throws -> Int {
        try read(UntrustedXMLFile(bytes: bytes, file: name), asOf: asOf, references: references, each: each)
    }

    private static func read(
        _ xml: UntrustedXMLFile, asOf: CalendarDate, references: PlanReference, each: (PopulationPlan) throws -> Void
    ) throws -> Int {
        let file = xml.file
        let reader = xml.reader
        var persons = 0
        var seen: [String: Int32] = [:]
        var skip = false
        var sawMessage = false
        while try xml.advance(skippingSubtree: skip) {
            skip = false
            guard xml.nodeType == XML_READER_TYPE_ELEMENT,
                let name = xmlTextReaderConstLocalName(reader).map({ String(cString: $0) })
            else { continue }
            if xmlTextReaderDepth(reader) == 0 {
                guard name == "Message" else {
                    throw Diagnostic(
                        file: file, line: 1,
                        message: "the root element is <\(name)>; a SEN2 return starts with <Message>")
                }
                sawMessage = true
            }
            guard name == "Person" else { continue }
            let node = try xml.expand("the person on line \(xml.line)")
            skip = true
            persons += 1
            if persons > InputLimits.mostPlans {
                throw Diagnostic(
                    file: file, line: xml.line,
                    message:
                        """
                        more than \(InputLimits.mostPlans) persons: this is not one partnership's return, so \
                        reading stops here
                        """
                )
            }
            let person = XMLElement(node: node)
            guard let plan = try openPlan(person, asOf: asOf, references: references, file: file) else { continue }
            if let first = seen[plan.planId] {
                throw Diagnostic(
                    file: file, line: person.line,
                    message: "this person has the same UPN or person id as the person on line \(first)")
            }
            seen[plan.planId] = Int32(truncatingIfNeeded: person.line ?? 0)
            try each(plan)
        }
        guard sawMessage else {
            throw Diagnostic(file: file, line: 1, message: "the file is empty: expected a SEN2 <Message>")
        }
        return persons
    }

    /// The person's open plan on `asOf`, or nil when they have none.
    static func openPlan(
        _ person: XMLElement, asOf: CalendarDate, references: PlanReference, file: String
    ) throws(Diagnostic) -> PopulationPlan? {
        func date(_ element: XMLElement, _ name: String) throws(Diagnostic) -> CalendarDate? {
            guard let child = element.first(name), let text = child.text?.trimmingXMLSpace,
                !text.isEmpty
            else { return nil }
            guard let date = CalendarDate(text) else {
                throw Diagnostic(
                    file: file, line: child.line, message: "<\(name)> must be an ISO date YYYY-MM-DD that exists")
            }
            return date
        }
        var start: CalendarDate?
        var primaryNeed: String?
        for request in person.descendants("Requests") {
            for plan in request.descendants("NamedPlan") {
                guard let started = try date(plan, "StartDate"), started <= asOf else { continue }
                if let ceased = try date(plan, "CeaseDate"), ceased <= asOf { continue }
                start = min(start ?? started, started)
                primaryNeed = primaryNeed ?? need(in: request)
            }
        }
        guard let start else { return nil }
        var field: (element: XMLElement, name: String, id: String)?
        for name in ["UPN", "PersonID", "LAchildID"] where field == nil {
            guard let element = person.first(name),
                let text = element.text?.trimmingXMLSpace, !text.isEmpty
            else { continue }
            field = (element, name, text)
        }
        guard let (element, name, id) = field else {
            throw Diagnostic(
                file: file, line: person.line,
                message: "a person with an open plan has no UPN or person id, so no plan reference can be made")
        }
        // A line break or other control character inside an id would make one child two.
        if let problem = RecordText.wordProblem(id) {
            throw Diagnostic(file: file, line: element.line, message: "<\(name)> \(problem)")
        }
        let born = try date(person, "PersonBirthDate")
        let stage = born.map { SEN2Return.phase(born: $0, asOf: asOf) }
        return PopulationPlan(
            planId: references.reference(for: id), phase: stage?.rawValue, primaryNeed: primaryNeed, planStart: start)
    }

    /// The SEN type ranked 1 in the request's active plan.
    static func need(in request: XMLElement) -> String? {
        let needs = request.descendants("SENneed").compactMap { need -> (Int, String)? in
            guard let type = need.first("SENtype")?.text?.trimmingXMLSpace, !type.isEmpty else {
                return nil
            }
            let rank =
                need.first("SENtypeRank")?.text.flatMap { Int($0.trimmingXMLSpace) } ?? Int.max
            return (rank, type)
        }
        return needs.min { $0.0 < $1.0 }?.1
    }

    /// Phase from age on the 31 August before the as-of date: <=3 early years, 4-10
    /// primary, 11-15 secondary, 16-18 post-16, 19+ post-19.
    public static func phase(born: CalendarDate, asOf: CalendarDate) -> Phase {
        let year = asOf.month > 8 ? asOf.year : asOf.year - 1
        let reference = CalendarDate(year: year, month: 8, day: 31)!
        var age = reference.year - born.year
        if (reference.month, reference.day) < (born.month, born.day) { age -= 1 }
        switch age {
        case ..<4: return .earlyYears
        case 4...10: return .primary
        case 11...15: return .secondary
        case 16...18: return .post16
        default: return .post19
        }
    }
}

extension String {
    /// Without XML white space (space, tab, CR, LF) at either end; made from the bytes, as
    /// Foundation's trimming bridges through NSString and was most of a return's time.
    var trimmingXMLSpace: String {
        var utf8 = Substring(self).utf8
        func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while let first = utf8.first, blank(first) { utf8.removeFirst() }
        while let last = utf8.last, blank(last) { utf8.removeLast() }
        return utf8.count == self.utf8.count ? self : String(Substring(utf8))
    }
}

extension XMLElement {
    /// The first child element with this local name.
    func first(_ name: String) -> XMLElement? { children.first { $0.localName == name } }

    /// Every descendant element with this local name, in document order.
    func descendants(_ name: String) -> [XMLElement] {
        children.flatMap { child in (child.localName == name ? [child] : []) + child.descendants(name) }
    }
}
