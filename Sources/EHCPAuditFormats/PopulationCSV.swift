import EHCPAudit
import EHCPAuditSampling

/// Reads a population snapshot CSV (sampling.md, "Population file").
///
/// Header row required, columns in any order, extra columns ignored, RFC 4180 quoting.
/// Every error names its line. A small reader of our own rather than a CSV package: it
/// must know the line of every row, and read 640,000 plans in well under a second.
public enum PopulationCSV {
    public static let columns = ["plan_id", "locality", "phase", "primary_need", "team", "caseworker", "plan_start", "last_audited"]

    /// Every plan of the file, or every error found (each `FILE:LINE: error:`).
    public static func read(path: String, displayName: String? = nil) throws(PopulationCSVError) -> [PopulationPlan] {
        let file = displayName ?? path
        let reader: ByteReader
        do throws(Diagnostic) {
            reader = try ByteReader(path: path)
        } catch {
            throw PopulationCSVError(diagnostics: [Diagnostic(file: file, message: error.message)])
        }
        var rows = CSVRows(reader: reader)
        guard let (_, rawHeader) = rows.next() else {
            throw PopulationCSVError(diagnostics: [Diagnostic(file: file, line: 1, message: "the file is empty: expected a header row with plan_id")])
        }
        var header = rawHeader.map { $0.trimmingWhitespace().lowercased() }
        if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
        guard let planColumn = header.firstIndex(of: "plan_id") else {
            throw PopulationCSVError(diagnostics: [Diagnostic(file: file, line: 1, message: "missing required column plan_id (found: \(header.joined(separator: ", ")))")])
        }
        let index = Dictionary(columns.compactMap { name in header.firstIndex(of: name).map { (name, $0) } }, uniquingKeysWith: { a, _ in a })
        var plans: [PopulationPlan] = []
        var firstLine: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        while let (line, fields) = rows.next() {
            if fields.count == 1 && fields[0].isEmpty { continue }
            func field(_ name: String) -> String? {
                guard let i = index[name], i < fields.count else { return nil }
                let value = fields[i].trimmingWhitespace()
                return value.isEmpty ? nil : value
            }
            func date(_ name: String) -> CalendarDate? {
                guard let text = field(name) else { return nil }
                guard let date = CalendarDate(text) else {
                    diagnostics.append(Diagnostic(file: file, line: line, path: name, message: "\(name) \"\(text)\" is not an ISO date YYYY-MM-DD that exists"))
                    return nil
                }
                return date
            }
            guard let planId = planColumn < fields.count ? field("plan_id") : nil else {
                diagnostics.append(Diagnostic(file: file, line: line, path: "plan_id", message: "plan_id is empty"))
                continue
            }
            if let first = firstLine[planId] {
                diagnostics.append(Diagnostic(file: file, line: line, path: "plan_id", message: "duplicate plan_id \(planId) (first on line \(first))"))
                continue
            }
            firstLine[planId] = line
            plans.append(PopulationPlan(
                planId: planId, locality: field("locality"), phase: field("phase"), primaryNeed: field("primary_need"),
                team: field("team"), caseworker: field("caseworker"), planStart: date("plan_start"), lastAudited: date("last_audited")
            ))
        }
        if let error = rows.error { diagnostics.append(Diagnostic(file: file, line: error.line, message: error.message)) }
        guard diagnostics.isEmpty else { throw PopulationCSVError(diagnostics: diagnostics) }
        return plans
    }
}

/// Every problem that stopped a population file being read.
public struct PopulationCSVError: Error, Sendable {
    public var diagnostics: [Diagnostic]
}

/// RFC 4180 rows with the line each starts on.
struct CSVRows {
    let reader: ByteReader
    private var line = 1
    private var done = false
    private(set) var error: (line: Int, message: String)?

    init(reader: ByteReader) {
        self.reader = reader
    }

    mutating func next() -> (line: Int, fields: [String])? {
        guard !done else { return nil }
        let start = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false, wasQuoted = false
        while true {
            guard let byte = reader.next() else {
                if quoted { error = (start, "unterminated quoted field in the row starting here") }
                done = true
                if fields.isEmpty && field.isEmpty && !wasQuoted { return nil }
                fields.append(String(decoding: field, as: UTF8.self))
                return (start, fields)
            }
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if reader.peek() == UInt8(ascii: "\"") { _ = reader.next(); field.append(byte) } else { quoted = false }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where field.isEmpty:
                quoted = true
                wasQuoted = true
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                wasQuoted = false
            case UInt8(ascii: "\n"):
                line += 1
                if field.last == UInt8(ascii: "\r") { field.removeLast() }
                fields.append(String(decoding: field, as: UTF8.self))
                return (start, fields)
            default:
                field.append(byte)
            }
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }
}
