import EHCPAudit
import EHCPAuditFormats
import EHCPAuditStore
import Foundation

let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A new, empty store in a fresh temporary folder.
func temporaryStore() throws -> AuditStore {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ehcp-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try AuditStore(path: folder.appendingPathComponent("test.sqlite").path)
}

let catalog = try! FrameworkCatalog([try! FrameworkLoader.load(path: projectRoot + "/criteria/ehcp-qa.yaml")])

/// The scored sample records of one file.
func scoredSamples(_ name: String = "audits-2025-06.json") throws -> [(AuditRecord, AuditResult)] {
    let source = try JSONRecordSource(path: projectRoot + "/samples/" + name)
    var records: [(AuditRecord, AuditResult)] = []
    while let entry = try source.next() {
        guard case .scored(let record, let result) = catalog.evaluate(entry, file: name) else { fatalError("sample \(name) should be valid") }
        records.append((record, result))
    }
    return records
}

/// A stand-in for a record's canonical JSON: the store only needs a stable text per content.
func canonical(_ record: AuditRecord) -> String { "\(record)" }
