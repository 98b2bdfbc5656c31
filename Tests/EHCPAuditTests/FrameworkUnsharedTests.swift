import EHCPAuditTestSupport
import Testing

@testable import EHCPAudit

/// A framework's unshared copy is the same framework with texts of its own.
struct FrameworkUnsharedTests {
    /// Where a text's bytes are stored; nil for a short text, which holds them itself.
    private func storage(_ text: String) -> UnsafeRawPointer? {
        guard text.utf8.count > 15 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test func aCopyEqualsTheFrameworkAndSharesNoText() throws {
        let framework = Project.framework
        let copy = framework.unshared()
        #expect(copy == framework)
        let texts = { (framework: Framework) -> [String] in
            [framework.title]
                + framework.sections.flatMap { [$0.title] + $0.criteria.flatMap { [$0.text, $0.action] } }
                + framework.grades.grades.map(\.label) + (framework.advice?.criteria.map(\.action) ?? [])
        }
        let originals = texts(framework), copies = texts(copy)
        #expect(originals.count == copies.count)
        var long = 0
        for (original, copied) in zip(originals, copies) where storage(original) != nil {
            long += 1
            #expect(storage(copied) != nil && storage(copied) != storage(original), "\(original)")
        }
        #expect(long > 3)
        #expect(Project.catalog.unshared().frameworks == Project.catalog.frameworks)
        // Scoring with either gives the same result.
        let mini = try Fixtures.framework(), record = Fixtures.record()
        #expect(try Scorer(mini.unshared()).score(record) == Scorer(mini).score(record))
    }
}
