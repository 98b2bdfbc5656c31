import EHCPAudit
import EHCPAuditXML

/// Any bytes, read as an XML audit file: refused or read, never a crash, hang or leak.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let source = try? XMLRecordSource(bytes: bytes, name: "fuzz.xml") else { return 0 }
    while let entry = try? source.next() { _ = entry.record?.textProblems }
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzXMLRecords_main`; hand over to libFuzzer's driver.
@_cdecl("FuzzXMLRecords_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data!, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
