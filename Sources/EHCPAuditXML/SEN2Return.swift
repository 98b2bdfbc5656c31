import EHCPAudit
import EHCPAuditSampling
import Foundation

/// Reads the open plans of a DfE SEN2 person-level return (`Message/Persons/Person`).
///
/// The return holds names, birth dates, postcodes and UPNs. None of them leaves this
/// reader: the UPN (or the LA's person id) becomes a keyed `PlanReference`, the birth
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
        let file = displayName ?? path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw Diagnostic(file: file, message: "cannot open file: \(String(cString: strerror(errno)))")
        }
        let reader = try SEN2PersonReader(
            input: XMLInput(descriptor: descriptor), file: file, asOf: asOf, references: references)
        return try read(reader, each: each)
    }

    /// Reads a return from `bytes` held in memory; `name` names them in diagnostics.
    public static func read(
        bytes: [UInt8], name: String, asOf: CalendarDate, references: PlanReference,
        each: (PopulationPlan) throws -> Void
    ) throws -> Int {
        try read(
            SEN2PersonReader(input: XMLInput(bytes: bytes), file: name, asOf: asOf, references: references),
            each: each)
    }

    private static func read(_ reader: SEN2PersonReader, each: (PopulationPlan) throws -> Void) throws -> Int {
        let stream = reader.stream!
        var more = true
        while more {
            more = stream.feed()
            reader.checkSize()
            for plan in reader.builder.ready { try each(plan) }
            reader.builder.ready.removeAll(keepingCapacity: true)
            if let fatal = stream.fatal { throw fatal }
        }
        guard reader.builder.sawMessage else {
            throw Diagnostic(file: stream.file, line: 1, message: "the file is empty: expected a SEN2 <Message>")
        }
        return reader.builder.persons
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
