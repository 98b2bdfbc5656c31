import EHCPAudit
internal import GRDB

/// One file's import in progress, inside its transaction (``AuditImport/transaction(for:_:)``):
/// the audits it adds and the records it refuses, and the moderation links checked at its end.
final class ImportSession {
    let db: Database
    let importId: Int64
    let replace: Bool
    let time: String
    private(set) var summary = AuditImport.Summary(file: "")
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
