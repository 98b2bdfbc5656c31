import EHCPAuditTestSupport
import Foundation
import GRDB
import Testing

@testable import EHCPAuditStore

/// Importing what records.md allows and refuses: incomplete drafts, stored and never
/// reported, and moderation audits whose `moderates` must name an audit of their plan.
struct AuditStoreImportTests {
    /// A store holding the default framework and nothing else.
    func emptyStore() throws -> AuditStore {
        let store = try temporaryStore()
        let text = try String(contentsOfFile: Project.path("criteria/ehcp-qa.yaml"), encoding: .utf8)
        try store.addFramework(text: text, file: "ehcp-qa.yaml", at: "t")
        return store
    }

    /// Imports `records` written as one JSON or XML file; what was refused, as text.
    func importing(
        _ records: [AuditRecord], as format: String, into store: AuditStore, name: String = "upload"
    ) throws -> (summary: AuditImport.Summary, errors: [String]) {
        let text =
            format == "xml"
            ? "<audits xmlns=\"urn:ehcp-audit:record:1\">\n" + (try records.map(RecordXMLWriter.record).joined())
                + "</audits>\n"
            : "[" + records.map(RecordJSONWriter.record).joined(separator: ",\n") + "]"
        let source = try RecordReader.source(bytes: Array(text.utf8), name: "\(name).\(format)")
        var errors: [String] = []
        let summary = try AuditImport(into: store, at: "t").run(source, scoringWith: try store.frameworkCatalog()) {
            if case .refused(let diagnostics) = $0 { errors += diagnostics.map(\.description) }
        }
        return (summary, errors)
    }

    /// The first sample audit half done: five plan criteria judged, and one criterion of each
    /// advice it judges.
    static func halfDone(_ status: AuditStatus = .draft) throws -> AuditRecord {
        var record = try scoredSamples()[0].0
        record.status = status
        record.judgements = Array(record.judgements.prefix(5))
        record.advices = record.advices.map { advice in
            var advice = advice
            advice.judgements = Array(advice.judgements.prefix(1))
            return advice
        }
        return record
    }

    @Test(arguments: ["json", "xml"])
    func anIncompleteDraftIsStoredWithItsProvisionalResult(_ format: String) throws {
        let store = try emptyStore()
        let draft = try Self.halfDone()
        #expect(draft.advices.contains { $0.status.isJudged })
        let (summary, errors) = try importing([draft], as: format, into: store)
        #expect(errors.isEmpty && summary.committed && summary.imported == 1)
        let expected = try Project.catalog.score(draft)
        #expect(expected.isProvisional)
        let row = try #require(
            try store.pool.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT status, percent, grade FROM audits WHERE audit_id = ?", arguments: [draft.auditId])
            })
        #expect(row["status"] as String == "draft")
        #expect(row["percent"] as Double == expected.percent && row["grade"] as String == expected.grade.id)
    }

    @Test(arguments: ["json", "xml"])
    func theSameRecordAsFinalIsRefusedWithEveryMissingCriterion(_ format: String) throws {
        let store = try emptyStore()
        let final = try Self.halfDone(.final)
        let (summary, errors) = try importing([final], as: format, into: store)
        #expect(!summary.committed && summary.refused == 1)
        let judgedAdvices = final.advices.filter(\.status.isJudged).count
        let adviceCriteria = Project.framework.advice!.criteria.count
        let missing = Project.framework.sections.flatMap(\.criteria).count - 5 + judgedAdvices * (adviceCriteria - 1)
        let noJudgement = errors.filter { $0.contains("has no judgement") }
        #expect(noJudgement.count == missing && errors.count == missing)
        let first = Project.framework.sections.flatMap(\.criteria)[5].id
        #expect(
            noJudgement.contains {
                $0.contains("upload.\(format)") && $0.contains("record #1 \(final.auditId)")
                    && $0.contains("criterion \(first) has no judgement")
            })
        #expect(try store.status().audits == 0)
    }

    /// Everything an incomplete draft holds is checked as for a final audit: each case
    /// changes the first match of a pattern in the draft's JSON.
    @Test(arguments: [
        (
            "a malformed date", #""auditDate":"[^"]*""#, #""auditDate":"2025-06-31""#,
            "must be an ISO date YYYY-MM-DD that exists"
        ),
        ("an unknown rating", #""rating":"[^"]*""#, #""rating":"excellent""#, "unknown rating \"excellent\""),
        (
            "a rated no-needs advice", #""status":"received""#, #""status":"no-needs-identified""#,
            "identified no needs"
        ),
        ("a personal data field", #""planId":"#, #""childName":"Sam","planId":"#, "unknown field \"childName\""),
        (
            "a name in a reference", #""planId":"[^"]*""#, #""planId":"Jack Smith 12/03/2015""#,
            "looks like personal data"
        ),
    ])
    func aDraftIsStillRefusedForWhatItHolds(
        _ what: String, _ pattern: String, _ change: String, _ message: String
    )
        throws
    {
        var draft = try Self.halfDone()
        // A received advice whose needs-dependent criterion is rated, so that it breaks the
        // no-needs rule once marked as having identified none.
        let needs = try #require(Project.framework.advice?.criteria.first { $0.needsDependent })
        draft.advices = [
            Advice(
                id: "ADV-1", agency: .health, status: .received,
                judgements: [Judgement(criterion: needs.id, rating: "good")])
        ]
        var text = RecordJSONWriter.record(draft)
        let range = try #require(text.range(of: pattern, options: .regularExpression))
        text.replaceSubrange(range, with: change)
        let store = try emptyStore()
        let source = try RecordReader.source(bytes: Array(text.utf8), name: "draft.json")
        var errors: [String] = []
        let summary = try AuditImport(into: store, at: "t").run(source, scoringWith: try store.frameworkCatalog()) {
            if case .refused(let diagnostics) = $0 { errors += diagnostics.map(\.description) }
        }
        #expect(!summary.committed, "\(what)")
        #expect(errors.contains { $0.contains(message) && $0.contains("draft.json") }, "\(what): \(errors)")
        #expect(!errors.contains { $0.contains("has no judgement") }, "\(what)")
    }

    @Test func aStoredIncompleteDraftChangesNoReport() throws {
        let records = ReportQueryTests.records
        let store = try store(with: records)
        let month = YearMonth("2025-06")!
        let period = ReportPeriod(from: YearMonth("2025-04")!, to: month)!
        /// Every report over the month and the period, each compared as a value.
        struct Reports: Equatable {
            var monthly: [MonthlyReport]
            var advice: AdviceReport
            var moderation: ModerationReport
            var reaudits: [Reaudit]
            var progress: ProgressReport
            /// What the learning packs are built from, by group: the packs themselves add up
            /// doubles in dictionary order, so two builds may differ in the last bit.
            var learning: [[String: GroupFacts]]
            var framework: Framework
        }
        func reports() throws -> Reports {
            let framework = try store.reportFramework(for: period)
            return Reports(
                monthly: [
                    try store.monthlyReport(for: month, isPublic: false),
                    try store.monthlyReport(for: month, isPublic: true),
                ],
                advice: try store.adviceReport(for: period),
                moderation: try store.moderationReport(for: period, informs: [:]),
                reaudits: try store.reaudits(for: period, framework: framework),
                progress: try store.progress(for: period),
                learning: try LearningReport.Grouping.allCases.flatMap { grouping in
                    try [period, period.previous].map { period in
                        Dictionary(
                            uniqueKeysWithValues: try store.groupFacts(grouping, for: period, framework: framework.id)
                                .map { ($0.group ?? "", $0) })
                    }
                },
                framework: framework)
        }
        let before = try reports()
        // Half-done drafts of every kind, of plans already audited, in the report's months.
        let drafts = records.filter { $0.status == .final }.prefix(12).enumerated().map { n, record in
            var draft = record
            draft.auditId = "DRAFT-\(n)"
            draft.status = .draft
            draft.judgements = draft.judgements.enumerated().filter { $0.offset % 4 == 0 }.map { $0.element }
            draft.judgements = draft.judgements.map { judgement in
                var judgement = judgement
                if judgement.rating != "na" { judgement.rating = "inadequate" }
                return judgement
            }
            draft.advices = draft.advices.map { advice in
                var advice = advice
                advice.judgements = Array(advice.judgements.prefix(1))
                return advice
            }
            return draft
        }
        #expect(Set(drafts.map(\.kind)).count > 1)
        let (summary, errors) = try importing(drafts, as: "json", into: store)
        #expect(errors.isEmpty && summary.committed && summary.imported == drafts.count)
        let after = try reports()
        #expect(after.monthly == before.monthly && after.advice == before.advice)
        #expect(after.moderation == before.moderation && after.reaudits == before.reaudits)
        #expect(after.progress == before.progress && after.learning == before.learning)
        #expect(after.framework == before.framework)
    }

    @Test func moderatesMustNameAnAuditOfTheSamePlanStoredOrInTheFile() throws {
        let store = try emptyStore()
        let samples = try scoredSamples().map(\.0)
        let routine = try #require(samples.first { $0.kind == .routine && $0.moderates == nil })
        let other = try #require(samples.first { $0.kind == .routine && $0.planId != routine.planId })
        func moderation(_ id: String, of target: String, plan: String? = nil) -> AuditRecord {
            var record = routine
            record.auditId = id
            record.kind = .moderation
            record.auditor = "auditor-99"
            record.moderates = target
            record.planId = plan ?? routine.planId
            return record
        }
        // In the same file, even after the audit it names; then stored.
        var result = try importing([moderation("M-1", of: routine.auditId), routine], as: "json", into: store)
        #expect(result.errors.isEmpty && result.summary.committed && result.summary.imported == 2)
        result = try importing([moderation("M-2", of: routine.auditId)], as: "xml", into: store)
        #expect(result.errors.isEmpty && result.summary.committed)

        result = try importing(
            [other, moderation("M-3", of: "AUD-NOPE"), moderation("M-4", of: other.auditId)],
            as: "json", into: store, name: "links")
        #expect(!result.summary.committed && result.summary.refused == 2 && result.summary.imported == 1)
        #expect(result.errors.count == 2)
        #expect(
            result.errors[0].hasSuffix(
                """
                error: record #2 M-3 at $[1].moderates: moderates AUD-NOPE, which is neither stored nor in this \
                file: name the stored audit of plan \(routine.planId) that this one moderates, or import that audit \
                first or with it
                """))
        #expect(result.errors[0].hasPrefix("links.json:"))
        #expect(
            result.errors[1].contains(
                "record #3 M-4 at $[2].moderates: moderates \(other.auditId), an audit of plan \(other.planId), but "
                    + "this audit is of plan \(routine.planId)"))
        #expect(try store.status().audits == 3)

        // A moderation audit whose target is refused in the same file gets no second error.
        var broken = other
        broken.auditDate = CalendarDate("2025-06-01")!
        broken.judgements = []
        result = try importing(
            [broken, moderation("M-5", of: other.auditId, plan: other.planId)], as: "json", into: store)
        #expect(!result.summary.committed && !result.errors.contains { $0.contains("moderates") })
    }
}
