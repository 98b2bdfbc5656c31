import EHCPAudit
import EHCPAuditSampling
import EHCPAuditXML
import FuzzSupport

/// Any bytes, read as a SEN2 return.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? SEN2Return.read(bytes: bytes, name: "fuzz.xml", asOf: CalendarDate("2025-06-01")!, references: references)
    { _ in }
    return 0
}

let references = PlanReference(key: Array(repeating: 7, count: 32))

@_cdecl("FuzzSEN2_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
