import FuzzDriver
import FuzzTargets

/// libFuzzer's entry point: one input to `fuzzScanner`.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzScanner(data, size)
}

auditsim_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv)
