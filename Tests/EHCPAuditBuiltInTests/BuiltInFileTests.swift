import EHCPAuditBuiltIn
import EHCPAuditTestSupport
import Foundation
import Testing

/// The files built into the binary are criteria/*.yaml as they are now, every one of them.
struct BuiltInFileTests {
    @Test func everyFileOfTheCriteriaFolderIsBuiltInByteForByte() throws {
        let folder = Project.path("criteria")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
        let builtIn = BuiltInFile.frameworks + BuiltInFile.planCheckRules
        #expect(Set(builtIn.map(\.file)) == Set(names.map { "built-in \($0)" }))
        for file in builtIn {
            let name = String(file.file.dropFirst("built-in ".count))
            #expect(file.text == (try String(contentsOfFile: folder + "/" + name, encoding: .utf8)), "\(name)")
            #expect(name == file.name + ".yaml")
        }
    }

    @Test func theDefaultFrameworkComesFirst() {
        #expect(BuiltInFile.frameworks.first?.name == "ehcp-qa")
        #expect(BuiltInFile.planCheckRules.map(\.name) == ["plan-checks"])
    }

    @Test func theReleaseIsMajorMinorPatch() {
        #expect(Release.version.wholeMatch(of: /\d+\.\d+\.\d+/) != nil)
    }
}
