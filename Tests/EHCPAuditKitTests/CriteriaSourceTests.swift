import EHCPAuditTestSupport
import Foundation
import Testing

/// A name on the command line is a built-in framework or rules, or a file.
struct CriteriaSourceTests {
    @Test func aBuiltInNameGivesTheBuiltInText() throws {
        let source = try CriteriaSource.framework("ehcp-qa")
        #expect(source.file == "built-in ehcp-qa.yaml")
        #expect(source.text == (try String(contentsOfFile: Project.path("criteria/ehcp-qa.yaml"), encoding: .utf8)))
        #expect(try FrameworkLoader.load(named: "annual-review").id == "annual-review")
        let rules = try PlanCheckRulesLoader.load(named: "plan-checks", framework: Project.framework)
        #expect(rules.version == Project.planCheckRules.version)
    }

    @Test func aPathIsAFile() throws {
        let path = Project.path("criteria/annual-review.yaml")
        #expect(CriteriaSource.isFile(path))
        #expect(try CriteriaSource.framework(path).file == path)
        #expect(try FrameworkLoader.load(named: path).id == "annual-review")
    }

    @Test func aFileNamedLikeABuiltInOneIsReadInstead() throws {
        let path = try temporaryFolder().appendingPathComponent("ehcp-qa").path
        try FileManager.default.copyItem(atPath: Project.path("criteria/annual-review.yaml"), toPath: path)
        #expect(try FrameworkLoader.load(named: path).id == "annual-review")
    }

    @Test func aMissingFileWithAnExtensionIsNotLookedUpAmongTheBuiltInOnes() {
        #expect(!CriteriaSource.isFile("no/such/ehcp-qa"))
        #expect(CriteriaSource.isFile("no/such/ehcp-qa.JSON"))
        #expect(CriteriaSource.isFile("no/such/ehcp-qa.yml"))
        let error = #expect(throws: FrameworkLoadError.self) { try CriteriaSource.framework("no/such/ehcp-qa.yaml") }
        #expect(
            error?.diagnostics.first?.description.hasPrefix("no/such/ehcp-qa.yaml: error: cannot read framework file")
                == true)
    }

    @Test func anUnknownNameSaysWhatIsBuiltIn() {
        let framework = #expect(throws: FrameworkLoadError.self) { try CriteriaSource.framework("ehcp-qb") }
        #expect(
            framework?.diagnostics.first?.description
                == """
                ehcp-qb: error: no such file, and no built-in framework of that name (built in: ehcp-qa, \
                annual-review, family-voice); give a file's path ending in .yaml or .json, or one of those names
                """)
        let rules = #expect(throws: FrameworkLoadError.self) { try CriteriaSource.planCheckRules("ehcp-qa") }
        #expect(
            rules?.diagnostics.first?.description.contains(
                "no built-in plan-check rules of that name (built in: plan-checks)") == true)
    }
}
