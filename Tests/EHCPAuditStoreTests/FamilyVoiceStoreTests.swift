import EHCPAudit
import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditStore

/// The family's view beside the auditor's from the store: plan audits and family-voice
/// records joined by plan, the latest counted one of each in the twelve months.
struct FamilyVoiceStoreTests {
    let june = YearMonth("2025-06")!
    let family = try! FrameworkLoader.load(path: Project.path("criteria/family-voice.yaml"))

    func store(_ files: [String], extra: [String] = []) throws -> AuditStore {
        let store = try temporaryStore()
        for name in ["ehcp-qa.yaml", "family-voice.yaml"] {
            let text = try String(contentsOfFile: Project.path("criteria/" + name), encoding: .utf8)
            try store.addFramework(text: text, file: name, at: "t")
        }
        let samples = try files.map { try String(contentsOfFile: Project.path("samples/" + $0), encoding: .utf8) }
        for (n, body) in (samples + extra.map { "[\($0)]" }).enumerated() {
            let source = try RecordReader.source(bytes: Array(body.utf8), name: "file-\(n).json")
            var problems: [String] = []
            let summary = try AuditImport(into: store, at: "t").run(source, scoringWith: try store.frameworkCatalog()) {
                if case .refused(let diagnostics) = $0 { problems += diagnostics.map(\.description) }
            }
            #expect(summary.committed, "\(problems)")
        }
        return store
    }

    /// A family-voice record answering every statement `rating`.
    func record(_ id: String, plan: String, date: String, rating: String, status: String = "final") -> String {
        let judgements = (1...6).map { #"{"criterion":"FV\#($0)","rating":"\#(rating)"}"# }.joined(separator: ",")
        return """
            {"auditId":"\(id)","planId":"\(plan)","framework":{"id":"family-voice","version":"2025.1"},
            "auditor":"fv-01","auditDate":"\(date)","kind":"routine","status":"\(status)","judgements":[\(judgements)]}
            """
    }

    /// The grade of each sample record by plan, scored here rather than read from the store.
    func grades(_ name: String) throws -> [String: String] {
        let catalog = try FrameworkCatalog([Project.framework, family])
        let source = try RecordReader.source(path: Project.path("samples/" + name))
        var grades: [String: String] = [:]
        while let entry = try source.next() {
            guard case .scored(let record, let result) = catalog.evaluate(entry, file: name) else {
                Issue.record("\(name) record #\(entry.index) should be valid")
                continue
            }
            grades[record.planId] = result.grade.id
        }
        return grades
    }

    @Test func plansWithBothArePairedByPlanAndCrossTabulated() throws {
        let store = try store(["audits-2025-06.json", "family-voice-2025-06.json"])
        let year = ReportPeriod.year(endingWith: june)
        let voice = try #require(try store.familyVoice(for: year, beside: Project.framework))
        let plan = try grades("audits-2025-06.json"), families = try grades("family-voice-2025-06.json")
        let both = Set(plan.keys).intersection(families.keys)
        #expect(voice.plans == both.count && both.count == 6, "one plan audit and one family record have no partner")
        let expected = FamilyVoice(
            period: year, planGrades: Project.framework.grades.grades, familyGrades: family.grades.grades,
            pairs: both.map { FamilyVoice.Pair(planGrade: plan[$0]!, familyGrade: families[$0]!) })
        #expect(voice == expected)
        #expect(try store.familyVoice(for: year, beside: family) == nil, "family voice is not set beside itself")

        let report = try store.monthlyReport(for: june, isPublic: false)
        #expect(report.familyVoice?.plans == .shown(6) && report.familyVoice?.period == year)
        let own = try store.monthlyReport(for: june, isPublic: false, framework: "family-voice")
        #expect(own.familyVoice == nil && own.audits == .shown(families.count))
        #expect(own.gradeScale.map(\.id) == family.grades.grades.map(\.id))
    }

    @Test func theLatestCountedRecordOfEachInTheYearIsTheOneCompared() throws {
        let store = try store(
            ["audits-2025-06.json", "family-voice-2025-06.json"],
            extra: [
                record("FV-LATER", plan: "P0001234", date: "2025-06-30", rating: "strongly-disagree"),
                record("FV-DRAFT", plan: "P0002871", date: "2025-06-30", rating: "strongly-disagree", status: "draft"),
                record("FV-OLD", plan: "P0007714", date: "2024-06-30", rating: "agree"),
            ])
        let voice = try #require(try store.familyVoice(for: .year(endingWith: june), beside: Project.framework))
        let outstanding = try #require(voice.planGrades.firstIndex { $0.id == "outstanding" })
        let negative = try #require(voice.familyGrades.firstIndex { $0.id == "negative" })
        #expect(voice.table[outstanding][negative] == 1, "P0001234's later record replaces its earlier one")
        #expect(voice.plans == 6, "a draft changes nothing, and a record before the twelve months pairs nothing")
    }

    @Test func familyVoiceIsNeverTheReportsFrameworkUnasked() throws {
        let store = try store(["family-voice-2025-06.json"])
        let report = try store.monthlyReport(for: june, isPublic: false)
        #expect(report.framework.contains("ehcp-qa") && report.familyVoice == nil)
        #expect(report.otherFrameworks.map(\.framework) == ["family-voice"])
        #expect(try store.reportFramework(for: ReportPeriod(month: june.adding(months: 1))).id == "ehcp-qa")
    }

    @Test func noPlanWithBothMeansNoSection() throws {
        let store = try store(["audits-2025-06.json"])
        #expect(try store.familyVoice(for: .year(endingWith: june), beside: Project.framework) == nil)
        #expect(try store.monthlyReport(for: june, isPublic: false).familyVoice == nil)
        let later = try self.store(["audits-2025-06.json", "family-voice-2025-06.json"])
        let nextYear = ReportPeriod.year(endingWith: june.adding(months: 12))
        #expect(try later.familyVoice(for: nextYear, beside: Project.framework) == nil)
    }
}
