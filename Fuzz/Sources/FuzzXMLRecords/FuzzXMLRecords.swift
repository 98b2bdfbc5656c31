import EHCPAudit
import EHCPAuditXML
import FuzzSupport

/// Any bytes, read as an XML audit file: refused or read, never a crash, hang or leak.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let source = try? XMLRecordSource(bytes: bytes, name: "fuzz.xml") else { return 0 }
    while let entry = try? source.next() { _ = entry.formDiagnostics(file: "fuzz.xml") }
    return 0
}

@_cdecl("FuzzXMLRecords_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
