import EHCPAuditKit
import FuzzSupport

/// Any bytes, read as a benchmark bundle and, when they are one, checked: digest and signature.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let bundle = try? BenchmarkBundle.parse(bytes, file: "fuzz.json") {
        try? BenchmarkSigning.check(bundle, trust: [bundle.figures.council: bundle.signature?.key ?? ""])
        _ = BenchmarkComparison.compare([bundle.figures, bundle.figures])
    }
    return 0
}

@_cdecl("FuzzBenchmarkBundle_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
