import EHCPAuditTestSupport
import Foundation
import Testing
import ZIPFoundation

/// samples/plans: the hand-written plans, their .docx and .odt twins, their truth and ids.
struct SamplePlanTests {
    static let folder = URL(fileURLWithPath: Project.root).appendingPathComponent("samples/plans")

    func lines(_ name: String) throws -> [String] {
        try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    @Test func everyPlanIsMappedAndEveryFindingNamesOne() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { file in [".md", ".docx", ".odt"].contains { file.hasSuffix($0) } }.sorted()
        #expect(files.count == 9)
        let ids = try lines("plan-ids.csv")
        #expect(ids.first == "file,planId")
        #expect(ids.dropFirst().map { String($0.split(separator: ",")[0]) } == files)
        let truth = try lines("truth.jsonl")
        var named: [String] = []
        for line in truth {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            named.append(object["file"] as? String ?? "")
            #expect(files.contains(named.last!), "\(line)")
        }
        #expect(named == named.sorted(), "grouped by file, in order")
        #expect(!truth.contains { $0.contains("good-final") }, "the good plan has no findings")
        for plan in ["poor-final", "draft-names-school"] {
            let counts = ["md", "docx", "odt"].map { ext in truth.filter { $0.contains("\"\(plan).\(ext)\"") }.count }
            #expect(Set(counts).count == 1 && counts[0] > 0, "\(plan): the same findings in every format")
        }
    }

    @Test func theArchivesOpenAndHoldTheirParts() throws {
        for (name, part) in [("good-final.docx", "word/document.xml"), ("poor-final.odt", "content.xml")] {
            let archive = try Archive(url: Self.folder.appendingPathComponent(name), accessMode: .read)
            #expect(archive[part] != nil, "\(name)")
        }
        let odt = try Archive(url: Self.folder.appendingPathComponent("draft-names-school.odt"), accessMode: .read)
        #expect(odt.map(\.path).first == "mimetype")
    }
}
