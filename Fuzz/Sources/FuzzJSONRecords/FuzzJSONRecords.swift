import EHCPAudit
import EHCPAuditFormats
import FuzzSupport

/// Any bytes, read as JSON Lines and as a JSON document, then scored: the reader may
/// refuse them but must never crash, hang or grow without bound.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for name in ["fuzz.jsonl", "fuzz.json"] {
        let source = JSONRecordSource(bytes: bytes, name: name)
        while let entry = try? source.next() {
            if let record = entry.record { _ = try? ShippedFramework.catalog.score(record) }
        }
    }
    return 0
}

/// The shipped framework, found from this file's place in Fuzz/Sources/TARGET.
enum ShippedFramework {
    static let catalog: FrameworkCatalog = {
        let path = #filePath.split(separator: "/").dropLast(4).joined(separator: "/")
        return try! FrameworkCatalog([try! FrameworkLoader.load(path: "/" + path + "/criteria/ehcp-qa.yaml")])
    }()
}

@_cdecl("FuzzJSONRecords_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
