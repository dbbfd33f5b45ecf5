import FuzzDriver

auditsim_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv)
