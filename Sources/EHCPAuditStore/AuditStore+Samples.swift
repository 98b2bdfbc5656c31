import EHCPAudit
import EHCPAuditSampling
internal import GRDB

extension AuditStore {
    public enum SampleOutcome: Sendable, Equatable { case recorded, unchanged, replaced }

    /// Records a drawn sample with its inputs. Drawing the same month again with the same
    /// inputs is a no-op; with other inputs it is refused unless `replace`.
    @discardableResult
    public func saveSample(
        _ sample: Sample, populationDigest: String, at time: String, replace: Bool
    ) throws -> SampleOutcome {
        let p = sample.parameters
        let strata = p.strata.map(\.rawValue).joined(separator: ",")
        return try pool.write { db in
            var outcome = SampleOutcome.recorded
            if let row = try Row.fetchOne(
                db, sql: "SELECT seed, rate, strata, lookback, population_digest FROM samples WHERE month = ?",
                arguments: [p.month.description])
            {
                let same =
                    row["seed"] == p.seed && row["rate"] == p.rate && row["strata"] == strata
                    && row["lookback"] == p.lookback && row["population_digest"] == populationDigest
                if same { return .unchanged }
                guard replace else {
                    throw StoreError.sampleAlreadyDrawn(
                        month: p.month.description,
                        inputs:
                            """
                            seed \(row["seed"] as String), rate \(row["rate"] as Double), strata \
                            \(row["strata"] as String), look-back \(row["lookback"] as Int), population \
                            \((row["population_digest"] as String).prefix(12))
                            """
                    )
                }
                try db.execute(sql: "DELETE FROM samples WHERE month = ?", arguments: [p.month.description])
                outcome = .replaced
            }
            try db.execute(
                sql:
                    """
                    INSERT INTO samples (month, seed, rate, strata, lookback, population_digest, population, \
                    eligible, target, drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    p.month.description, p.seed, p.rate, strata, p.lookback, populationDigest, sample.population,
                    sample.eligible, sample.target, time,
                ])
            let insert = try db.cachedStatement(
                sql:
                    """
                    INSERT INTO sample_plans (month, position, plan_id, stratum, rank, recent) VALUES (?, ?, ?, \
                    ?, ?, ?)
                    """
            )
            for (i, selection) in sample.selected.enumerated() {
                try insert.execute(arguments: [
                    p.month.description, i, selection.planId, selection.stratum, selection.rank, selection.recent,
                ])
            }
            return outcome
        }
    }

    /// Progress for each month of `period` (docs/sampling.md, "Progress against the target"),
    /// counting audits under every framework, or under one framework id (as the monthly
    /// report of that framework does).
    public func progress(for period: ReportPeriod, framework: String? = nil) throws -> ProgressReport {
        try pool.read { db in
            var months: [MonthProgress] = []
            var month = period.first
            while month <= period.last {
                let key = month.description
                var sample: (population: Int, target: Int, plans: Set<String>)?
                if let row = try Row.fetchOne(
                    db, sql: "SELECT population, target FROM samples WHERE month = ?", arguments: [key])
                {
                    sample = (
                        row["population"], row["target"],
                        try String.fetchSet(
                            db, sql: "SELECT plan_id FROM sample_plans WHERE month = ?", arguments: [key])
                    )
                }
                var audits: [AuditFact] = []
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT plan_id, audit_date, kind, status FROM audits
                        WHERE month = ? AND (? IS NULL OR framework_id = ?)
                        """, arguments: [key, framework, framework])
                while let row = try rows.next() {
                    guard let date = CalendarDate(row[1] as String), let kind = AuditKind(rawValue: row[2]),
                        let status = AuditStatus(rawValue: row[3])
                    else { continue }
                    audits.append(AuditFact(planId: row[0], date: date, kind: kind, status: status))
                }
                months.append(MonthProgress.compute(month: month, sample: sample, audits: audits))
                month = month.adding(months: 1)
            }
            return ProgressReport(months: months)
        }
    }
}

extension AuditStore {
    /// Draws the month's sample and keeps it with its inputs. The population is the one
    /// given (its plans and the digest of the file they came from) or else the latest
    /// stored snapshot as of the month's last day; each plan's last audit is the later of
    /// its own `lastAudited` and the store's final audits. Throws
    /// ``StoreError/noPopulation(month:)``, `SampleError`, or
    /// ``StoreError/sampleAlreadyDrawn(month:inputs:)`` when the month was drawn with other
    /// inputs and `replace` is false.
    ///
    /// ```swift
    /// let parameters = try SampleParameters(month: YearMonth("2025-07")!, seed: "july")
    /// let sample = try store.drawSample(parameters, at: "2025-07-01T09:00:00Z")
    /// sample.selected.count   // the target: 5% of the open plans, rounded up
    /// ```
    public func drawSample(
        _ parameters: SampleParameters, population: (plans: [PopulationPlan], digest: String)? = nil,
        at time: String, replace: Bool = false
    ) throws -> Sample {
        let month = parameters.month
        let chosen = try population ?? self.population(asOf: month.lastDay).map { ($0.plans, $0.digest) }
        guard let (plans, digest) = chosen else { throw StoreError.noPopulation(month: month.description) }
        let sample = try SampleDraw.draw(plans, parameters: parameters, lastAudits: try lastAuditDates())
        try saveSample(sample, populationDigest: digest, at: time, replace: replace)
        return sample
    }
}
