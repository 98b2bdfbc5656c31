internal import EHCPAuditConcurrency

/// Storing a population snapshot from a population CSV or a DfE SEN2 return (XML),
/// from a file or from bytes in memory.
///
/// ```swift
/// let stored = try store.importPopulation(path: "population.csv", asOf: CalendarDate("2025-06-01")!,
///                                         at: "2025-06-01T09:00:00Z")
/// stored.plans   // open plans kept
/// ```
extension AuditStore {
    /// What a population import stored.
    public struct PopulationImport: Sendable, Equatable {
        /// Open plans stored.
        public var plans: Int
        /// For a SEN2 return, how many children it held (open plans or not).
        public var children: Int?
    }

    /// The two population formats.
    public enum PopulationFormat: String, Sendable, CaseIterable {
        case csv, sen2

        /// The format a file name's extension names: `.csv`, or `.xml` for a SEN2 return.
        public init?(name: String) {
            switch name.split(separator: ".").last?.lowercased() {
            case "csv": self = .csv
            case "xml": self = .sen2
            default: return nil
            }
        }
    }

    /// Stores the open plans of the file at `path` as the snapshot for `asOf`, in one
    /// transaction: any error and nothing is stored. Throws `PopulationCSVError` (every
    /// problem with its line) or a `Diagnostic`.
    @discardableResult
    public func importPopulation(path: String, asOf: CalendarDate, at time: String) throws -> PopulationImport {
        let format = try Self.populationFormat(path)
        return try importPopulation(format, source: path, digest: try Self.fileDigest(path: path), asOf: asOf, at: time)
        {
            references, each in
            switch format {
            case .csv:
                try PopulationCSV.read(path: path, each: each)
                return nil
            case .sen2: return try SEN2Return.read(path: path, asOf: asOf, references: references, each: each)
            }
        }
    }

    /// Stores the open plans held in `bytes`; `name` names them in messages and its
    /// extension says the format unless `format` is given.
    @discardableResult
    public func importPopulation(
        bytes: [UInt8], name: String, format: PopulationFormat? = nil, asOf: CalendarDate, at time: String
    ) throws -> PopulationImport {
        let format = try format ?? Self.populationFormat(name)
        return try importPopulation(format, source: name, digest: Self.digest(bytes: bytes), asOf: asOf, at: time) {
            references, each in
            switch format {
            case .csv:
                try PopulationCSV.read(bytes: bytes, name: name, each: each)
                return nil
            case .sen2:
                return try SEN2Return.read(bytes: bytes, name: name, asOf: asOf, references: references, each: each)
            }
        }
    }

    private static func populationFormat(_ name: String) throws -> PopulationFormat {
        guard let format = PopulationFormat(name: name) else {
            throw Diagnostic(
                file: name, message: "unsupported file type: expected a population .csv or a SEN2 return .xml")
        }
        return format
    }

    private func importPopulation(
        _ format: PopulationFormat, source: String, digest: String, asOf: CalendarDate, at time: String,
        read: @escaping @Sendable (PlanReference, (PopulationPlan) throws -> Void) throws -> Int?
    ) throws -> PopulationImport {
        // The key is read (or made) before the snapshot's own transaction begins.
        let key = format == .sen2 ? try planReferenceKey(generate: PlanReference.newKey) : []
        var result = PopulationImport(plans: 0, children: nil)
        var plans = 0
        try savePopulation(asOf: asOf, source: source, digest: digest, at: time) { add in
            // The file is read on a thread of its own while this one stores its plans.
            try withoutActuallyEscaping(add) { add in
                result.children = try overlapping(
                    produce: { yield in try read(PlanReference(key: key), yield) },
                    consume: { plan in
                        try add(plan)
                        plans += 1
                    })
            }
        }
        result.plans = plans
        return result
    }
}
