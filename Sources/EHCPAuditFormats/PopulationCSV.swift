import EHCPAudit
import EHCPAuditSampling

/// Reads and writes a population snapshot CSV (docs/sampling.md, "Population file").
///
/// Header row required, columns in any order, extra columns ignored, RFC 4180 quoting.
/// Every error names its line. A small reader of our own rather than a CSV package: it
/// must know the line of every row, and read 640,000 plans in well under a second. What
/// ``write(_:line:)`` writes, it reads back as the same plans.
public enum PopulationCSV {
    public static let columns = [
        "plan_id", "locality", "phase", "primary_need", "team", "caseworker", "plan_start", "last_audited",
    ]

    /// Writes `plans` as a population file, one line at a time through `line` (without its
    /// line feed): the header of every column, then a row per plan, a missing value empty.
    ///
    /// ```swift
    /// PopulationCSV.write(plans) { print($0) }   // plan_id,locality,…  then P0001234,North,…
    /// ```
    public static func write(_ plans: some Sequence<PopulationPlan>, line: (String) throws -> Void) rethrows {
        try line(columns.joined(separator: ","))
        for plan in plans {
            let fields = [
                plan.planId, plan.locality, plan.phase, plan.primaryNeed, plan.team, plan.caseworker,
                plan.planStart?.description, plan.lastAudited?.description,
            ]
            try line(fields.map { CSVField.encoded($0 ?? "") }.joined(separator: ","))
        }
    }

    /// Every plan of the file, or every error found (each `FILE:LINE: error:`).
    public static func read(path: String, displayName: String? = nil) throws -> [PopulationPlan] {
        let reader = try open(path, file: displayName ?? path)
        // A national population is most of the memory a draw takes: one allocation of the
        // right size, not a doubling array's spare half.
        var plans: [PopulationPlan] = []
        plans.reserveCapacity(min(reader.lineCount(), InputLimits.mostPlans + 1))
        try read(reader, file: displayName ?? path) { plans.append($0) }
        return plans
    }

    /// Hands each plan to `each` as it is read; throws every problem at the end (so a
    /// caller storing the plans as they come rolls back), or what `each` threw.
    public static func read(path: String, displayName: String? = nil, each: (PopulationPlan) throws -> Void) throws {
        let file = displayName ?? path
        try read(open(path, file: file), file: file, each: each)
    }

    private static func open(_ path: String, file: String) throws(PopulationCSVError) -> ByteReader {
        do throws(Diagnostic) {
            return try ByteReader(path: path)
        } catch {
            throw PopulationCSVError(diagnostics: [Diagnostic(file: file, message: error.message)])
        }
    }

    /// Reads a population from `bytes` held in memory; `name` names them in diagnostics.
    public static func read(bytes: [UInt8], name: String, each: (PopulationPlan) throws -> Void) throws {
        try read(ByteReader(bytes: bytes), file: name, each: each)
    }

    private static func read(_ reader: ByteReader, file: String, each: (PopulationPlan) throws -> Void) throws {
        var rows = CSVRows(reader: reader)
        var row = CSVRow()
        guard rows.next(into: &row) != nil else {
            throw PopulationCSVError(diagnostics: [
                Diagnostic(file: file, line: 1, message: "the file is empty: expected a header row with plan_id")
            ])
        }
        var header = row.fields.indices.map { (row.text($0) ?? "").lowercased() }
        if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
        guard header.contains("plan_id") else {
            throw PopulationCSVError(diagnostics: [
                Diagnostic(
                    file: file, line: 1,
                    message: "missing required column plan_id (found: \(header.joined(separator: ", ")))")
            ])
        }
        let index = Dictionary(
            columns.compactMap { name in header.firstIndex(of: name).map { (name, $0) } },
            uniquingKeysWith: { a, _ in a })
        let column = columns.map { index[$0] }
        let columnWords = columns.map { wordLists[$0] }
        var firstLine: [UTF8Key: Int32] = [:]
        firstLine.reserveCapacity(reader.size / 48)
        var diagnostics: [Diagnostic] = []
        var plans = 0
        while let line = rows.next(into: &row), rows.error == nil {
            if row.fields.count == 1 && row.fields[0].isEmpty { continue }
            func field(_ c: Int) -> String? {
                guard let i = column[c], i < row.fields.count, !row.isBlank(i) else { return nil }
                guard let text = row.text(i) else {
                    diagnostics.append(
                        Diagnostic(
                            file: file, line: line, path: columns[c],
                            message: "\(columns[c]) is not valid UTF-8 (save the file as UTF-8)"))
                    return nil
                }
                if let problem = RecordText.wordProblem(text) {
                    diagnostics.append(
                        Diagnostic(file: file, line: line, path: columns[c], message: "\(columns[c]) \(problem)"))
                    return nil
                }
                if let words = columnWords[c], !words.contains(text) {
                    diagnostics.append(
                        Diagnostic(
                            file: file, line: line, path: columns[c],
                            message: "\(columns[c]) \"\(text)\" is not one of \(words.sorted().joined(separator: ", "))"
                        ))
                    return nil
                }
                return text
            }
            func date(_ c: Int) -> CalendarDate? {
                guard let i = column[c], i < row.fields.count, !row.isBlank(i) else { return nil }
                guard let date = row.date(i) else {
                    let text = row.text(i).map { "\"\($0)\" " } ?? ""
                    diagnostics.append(
                        Diagnostic(
                            file: file, line: line, path: columns[c],
                            message: "\(columns[c]) \(text)is not an ISO date YYYY-MM-DD that exists"))
                    return nil
                }
                return date
            }
            let before = diagnostics.count
            guard let planId = field(0) else {
                if diagnostics.count == before {
                    diagnostics.append(Diagnostic(file: file, line: line, path: "plan_id", message: "plan_id is empty"))
                }
                continue
            }
            plans += 1
            if plans > InputLimits.mostPlans {
                diagnostics.append(
                    Diagnostic(
                        file: file, line: line,
                        message:
                            """
                            more than \(InputLimits.mostPlans) plans: this is not one partnership's population, \
                            so reading stops here
                            """
                    ))
                break
            }
            if diagnostics.count >= ProblemLog.limit {
                diagnostics.append(
                    Diagnostic(
                        file: file, line: line, message: "more problems may follow; fix these first and check again"))
                break
            }
            if let first = firstLine.updateValue(Int32(truncatingIfNeeded: line), forKey: UTF8Key(planId)) {
                firstLine[UTF8Key(planId)] = first
                diagnostics.append(
                    Diagnostic(
                        file: file, line: line, path: "plan_id",
                        message: "duplicate plan_id \(planId) (first on line \(first))"))
                continue
            }
            try each(
                PopulationPlan(
                    planId: planId, locality: field(1), phase: field(2), primaryNeed: field(3),
                    team: field(4), caseworker: field(5), planStart: date(6), lastAudited: date(7)
                ))
        }
        if let error = rows.error {
            diagnostics.append(Diagnostic(file: file, line: error.line, message: error.message))
        }
        if diagnostics.isEmpty && plans == 0 {
            diagnostics.append(
                Diagnostic(
                    file: file, line: 1,
                    message: "the file has a header row but no plans: a population needs at least one open plan"))
        }
        guard diagnostics.isEmpty else { throw PopulationCSVError(diagnostics: diagnostics) }
    }

    /// The columns whose values come from a closed word list (docs/records.md).
    /// (A handful of words each: comparing beats hashing.)
    static let wordLists: [String: [String]] = [
        "phase": Phase.allCases.map(\.rawValue),
        "primary_need": PrimaryNeed.allCases.map(\.rawValue),
    ]
}

/// Every problem that stopped a population file being read.
public struct PopulationCSVError: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
