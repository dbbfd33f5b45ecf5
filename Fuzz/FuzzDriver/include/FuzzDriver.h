#ifndef AUDITSIM_FUZZ_DRIVER_H
#define AUDITSIM_FUZZ_DRIVER_H

/// Runs libFuzzer on the target's `LLVMFuzzerTestOneInput` with the command line's options, then
/// exits with libFuzzer's status.
/// SwiftPM gives every executable its own entry point, so libFuzzer's `main` is not used.
_Noreturn void auditsim_fuzz_main(int argc, char **argv);

#endif
