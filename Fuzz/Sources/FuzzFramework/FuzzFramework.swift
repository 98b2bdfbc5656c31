import EHCPAuditFormats
import FuzzSupport

/// Any bytes, read as a YAML and as a JSON framework.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? FrameworkLoader.load(text: text, file: "fuzz.yaml")
    _ = try? FrameworkLoader.load(text: text, file: "fuzz.json")
    return 0
}

@_cdecl("FuzzFramework_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
