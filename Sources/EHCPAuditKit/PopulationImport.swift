internal import EHCPAuditConcurrency

/// A population snapshot stored from a population CSV or a DfE SEN2 return (XML), from a
/// file or from bytes in memory: the open plans it holds, as of a date, in one
/// transaction (any error and nothing is stored). The file is read on a thread of its own
/// while the store writes its plans.
///
/// A type of EHCPAuditKit rather than of the store, as reading a SEN2 return needs the XML
/// reader.
///
/// ```swift
/// let stored = try PopulationImport(into: store, asOf: CalendarDate("2025-06-01")!, at: "2025-06-01T09:00:00Z")
///     .run(path: "population.csv")
/// stored.plans   // open plans kept
/// ```
public struct PopulationImport: Sendable {
    let store: AuditStore
    /// The date the snapshot describes.
    let asOf: CalendarDate
    /// When the import ran.
    let time: String

    public init(into store: AuditStore, asOf: CalendarDate, at time: String) {
        self.store = store
        self.asOf = asOf
        self.time = time
    }

    /// What a population import stored.
    public struct Stored: Sendable, Equatable {
        /// Open plans stored.
        public var plans: Int
        /// For a SEN2 return, how many children it held (open plans or not).
        public var children: Int?
    }

    /// The two population formats.
    public enum Format: String, Sendable, CaseIterable {
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

    /// Stores the open plans of the file at `path`, whose extension says its format.
    /// Throws `PopulationCSVError` (every problem with its line) or a `Diagnostic`.
    @discardableResult
    public func run(path: String) throws -> Stored {
        let format = try Self.format(path)
        let asOf = asOf
        return try run(format, source: path, digest: try AuditStore.fileDigest(path: path)) { references, each in
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
    public func run(bytes: [UInt8], name: String, format: Format? = nil) throws -> Stored {
        let format = try format ?? Self.format(name)
        let asOf = asOf
        return try run(format, source: name, digest: AuditStore.digest(bytes: bytes)) { references, each in
            switch format {
            case .csv:
                try PopulationCSV.read(bytes: bytes, name: name, each: each)
                return nil
            case .sen2:
                return try SEN2Return.read(bytes: bytes, name: name, asOf: asOf, references: references, each: each)
            }
        }
    }

    private static func format(_ name: String) throws -> Format {
        guard let format = Format(name: name) else {
            throw Diagnostic(
                file: name, message: "unsupported file type: expected a population .csv or a SEN2 return .xml")
        }
        return format
    }

    private func run(
        _ format: Format, source: String, digest: String,
        read: @escaping @Sendable (PlanReference, (PopulationPlan) throws -> Void) throws -> Int?
    ) throws -> Stored {
        // The key is read (or made) before the snapshot's own transaction begins.
        let key = format == .sen2 ? try store.planReferenceKey(generate: PlanReference.newKey) : []
        var result = Stored(plans: 0, children: nil)
        var plans = 0
        try store.savePopulation(asOf: asOf, source: source, digest: digest, at: time) { add in
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
