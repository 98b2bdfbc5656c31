import EHCPAuditTestSupport
import Testing

@testable import EHCPAuditServer

/// An audit carrying `planChecks` keeps them when edited and saved again: they travel in
/// hidden fields, never as inputs to change.
struct AuditFormPlanChecksTests {
    let catalog = Project.catalog

    func sample() throws -> AuditRecord {
        try #require(try scoredSamples("AUD-2025-06-0012.json").first?.0)
    }

    func form(_ fields: FormFields) -> AuditForm {
        AuditForm(fields: fields, framework: Project.framework, auditor: "auditor-09", assignedId: "AUD-X")
    }

    @Test func savedAgainTheCountsAreKept() throws {
        let record = try sample()
        let fields = AuditForm.fields(for: record)
        #expect(fields["planChecks.rules"] == "2026.1" && fields["planChecks.count.vague-wording"] == "3")
        #expect(fields["planChecks.count.no-review-date"] == "0")
        let saved = try form(FormFields(fields.pairs + [("status", "final")])).evaluate(with: catalog).get().0
        #expect(saved.planChecks == record.planChecks)
    }

    @Test func theyAreHiddenInputsOnTheForm() throws {
        let page = AuditFormPage(
            framework: Project.framework, fields: AuditForm.fields(for: try sample()), problems: [], csrf: "c",
            action: Link("audits"), previewAction: Link("preview")
        ).render().text
        #expect(page.contains(#"<input type="hidden" name="planChecks.rules" value="2026.1">"#))
        #expect(page.contains(#"<input type="hidden" name="planChecks.count.vague-wording" value="3">"#))
        #expect(!page.contains(#"type="text" name="planChecks"#))
    }

    @Test func aTamperedCountIsRefusedAsAFileWouldBe() throws {
        let fields =
            AuditForm.fields(for: try sample()).pairs + [
                ("planChecks.count.childName", "1"), ("planChecks.count.stale-advice", "two"), ("status", "final"),
            ]
        guard case .failure(let refusal) = form(FormFields(fields)).evaluate(with: catalog) else {
            Issue.record("a tampered count was accepted")
            return
        }
        #expect(refusal.problems.contains { $0.message.contains(#"unknown check "childName""#) })
        #expect(
            refusal.problems.contains { $0.message.contains(#"the count of "stale-advice" must be a whole number"#) })
        #expect(refusal.problems.allSatisfy { $0.field?.hasPrefix("planChecks") == true })
    }

    @Test func aFormWithoutThemMakesNone() throws {
        let fields = AuditForm.fields(for: try sample()).pairs.filter { !$0.name.hasPrefix("planChecks") }
        let saved = try form(FormFields(fields + [("status", "final")])).evaluate(with: catalog).get().0
        #expect(saved.planChecks == nil)
    }
}
