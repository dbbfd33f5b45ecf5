#include "FuzzDriver.h"
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

// libFuzzer's entry points (compiler-rt, FuzzerInterface.h); the target defines the second.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

_Noreturn void auditsim_fuzz_main(int argc, char **argv) {
    exit(LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput));
}
