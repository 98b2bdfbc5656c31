import EHCPAudit
import EHCPAuditSampling
internal import GRDB

extension AuditStore {
    /// A stored population snapshot.
    public struct StoredPopulation: Sendable, Equatable {
        public var id: Int64
        public var asOf: CalendarDate
        public var source: String
        public var digest: String
        public var plans: [PopulationPlan]
    }

    /// Stores a snapshot of open plans as of a date; returns its id.
    @discardableResult
    public func savePopulation(
        _ plans: [PopulationPlan], asOf: CalendarDate, source: String, digest: String, at time: String
    ) throws -> Int64 {
        try savePopulation(asOf: asOf, source: source, digest: digest, at: time) { add in
            for plan in plans { try add(plan) }
        }
    }

    /// Stores a snapshot whose plans `body` hands over one at a time, in one transaction:
    /// if `body` throws, nothing is stored. Returns the snapshot's id. (`PopulationImport`
    /// reads a file into it as the plans are stored.)
    @discardableResult
    package func savePopulation(
        asOf: CalendarDate, source: String, digest: String, at time: String,
        _ body: (_ add: (PopulationPlan) throws -> Void) throws -> Void
    ) throws -> Int64 {
        try pool.write { db in
            try db.execute(
                sql: "INSERT INTO populations (as_of, source, digest, plans, imported_at) VALUES (?, ?, ?, 0, ?)",
                arguments: [asOf.description, source, digest, time])
            let id = db.lastInsertedRowID
            let insert = try RowInsert(
                db,
                sql: """
                    INSERT INTO population_plans (population_id, plan_id, locality, phase, primary_need, team, \
                    caseworker, plan_start, last_audited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            var count = 0
            try body { plan in
                try insert.run { row in
                    row.integer(id)
                    row.text(plan.planId)
                    row.text(plan.locality)
                    row.text(plan.phase)
                    row.text(plan.primaryNeed)
                    row.text(plan.team)
                    row.text(plan.caseworker)
                    row.text(plan.planStart?.description)
                    row.text(plan.lastAudited?.description)
                }
                count += 1
            }
            try db.execute(sql: "UPDATE populations SET plans = ? WHERE id = ?", arguments: [count, id])
            return id
        }
    }

    /// The latest snapshot as of `date` or earlier (the latest of all when none is).
    public func population(asOf date: CalendarDate) throws -> StoredPopulation? {
        try pool.read { db in
            let row =
                try Row.fetchOne(
                    db, sql: "SELECT * FROM populations WHERE as_of <= ? ORDER BY as_of DESC, id DESC LIMIT 1",
                    arguments: [date.description])
                ?? Row.fetchOne(db, sql: "SELECT * FROM populations ORDER BY as_of DESC, id DESC LIMIT 1")
            guard let row else { return nil }
            let id: Int64 = row["id"]
            var plans: [PopulationPlan] = []
            plans.reserveCapacity(row["plans"])
            let rows = try Row.fetchCursor(
                db, sql: "SELECT * FROM population_plans WHERE population_id = ?", arguments: [id])
            while let plan = try rows.next() { plans.append(Self.populationPlan(plan)) }
            guard let asOf = CalendarDate(row["as_of"] as String) else {
                throw StoreError.corrupt(
                    path: path,
                    detail: "population \(id) has as-of date \"\(row["as_of"] as String)\", which is not a date")
            }
            return StoredPopulation(id: id, asOf: asOf, source: row["source"], digest: row["digest"], plans: plans)
        }
    }

    /// The plan as the latest stored population snapshot holding it describes it, if any.
    public func populationPlan(_ planId: String) throws -> PopulationPlan? {
        try pool.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT pp.* FROM population_plans pp JOIN populations p ON p.id = pp.population_id
                    WHERE pp.plan_id = ? ORDER BY p.as_of DESC, p.id DESC LIMIT 1
                    """, arguments: [planId])
        }.map(Self.populationPlan)
    }

    /// A plan from a row of `population_plans`.
    private static func populationPlan(_ plan: Row) -> PopulationPlan {
        PopulationPlan(
            planId: plan["plan_id"], locality: plan["locality"], phase: plan["phase"],
            primaryNeed: plan["primary_need"],
            team: plan["team"], caseworker: plan["caseworker"],
            planStart: (plan["plan_start"] as String?).flatMap { CalendarDate($0) },
            lastAudited: (plan["last_audited"] as String?).flatMap { CalendarDate($0) })
    }

    /// The latest final audit date of each plan, for the look-back window.
    public func lastAuditDates() throws -> [String: CalendarDate] {
        try pool.read { db in
            var dates: [String: CalendarDate] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT plan_id, MAX(audit_date) AS last FROM audits WHERE status = 'final' GROUP BY plan_id")
            while let row = try rows.next() {
                if let date = CalendarDate(row["last"] as String) { dates[row["plan_id"]] = date }
            }
            return dates
        }
    }
}
