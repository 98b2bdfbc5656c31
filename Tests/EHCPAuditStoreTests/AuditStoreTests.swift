import EHCPAudit
import EHCPAuditConcurrency
import EHCPAuditSampling
import EHCPAuditTestSupport
import Foundation
import GRDB
import Testing

@testable import EHCPAuditStore

struct AuditStoreTests {
    @Test func migratesFromEmptyAndOpensAgain() throws {
        let store = try temporaryStore()
        #expect(
            try store.status()
                == StoreStatus(audits: 0, frameworks: 0, populations: 0, samples: 0, imports: 0, latestMonth: nil)
        )
        let again = try AuditStore(path: store.path)
        #expect(try again.status().audits == 0)
    }

    /// Opening, verifying and backing up wait for a connection that holds the store for a
    /// moment, as writes do, rather than fail at once with "database is locked"; as long
    /// as the store's busy timeout, and no longer.
    @Test func openingVerifyingAndBackingUpWaitForAStoreHeldForAMoment() throws {
        let path = try store(with: try scoredSamples().map(\.0)).path
        for look in [
            { _ = try AuditStore(path: path) },
            { _ = try AuditStore(path: path, access: .readOnly) },
            { _ = try AuditStore.verify(path: path) },
            { _ = try AuditStore.backup(path: path, to: try temporaryFolder().appendingPathComponent("b").path) },
        ] as [() throws -> Void] {
            var configuration = Configuration()
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
            let holder = try DatabaseQueue(path: path, configuration: configuration)
            try holder.write { db in try db.execute(sql: "PRAGMA user_version = 0") }  // takes the lock and keeps it
            #expect(throws: StoreError.self, "a short wait is as short for the store's identity") {
                try AuditStore(path: path, busyTimeout: 0.05)
            }
            let released = Future<Void> {
                Thread.sleep(forTimeInterval: 0.3)
                try holder.close()
            }
            try look()
            try released.value
        }
    }

    @Test func importsAFileAndLogsIt() throws {
        let store = try temporaryStore()
        let records = try scoredSamples()
        let summary = try AuditImport(into: store, at: "t").transaction(for: "a.json") { session in
            for (record, result) in records {
                let outcome = try session.add(.init(record, result))
                #expect(outcome == .imported)
            }
        }
        #expect(summary.committed && summary.imported == records.count)
        let status = try store.status()
        #expect(status.audits == records.count && status.imports == 1 && status.latestMonth == "2025-06")
    }

    @Test func oneRefusedRecordAndNothingOfTheFileIsStored() throws {
        let store = try temporaryStore()
        let records = try scoredSamples()
        let summary = try AuditImport(into: store, at: "t").transaction(for: "a.json") { session in
            for (i, (record, result)) in records.enumerated() {
                if i == 3 {
                    session.refuse(
                        [
                            AuditStore.Refusal(
                                auditId: "X", criterion: "AD1", rule: .noNeedsAdviceRated, agency: "health",
                                provider: "Trust")
                        ], auditId: "X")
                } else {
                    _ = try session.add(.init(record, result))
                }
            }
        }
        #expect(!summary.committed && summary.refused == 1 && summary.noNeedsRefusals == 1)
        #expect(try store.status().audits == 0)
        #expect(
            try store.loggedRefusals() == [
                AuditStore.Refusal(
                    auditId: "X", criterion: "AD1", rule: .noNeedsAdviceRated, agency: "health", provider: "Trust")
            ])
    }

    @Test func aFileThatCannotBeReadToTheEndStoresNothing() throws {
        struct Broken: Error {}
        let store = try temporaryStore()
        let records = try scoredSamples()
        #expect(throws: Broken.self) {
            try AuditImport(into: store, at: "t").transaction(for: "a.json") { session in
                _ = try session.add(.init(records[0].0, records[0].1))
                throw Broken()
            }
        }
        #expect(try store.status().audits == 0)
    }

    @Test func reimportingIdenticalAuditsChangesNothing() throws {
        let store = try temporaryStore()
        let records = try scoredSamples()
        for _ in 0..<2 {
            _ = try AuditImport(into: store, at: "t").transaction(for: "a.json") { session in
                for (record, result) in records { _ = try session.add(.init(record, result)) }
            }
        }
        let second = try AuditImport(into: store, at: "t").transaction(for: "a.json") { session in
            for (record, result) in records {
                let outcome = try session.add(.init(record, result))
                #expect(outcome == .unchanged)
            }
        }
        #expect(second.unchanged == records.count && second.imported == 0)
        #expect(try store.status().audits == records.count)
    }

    @Test func changedContentIsRefusedUnlessReplacedAndHistoryKeepsTheEarlierVersion() throws {
        let store = try temporaryStore()
        let (record, result) = try scoredSamples()[0]
        _ = try AuditImport(into: store, at: "t1").transaction(for: "a.json") { session in
            _ = try session.add(.init(record, result))
        }
        var changed = record
        changed.auditor = "auditor-99"
        let refused = try AuditImport(into: store, at: "t2").transaction(for: "b.json") { session in
            let outcome = try session.add(.init(changed, result))
            #expect(outcome == .conflict)
        }
        #expect(!refused.committed && refused.refused == 1)
        let replaced = try AuditImport(into: store, at: "t3", replace: true).transaction(for: "b.json") { session in
            let outcome = try session.add(.init(changed, result))
            #expect(outcome == .replaced)
        }
        #expect(replaced.committed && replaced.replaced == 1)
        let history = try store.pool.read { db in
            try DatabaseValue.fetchAll(db, sql: "SELECT record_json FROM audit_history")
        }
        #expect(
            try history.map { try store.recordJSON($0, auditId: record.auditId) } == [RecordJSONWriter.record(record)])
        let auditor = try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT auditor FROM audits WHERE audit_id = ?", arguments: [record.auditId])
        }
        #expect(auditor == "auditor-99")
        #expect(try store.status().audits == 1)
        #expect(try store.recordJSON(auditId: record.auditId) == RecordJSONWriter.record(changed))
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_records") } == 1)
    }

    /// A store made before each audit's JSON had a table of its own (v4) is brought up to
    /// date when opened to write, every audit keeping its JSON; reading it asks for that first.
    @Test func aStoreOfVersion4KeepsEachAuditsRecordWhenUpgraded() throws {
        let path = try temporaryFolder().appendingPathComponent("v4.sqlite").path
        let records = try scoredSamples().prefix(3)
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v4")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO imports VALUES (1, 'a.json', 't', 1, 3, 0, 0, 0)")
            for (record, result) in records {
                try db.execute(
                    sql: """
                        INSERT INTO audits (audit_id, plan_id, framework_id, framework_version, auditor, audit_date,
                            month, kind, status, percent, boundary_grade, grade, sections, ratings, actions, digest,
                            record_json, import_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', ?, ?, 1)
                        """,
                    arguments: [
                        record.auditId, record.planId, record.framework.id, record.framework.version, record.auditor,
                        record.auditDate.description, YearMonth(record.auditDate).description, record.kind.rawValue,
                        record.status.rawValue, result.percent, result.boundaryGrade.id, result.grade.id, "d",
                        RecordJSONWriter.record(record),
                    ])
                try db.execute(
                    sql: "INSERT INTO audit_caps (audit_id, criterion, grade) VALUES (?, 'I1', 'inadequate')",
                    arguments: [record.auditId])
            }
        }
        try queue.close()
        #expect(throws: StoreError.needsUpgrade(path: path)) { try AuditStore(path: path, access: .readOnly) }
        let store = try AuditStore(path: path)
        for (record, _) in records {
            #expect(try store.recordJSON(auditId: record.auditId) == RecordJSONWriter.record(record))
        }
        let columns = try store.pool.read { db in try db.columns(in: "audits").map(\.name) }
        #expect(!columns.contains("record_json") && columns.contains("digest") && columns.contains("moderates"))
        #expect(try store.status().audits == records.count)
        let stored = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT typeof(record_json) FROM audit_records")
        }
        #expect(stored == ["blob", "blob", "blob"], "packed as it is moved")
        let caps = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_caps") }
        #expect(caps == records.count, "the audits table made anew, its caps are kept")
        #expect(try store.pool.read { db in try String.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
    }

    @Test func storesFrameworksByVersionAndRefusesChangedContent() throws {
        let store = try temporaryStore()
        let framework = Project.framework
        #expect(try store.saveFramework(framework, content: "text", file: "f.yaml", at: "t") == .stored)
        #expect(try store.saveFramework(framework, content: "text", file: "f.yaml", at: "t") == .unchanged)
        #expect(throws: StoreError.self) {
            try store.saveFramework(framework, content: "other", file: "f.yaml", at: "t")
        }
        #expect(try store.storedFrameworks().map(\.content) == ["text"])
    }

    @Test func theReferenceKeyIsMadeOnceAndKept() throws {
        let store = try temporaryStore()
        let key = try store.planReferenceKey(generate: PlanReference.newKey)
        #expect(key.count == 32)
        #expect(
            try AuditStore(path: store.path).planReferenceKey(generate: {
                Issue.record("a second key was made")
                return []
            }) == key)
    }

    @Test func populationsAreChosenByTheirAsOfDate() throws {
        let store = try temporaryStore()
        try store.savePopulation(
            [PopulationPlan(planId: "A", locality: "North", lastAudited: CalendarDate("2024-01-01"))],
            asOf: CalendarDate("2025-05-01")!, source: "may.csv", digest: "d1", at: "t")
        try store.savePopulation(
            [PopulationPlan(planId: "B")], asOf: CalendarDate("2025-06-01")!, source: "june.csv", digest: "d2", at: "t")
        #expect(
            try store.population(asOf: CalendarDate("2025-05-31")!)?.plans == [
                PopulationPlan(planId: "A", locality: "North", lastAudited: CalendarDate("2024-01-01"))
            ])
        #expect(try store.population(asOf: CalendarDate("2025-06-30")!)?.source == "june.csv")
        #expect(
            try store.population(asOf: CalendarDate("2025-01-01")!)?.source == "june.csv", "none as early: the latest")
    }

    @Test func aSampleIsRecordedOnceAndRedrawnOnlyOnRequest() throws {
        let store = try temporaryStore()
        let population = (1...40).map { PopulationPlan(planId: "P\($0)", locality: "N") }
        let parameters = try SampleParameters(month: YearMonth("2025-06")!, seed: "one")
        let sample = try SampleDraw.draw(population, parameters: parameters)
        #expect(try store.saveSample(sample, populationDigest: "d", at: "t", replace: false) == .recorded)
        #expect(try store.saveSample(sample, populationDigest: "d", at: "t", replace: false) == .unchanged)
        let other = try SampleDraw.draw(
            population, parameters: try SampleParameters(month: YearMonth("2025-06")!, seed: "two"))
        #expect(throws: StoreError.self) { try store.saveSample(other, populationDigest: "d", at: "t", replace: false) }
        #expect(try store.saveSample(other, populationDigest: "d", at: "t", replace: true) == .replaced)
        let progress = try store.progress(for: ReportPeriod(from: YearMonth("2025-06")!, to: YearMonth("2025-07")!)!)
        #expect(progress.months.map(\.target) == [2, nil])
        #expect(progress.months[0].sampled == 2)
    }

    @Test func progressCountsStoredAuditsAndLastAuditDatesFeedTheSample() throws {
        let store = try temporaryStore()
        let records = try scoredSamples() + scoredSamples("audits-2025-06-late.jsonl")
        _ = try AuditImport(into: store, at: "t").transaction(for: "a") { session in
            for (record, result) in records { _ = try session.add(.init(record, result)) }
        }
        let progress = try store.progress(for: ReportPeriod(month: YearMonth("2025-06")!)).months[0]
        let finals = records.filter { $0.0.status == .final }
        #expect(progress.moderation == finals.filter { $0.0.kind == .moderation }.count)
        #expect(progress.completed == finals.filter { $0.0.kind != .moderation }.count)
        let dates = try store.lastAuditDates()
        #expect(dates["P0003171"] == CalendarDate("2025-06-20"), "the later of the routine audit and its moderation")
        #expect(dates["P0010555"] == nil, "a draft is not an audit")
    }
}
