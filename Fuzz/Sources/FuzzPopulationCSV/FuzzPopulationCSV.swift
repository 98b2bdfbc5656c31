import EHCPAuditFormats
import FuzzSupport

/// Any bytes, read as a population CSV.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    try? PopulationCSV.read(bytes: Array(UnsafeBufferPointer(start: data, count: size)), name: "fuzz.csv") { _ in }
    return 0
}

@_cdecl("FuzzPopulationCSV_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
