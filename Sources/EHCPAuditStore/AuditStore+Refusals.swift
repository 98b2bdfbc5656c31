import EHCPAudit
internal import GRDB

/// The records refused for breaking a counted rule, kept in the import log for the advice
/// report (an ``AuditImport`` logs them whether or not its file was stored).
extension AuditStore {
    /// A record refused for breaking a counted rule, kept in the import log.
    public struct Refusal: Sendable, Equatable {
        public var auditId: String?
        /// The month of the refused audit, when its date could be read.
        public var month: String?
        public var criterion: String?
        public var rule: RecordProblem.Rule
        public var agency: String?
        public var provider: String?

        public init(
            auditId: String?, month: String? = nil, criterion: String?, rule: RecordProblem.Rule, agency: String?,
            provider: String?
        ) {
            self.auditId = auditId
            self.month = month
            self.criterion = criterion
            self.rule = rule
            self.agency = agency
            self.provider = provider
        }
    }

    /// The no-needs refusals logged by imports, for the advice report.
    public func loggedRefusals() throws -> [Refusal] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT audit_id, month, criterion, rule, agency, provider FROM import_refusals")
                .compactMap { row in
                    RecordProblem.Rule(rawValue: row["rule"]).map {
                        Refusal(
                            auditId: row["audit_id"], month: row["month"], criterion: row["criterion"], rule: $0,
                            agency: row["agency"], provider: row["provider"])
                    }
                }
        }
    }
}

extension AuditStore.Refusal {
    /// The refusal to log for a diagnostic of `entry`, when it broke a counted rule.
    init?(_ diagnostic: Diagnostic, in entry: RecordEntry) {
        guard let rule = diagnostic.rule else { return nil }
        let advice = entry.record?.advices.first { $0.id == diagnostic.advice }
        self.init(
            auditId: entry.auditId, month: entry.record.map { YearMonth($0.auditDate).description },
            criterion: diagnostic.criterion, rule: rule, agency: advice?.agency.rawValue, provider: advice?.provider)
    }
}
