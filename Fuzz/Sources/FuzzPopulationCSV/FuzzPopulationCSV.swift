import EHCPAuditFormats

/// Any bytes, read as a population CSV.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    try? PopulationCSV.read(bytes: Array(UnsafeBufferPointer(start: data, count: size)), name: "fuzz.csv") { _ in }
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzPopulationCSV_main`; hand over to libFuzzer's driver.
@_cdecl("FuzzPopulationCSV_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data!, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
