/// Hands a target's entry point over to libFuzzer's driver.
///
/// SwiftPM links an executable's entry point as `TARGET_main`, so libFuzzer's own `main`
/// is never used: each target defines `TARGET_main` and calls this with its test function.
public func runLibFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
    var argc = argc, argv = argv
    return runDriver(&argc, &argv, test)
}

/// libFuzzer's `LLVMFuzzerRunDriver`, which takes over the process and calls `test`.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
