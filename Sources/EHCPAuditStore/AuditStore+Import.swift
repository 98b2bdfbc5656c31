import EHCPAudit
import EHCPAuditFormats
internal import GRDB

extension AuditStore {
    /// How one file's import ended.
    public struct ImportSummary: Sendable, Equatable {
        public var file: String
        public var imported = 0
        public var unchanged = 0
        /// Imported over an earlier version (kept in history), with `--replace`.
        public var replaced = 0
        public var refused = 0
        /// Records refused for rating a needs-dependent criterion of a no-needs advice.
        public var noNeedsRefusals = 0
        /// False when any record was refused, so nothing of the file was stored.
        public var committed = false

        public init(file: String) {
            self.file = file
        }
    }

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

    /// What happened to one record during an import, for the caller to show as it goes.
    public enum ImportEvent: Sendable {
        /// The record could not be read or scored; these are every reason. Nothing of the
        /// file will be stored.
        case refused([Diagnostic])
        /// The record's auditId is stored with other content and `replace` was not asked
        /// for: ``StoreError/auditConflict(id:)``, at the record's place in the file.
        case conflict(Diagnostic, StoreError)
        /// A record was read (stored or not): how many so far, and how many bytes.
        case progress(records: Int, bytes: Int)
    }

    /// Scores every record of `source` against the framework it names and stores the
    /// file whole or not at all: one refused record and nothing of it is kept. An
    /// identical audit already stored is left as it is; the same auditId with other
    /// content is refused unless `replace`, which keeps the earlier version in history.
    /// A moderation audit's `moderates` must name an audit of the same plan, stored or in
    /// the file (docs/records.md); it is checked when the file has been read.
    /// The attempt is logged either way, with its counted refusals.
    ///
    /// Throws the source's `Diagnostic` when the file cannot be read to its end (nothing
    /// is stored then either).
    ///
    /// ```swift
    /// let source = try RecordReader.source(bytes: body, name: "request.json")   // EHCPAuditKit
    /// let summary = try store.importRecords(from: source, scoringWith: try store.frameworkCatalog(),
    ///                                       at: "2025-07-01T09:00:00Z") { event in print(event) }
    /// summary.committed   // false when any record was refused
    /// ```
    public func importRecords(
        from source: RecordSource, scoringWith catalog: FrameworkCatalog, at time: String, replace: Bool = false,
        observe: (ImportEvent) -> Void = { _ in }
    ) throws -> ImportSummary {
        try importRecords(file: source.file, at: time, replace: replace, observe: observe) { () throws(Diagnostic) in
            try source.next().map {
                PreparedRecord($0, scoringWith: catalog, file: source.file, bytesRead: source.bytesRead)
            }
        }
    }

    /// Stores the records `next` gives until it gives nil, exactly as
    /// ``importRecords(from:scoringWith:at:replace:observe:)`` does: whole or not at all,
    /// logged either way. For a reader that prepares records on a thread of its own.
    public func importRecords(
        file: String, at time: String, replace: Bool = false, observe: (ImportEvent) -> Void = { _ in },
        next: () throws(Diagnostic) -> PreparedRecord?
    ) throws -> ImportSummary {
        try importFile(file, at: time, replace: replace) { session in
            while let prepared = try next() {
                switch prepared.content {
                case .audit(let audit):
                    let outcome = try session.add(audit)
                    if outcome == .conflict {
                        let error = StoreError.auditConflict(id: audit.record.auditId)
                        let place = Diagnostic(
                            file: file, line: prepared.line, recordIndex: prepared.index,
                            auditId: audit.record.auditId, message: error.description)
                        observe(.conflict(place, error))
                    } else if let moderates = audit.record.moderates {
                        session.links.append(
                            ModerationLink(
                                prepared: prepared, auditId: audit.record.auditId, planId: audit.record.planId,
                                moderates: moderates, outcome: outcome))
                    }
                case .refused(let diagnostics, let refusals):
                    observe(.refused(diagnostics))
                    session.refuse(refusals, auditId: prepared.auditId)
                }
                observe(.progress(records: prepared.index, bytes: prepared.bytesRead))
            }
            for diagnostic in try session.refuseBrokenLinks(file: file) { observe(.refused([diagnostic])) }
        }
    }

    /// Imports one file atomically: `body` adds its records one at a time to the session,
    /// all in one transaction, which is committed only if no record was refused. The
    /// attempt is logged either way, with its counted refusals.
    func importFile(
        _ file: String, at time: String, replace: Bool, _ body: (ImportSession) throws -> Void
    ) throws -> ImportSummary {
        try pool.writeWithoutTransaction { db in
            var summary = ImportSummary(file: file)
            var refusals: [Refusal] = []
            var failure: Error?
            try db.inTransaction(.immediate) {
                try db.execute(
                    sql:
                        """
                        INSERT INTO imports (file, started_at, committed, imported, unchanged, refused, \
                        no_needs_refusals) VALUES (?, ?, 1, 0, 0, 0, 0)
                        """,
                    arguments: [file, time])
                let session = ImportSession(db: db, importId: db.lastInsertedRowID, replace: replace, time: time)
                do {
                    try body(session)
                } catch {
                    failure = error
                }
                summary = session.summary
                refusals = session.refusals
                summary.file = file
                guard failure == nil, summary.refused == 0 else { return .rollback }
                try db.execute(
                    sql: "UPDATE imports SET imported = ?, unchanged = ? WHERE id = ?",
                    arguments: [summary.imported + summary.replaced, summary.unchanged, session.importId])
                summary.committed = true
                return .commit
            }
            if !summary.committed {
                try db.inTransaction {
                    try db.execute(
                        sql:
                            """
                            INSERT INTO imports (file, started_at, committed, imported, unchanged, refused, \
                            no_needs_refusals) VALUES (?, ?, 0, 0, 0, ?, ?)
                            """,
                        arguments: [file, time, summary.refused, summary.noNeedsRefusals])
                    let id = db.lastInsertedRowID
                    for refusal in refusals {
                        try db.execute(
                            sql:
                                """
                                INSERT INTO import_refusals (import_id, audit_id, month, criterion, rule, agency, \
                                provider) VALUES (?, ?, ?, ?, ?, ?, ?)
                                """,
                            arguments: [
                                id, refusal.auditId, refusal.month, refusal.criterion, refusal.rule.rawValue,
                                refusal.agency, refusal.provider,
                            ])
                    }
                    return .commit
                }
            }
            if let failure { throw failure }
            return summary
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

/// One file's import in progress, inside its transaction.
final class ImportSession {
    let db: Database
    let importId: Int64
    let replace: Bool
    let time: String
    private(set) var summary = AuditStore.ImportSummary(file: "")
    private(set) var refusals: [AuditStore.Refusal] = []

    init(db: Database, importId: Int64, replace: Bool, time: String) {
        self.db = db
        self.importId = importId
        self.replace = replace
        self.time = time
    }

    enum Outcome: Sendable, Equatable {
        case imported, unchanged, replaced
        /// Refused: the same auditId is stored with other content.
        case conflict
    }

    /// Stores a scored record with its canonical JSON, kept whole so nothing is lost, and
    /// that JSON's digest; an identical re-import is a no-op.
    func add(_ audit: PreparedRecord.Audit) throws -> Outcome {
        let record = audit.record, digest = audit.digest
        // Most audits are new: try the insert first and look at the stored one only if
        // the auditId is taken.
        if try insert(audit) {
            summary.imported += 1
            return .imported
        }
        let stored = try String.fetchOne(
            db, sql: "SELECT digest FROM audits WHERE audit_id = ?", arguments: [record.auditId])
        if stored == digest {
            summary.unchanged += 1
            return .unchanged
        }
        guard replace else {
            summary.refused += 1
            return .conflict
        }
        try db.execute(
            sql:
                """
                INSERT INTO audit_history (audit_id, replaced_at, digest, record_json, import_id) SELECT \
                a.audit_id, ?, a.digest, r.record_json, a.import_id FROM audits a JOIN audit_records r \
                ON r.audit_id = a.audit_id WHERE a.audit_id = ?
                """,
            arguments: [time, record.auditId])
        // Its record, caps and advices go with it (ON DELETE CASCADE).
        try db.execute(sql: "DELETE FROM audits WHERE audit_id = ?", arguments: [record.auditId])
        _ = try insert(audit)
        summary.replaced += 1
        return .replaced
    }

    /// The moderation audits added so far, whose links are checked when the file ends.
    var links: [ModerationLink] = []
    /// The auditIds of the file's refused records.
    private var refusedIds: Set<String> = []

    /// Counts a refused record; `refusals` are kept in the log: the counted rules it broke.
    func refuse(_ refusals: [AuditStore.Refusal], auditId: String?) {
        if let auditId { refusedIds.insert(auditId) }
        summary.refused += 1
        if refusals.contains(where: { $0.rule == .noNeedsAdviceRated }) { summary.noNeedsRefusals += 1 }
        self.refusals += refusals
    }

    /// Refuses each moderation audit of the file whose `moderates` names no audit of its
    /// plan, stored or in this file (the file's own are in the transaction by now), and
    /// returns why, one diagnostic each. A link to a record of the file that was refused
    /// is left alone: the file is refused already, and that record's problems say why.
    func refuseBrokenLinks(file: String) throws -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for link in links where !refusedIds.contains(link.moderates) {
            let plan = try String.fetchOne(
                db, sql: "SELECT plan_id FROM audits WHERE audit_id = ?", arguments: [link.moderates])
            if plan == link.planId { continue }
            let message =
                plan.map {
                    """
                    moderates \(link.moderates), an audit of plan \($0), but this audit is of plan \(link.planId): \
                    a moderation audit moderates an audit of the same plan; check moderates and planId
                    """
                }
                    ?? """
                    moderates \(link.moderates), which is neither stored nor in this file: name the stored audit \
                    of plan \(link.planId) that this one moderates, or import that audit first or with it
                    """
            diagnostics.append(
                Diagnostic(
                    file: file, line: link.line, recordIndex: link.index, auditId: link.auditId,
                    path: "\(link.root).moderates", message: message))
            switch link.outcome {
            case .imported: summary.imported -= 1
            case .unchanged: summary.unchanged -= 1
            case .replaced: summary.replaced -= 1
            case .conflict: break
            }
            summary.refused += 1
        }
        return diagnostics
    }

    /// Inserts the audit and its rows; false (nothing written) when its auditId is taken.
    private func insert(_ audit: PreparedRecord.Audit) throws -> Bool {
        let record = audit.record, result = audit.result, plan = record.plan
        try RowInsert(
            db,
            sql: """
                INSERT INTO audits (audit_id, plan_id, framework_id, framework_version, auditor, audit_date, month,
                    kind, status, moderates, locality, phase, primary_need, team, caseworker, plan_type, request_date,
                    issue_date, timeliness_exception, percent, boundary_grade, grade, sections, ratings, actions,
                    digest, import_id, plan_checks)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(audit_id) DO NOTHING
                """
        ).run { row in
            row.text(record.auditId)
            row.text(record.planId)
            row.text(record.framework.id)
            row.text(record.framework.version)
            row.text(record.auditor)
            row.text(record.auditDate.description)
            row.text(YearMonth(record.auditDate).description)
            row.text(record.kind.rawValue)
            row.text(record.status.rawValue)
            row.text(record.moderates)
            row.text(plan.locality)
            row.text(plan.phase?.rawValue)
            row.text(plan.primaryNeed?.rawValue)
            row.text(plan.team)
            row.text(plan.caseworker)
            row.text(plan.planType?.rawValue)
            row.text(plan.requestDate?.description)
            row.text(plan.issueDate?.description)
            row.boolean(plan.timelinessException)
            row.real(result.percent)
            row.text(result.boundaryGrade.id)
            row.text(result.grade.id)
            row.text(audit.sections)
            row.text(audit.ratings)
            row.text(audit.actions)
            row.text(audit.digest)
            row.integer(importId)
            row.text(audit.planChecks)
        }
        guard db.changesCount > 0 else { return false }
        try RowInsert(db, sql: "INSERT INTO audit_records (audit_id, record_json) VALUES (?, ?)").run { row in
            row.text(record.auditId)
            row.json(audit.json)
        }
        if !result.caps.isEmpty {
            let cap = try RowInsert(db, sql: "INSERT INTO audit_caps (audit_id, criterion, grade) VALUES (?, ?, ?)")
            for c in result.caps {
                try cap.run { row in
                    row.text(record.auditId)
                    row.text(c.criterion)
                    row.text(c.grade.id)
                }
            }
        }
        if !record.advices.isEmpty {
            let advice = try RowInsert(
                db,
                sql:
                    """
                    INSERT INTO audit_advices (audit_id, advice_id, agency, provider, role, requested, received, \
                    status, percent, grade, days, timely, timeliness_exception, ratings) \
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            )
            for ((a, scored), ratings) in zip(zip(record.advices, result.advices), audit.adviceRatings) {
                try advice.run { row in
                    row.text(record.auditId)
                    row.text(a.id)
                    row.text(a.agency.rawValue)
                    row.text(a.provider)
                    row.text(a.role)
                    row.text(a.requested?.description)
                    row.text(a.received?.description)
                    row.text(a.status.rawValue)
                    row.real(scored.percent)
                    row.text(scored.grade?.id)
                    row.integer(scored.days)
                    row.boolean(scored.timely)
                    row.boolean(a.timelinessException)
                    row.text(ratings)
                }
            }
        }
        return true
    }
}

/// A moderation audit of the file being imported and the audit it names, checked when the
/// file has been read (``ImportSession/refuseBrokenLinks(file:)``).
struct ModerationLink {
    var index: Int
    var root: String
    var line: Int?
    var auditId: String
    var planId: String
    var moderates: String
    /// What became of the moderation audit, undone in the counts if the link is broken.
    var outcome: ImportSession.Outcome

    init(prepared: PreparedRecord, auditId: String, planId: String, moderates: String, outcome: ImportSession.Outcome) {
        index = prepared.index
        root = prepared.root
        line = prepared.line
        self.auditId = auditId
        self.planId = planId
        self.moderates = moderates
        self.outcome = outcome
    }
}
