import EHCPAudit
import EHCPAuditFormats
import EHCPAuditTestSupport
import Testing

/// criteria/family-voice.yaml: the six statements of the spec, on a scale of agreement, loaded
/// by the same rules as every framework (docs/family-voice.md).
struct FamilyVoiceFrameworkTests {
    let framework = try! FrameworkLoader.load(path: Project.path("criteria/family-voice.yaml"))

    @Test func theSixStatementsAreTheSpecsInTheFamilysWords() {
        let statements = framework.sections.flatMap(\.criteria).map(\.text)
        #expect(
            statements == [
                "\"I recognise my child in the plan\"", "\"The plan says what will happen, who will do it and when\"",
                "\"The plan has made a difference\"", "\"We were listened to when the plan was written\"",
                "\"The plan was ready when we needed it\"", "\"We know who to contact about the plan\"",
            ])
        #expect(framework.id == FamilyVoice.frameworkId && framework.advice == nil)
    }

    @Test func itsScaleIsAgreementWithNotApplicableAndItsGradesItsOwn() {
        #expect(
            framework.scale.map(\.label) == [
                "Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree",
            ])
        #expect(framework.actionBelow == "agree")
        #expect(framework.sections.flatMap(\.criteria).allSatisfy { $0.notApplicable && $0.cap == nil })
        #expect(framework.grades.grades.map(\.label) == ["Very positive", "Positive", "Mixed", "Negative"])
        // A statement scores 100, 75, 50, 25 or 0; each grade starts halfway between two answers.
        #expect(framework.grades.grades.map(\.minPercent) == [87.5, 62.5, 37.5, 0])
        #expect(framework.grades.grades[framework.grades.rank(for: 75)].id == "positive", "agreeing with all six")
        #expect(framework.grades.grades[framework.grades.rank(for: 50)].id == "mixed", "neither, throughout")
    }

    @Test func everyStatementCitesTheLawOrTheCodeOfPractice() {
        for criterion in framework.sections.flatMap(\.criteria) {
            let source = criterion.source ?? ""
            #expect(
                source.contains("Children and Families Act 2014") || source.contains("SEND Code of Practice"),
                "\(criterion.id): \(source)")
        }
    }
}
