import EHCPAuditKit

/// The library's errors in the command line's words: what to type to act on them.
enum Messages {
    static func store(_ error: StoreError) -> String {
        switch error {
        case .auditConflict(let id):
            """
            audit \(id) is already stored with different content; import with --replace to store this version and \
            keep the earlier one in history
            """
        case .noFramework(let path):
            "\(path): the store holds no framework; import audits with --criteria ehcp-qa (built in) or FILE first"
        case .missing(let path):
            "\(path): no store here (check the path or --db; `import` or `population import` makes one)"
        case .unknownFramework(let id, let version):
            "the store holds no framework \(id)\(version.map { "@\($0)" } ?? ""); check --framework"
        case .noPopulation:
            "give --population FILE, or import a population into the store first (population import)"
        case .sampleAlreadyDrawn(let month, let inputs):
            "a sample for \(month) was already drawn with other inputs (\(inputs)); use --replace to draw it again"
        case .needsUpgrade(let path):
            "\(path): the store was made by an older version; run `import` into it once to upgrade it"
        default: error.description
        }
    }

    /// Prints a library error as the CLI words it; false when it is not one of the
    /// library's errors.
    static func report(_ error: Error) -> Bool {
        switch error {
        case let error as StoreError: StandardError.line("error: \(store(error))")
        case let error as FrameworkLoadError: StandardError.report(error.diagnostics)
        case let error as Diagnostic: StandardError.report([error])
        case let error as FrameworkConflict: StandardError.line("error: \(error)")
        case let error as PopulationCSVError: StandardError.report(error.diagnostics)
        case let error as SampleError: StandardError.line("error: \(error.message)")
        default: return false
        }
        return true
    }
}
