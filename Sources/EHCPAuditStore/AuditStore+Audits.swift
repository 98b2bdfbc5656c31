import EHCPAudit
internal import GRDB

extension AuditStore {
    /// One stored audit in a list: what a worklist shows.
    public struct AuditListing: Sendable, Equatable {
        public var auditId: String
        public var planId: String
        public var auditor: String
        public var auditDate: String
        public var kind: String
        public var status: String
        public var grade: String
    }

    /// The latest stored audits, the last stored first: all of them, or one auditor's. (In
    /// the order they were stored, which the table keeps, so that no sort of every audit is
    /// needed for a page's list.)
    public func audits(by auditor: String? = nil, limit: Int = 200) throws -> [AuditListing] {
        try pool.read { db in
            let condition = auditor == nil ? "" : "WHERE auditor = ?"
            let arguments: StatementArguments = auditor.map { [$0] } ?? []
            return try Row.fetchAll(
                db,
                sql: """
                    \(Self.listingColumns) \(condition)
                    ORDER BY rowid DESC LIMIT \(max(0, limit))
                    """, arguments: arguments
            ).map(Self.listing)
        }
    }

    /// A plan's stored audits, newest first.
    public func audits(ofPlan planId: String) throws -> [AuditListing] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    \(Self.listingColumns) WHERE plan_id = ?
                    ORDER BY audit_date DESC, audit_id DESC
                    """, arguments: [planId]
            ).map(Self.listing)
        }
    }

    /// The columns an ``AuditListing`` is read from.
    private static let listingColumns = "SELECT audit_id, plan_id, auditor, audit_date, kind, status, grade FROM audits"

    /// An audit as a list shows it, from a row of ``listingColumns``.
    private static func listing(_ row: Row) -> AuditListing {
        AuditListing(
            auditId: row["audit_id"], planId: row["plan_id"], auditor: row["auditor"], auditDate: row["audit_date"],
            kind: row["kind"], status: row["status"], grade: row["grade"])
    }

    /// A stored audit's canonical JSON, as it was imported.
    public func recordJSON(auditId: String) throws -> String? {
        try pool.read { db in
            try DatabaseValue.fetchOne(
                db, sql: "SELECT record_json FROM audit_records WHERE audit_id = ?", arguments: [auditId]
            ).map { try recordJSON($0, auditId: auditId) }
        }
    }

    /// A record's JSON from its column (of `audit_records` or `audit_history`), packed or not
    /// (``StoredJSON``); throws ``StoreError/laterRecordFormat(path:auditId:version:)`` if a
    /// later version of ehcp-audit packed it, ``StoreError/corrupt(path:detail:)`` if it
    /// cannot be unpacked.
    func recordJSON(_ value: DatabaseValue, auditId: String) throws -> String {
        switch value.storage {
        case .blob(let data):
            do {
                return try StoredJSON.unpack(data)
            } catch .laterVersion(let version) {
                throw StoreError.laterRecordFormat(path: path, auditId: auditId, version: version)
            } catch .damaged(let what) {
                throw StoreError.corrupt(path: path, detail: "the record of audit \(auditId) \(what)")
            }
        case .string(let text):
            return text
        default:
            throw StoreError.corrupt(path: path, detail: "the record of audit \(auditId) is neither text nor packed")
        }
    }

    /// The next free audit id of a month: `AUD-YYYY-MM-NNNN`.
    public func nextAuditId(month: YearMonth) throws -> String {
        try pool.read { db in
            let prefix = "AUD-\(month)-"
            let ids = try String.fetchAll(
                db, sql: "SELECT audit_id FROM audits WHERE audit_id LIKE ? || '%'", arguments: [prefix])
            let highest = ids.compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0
            let number = String(highest + 1)
            return prefix + String(repeating: "0", count: max(0, 4 - number.count)) + number
        }
    }
}
