import EHCPAuditTestSupport
import Foundation
import Testing

@testable import EHCPAuditStore

/// Reading alongside the integrity check gives what was read only from an intact store.
struct AuditStoreIntegrityTests {
    /// A store of the June samples, closed, at a path of its own.
    private func storedSamples() throws -> String {
        let store = try temporaryStore()
        _ = try AuditImport(into: store, at: "t").transaction(for: "a.json") { session in
            for (record, result) in try scoredSamples() { _ = try session.add(.init(record, result)) }
        }
        return store.path
    }

    /// Overwrites the b-tree header of each page in the second half of the file (16 KiB
    /// pages), as a failing disk might: the schema at the start stays readable, so opening
    /// the store succeeds and only the check finds the damage.
    private func damage(_ path: String) throws {
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        for page in stride(from: size / 2 / 16384 * 16384, to: size, by: 16384) {
            try handle.seek(toOffset: UInt64(page))
            handle.write(Data(repeating: 0xA5, count: 12))
        }
        try handle.close()
    }

    @Test func anIntactStoreGivesWhatWasRead() throws {
        let path = try storedSamples()
        let expected = try scoredSamples().count
        #expect(try AuditStore.reading(path: path) { try $0.status().audits } == expected)
    }

    @Test func whatTheReadingThrowsIsThrownWhenTheStoreIsIntact() throws {
        struct Stop: Error {}
        let path = try storedSamples()
        #expect(throws: Stop.self) { try AuditStore.reading(path: path) { _ in throw Stop() } }
    }

    @Test func aDamagedStoreIsReportedWhateverTheReadingDid() throws {
        struct Stop: Error {}
        let path = try storedSamples()
        try damage(path)
        for read in [{ (_: AuditStore) in 1 }, { _ in throw Stop() }, { try $0.status().audits }] {
            #expect {
                try AuditStore.reading(path: path, read)
            } throws: { error in
                guard case StoreError.corrupt(let damaged, _)? = error as? StoreError else { return false }
                return damaged == path
            }
        }
    }

    @Test func readingNeverMakesAStore() throws {
        let path = try temporaryFolder().appendingPathComponent("none.sqlite").path
        #expect(throws: StoreError.missing(path: path)) { try AuditStore.reading(path: path) { _ in 1 } }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
