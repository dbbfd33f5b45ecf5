#!/usr/bin/env bash
# Fuzzes the library's input readers with libFuzzer and AddressSanitizer.
#
#   Scripts/fuzz.sh TARGET SECONDS     one target (see the list below), for SECONDS
#   Scripts/fuzz.sh all SECONDS        every target in turn, SECONDS each
#   Scripts/fuzz.sh list               the targets
#
# Builds in .build-fuzz (FUZZ_CONFIG=release: .build-fuzz-release) (AUDITSIM_FUZZ=1 declares the Fuzz/ targets in Package.swift). Seeds
# come from Fuzz/corpus/TARGET (read only); inputs that reach new code are written to
# .fuzz/TARGET/corpus and crashes (crash-*, timeout-*, oom-*) to .fuzz/TARGET/crashes; the
# full log is .fuzz/TARGET/fuzz.log. Extra libFuzzer options can be given in FUZZ_OPTIONS.
# Prints executions, coverage and crashes per target; exits 1 when any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."

# name  product  dictionaries  seed folders (relative to Fuzz/corpus)
targets=(
  "policy  FuzzPolicy         yaml,json  policy"
  "lint    FuzzLint           yaml,json  policy,lint"
  "replay  FuzzReplay         json       replay"
  "uri     FuzzRequestURI     uri        uri"
  "batch   FuzzExplainBatch   json       batch"
  "tests   FuzzTestFile       yaml       tests"
  "config  FuzzConfiguration  yaml       config"
  "merge   FuzzEstimateMerge  json       merge"
  "cloudtrail FuzzCloudTrail json       cloudtrail,replay"
  "scanner FuzzScanner        json       scanner"
)

usage() {
  echo "usage: Scripts/fuzz.sh TARGET|all SECONDS" >&2
  echo "targets: $(for t in "${targets[@]}"; do set -- $t; printf '%s ' "$1"; done)" >&2
  exit 2
}

if [ "${1:-}" = list ]; then
  for t in "${targets[@]}"; do set -- $t; echo "$1 ($2)"; done
  exit 0
fi
[ $# -eq 2 ] || usage
what=$1
seconds=$2
[[ "$seconds" =~ ^[1-9][0-9]{0,6}$ ]] || { echo "SECONDS must be a whole number from 1 to 9999999" >&2; exit 2; }

selected=()
for t in "${targets[@]}"; do
  set -- $t
  if [ "$what" = all ] || [ "$what" = "$1" ]; then selected+=("$t"); fi
done
[ ${#selected[@]} -gt 0 ] || usage

mkdir -p .fuzz
# FUZZ_CONFIG=release builds optimized (in .build-fuzz-release): several times the executions per
# second for the slow targets (lint, replay), still with AddressSanitizer; the default is debug.
case "${FUZZ_CONFIG:-debug}" in
  debug) build=(swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address) ;;
  release) build=(swift build -c release --scratch-path .build-fuzz-release -Xswiftc -sanitize=fuzzer,address) ;;
  *) echo "FUZZ_CONFIG must be debug or release" >&2; exit 2 ;;
esac
export AUDITSIM_FUZZ=1
for t in "${selected[@]}"; do
  set -- $t
  echo "building $2"
  # gold warns about every ASan helper symbol; the log keeps them, the terminal does not.
  log=.fuzz/build-$1.log
  if ! "${build[@]}" --product "$2" > "$log" 2>&1; then
    grep -v "Cannot export local symbol" "$log" >&2
    echo "build of $2 failed (full log: $log)" >&2
    exit 2
  fi
done
bin="$("${build[@]}" --show-bin-path)"

# LeakSanitizer reports the static Go type tables (AuditGoTypes), reached only through enum payload
# pointers with tag bits, as leaks; memory growth is caught by -rss_limit_mb instead.
export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}"
# libFuzzer, not Swift's slow backtracer, handles a trap, so that it saves the input at once.
export SWIFT_BACKTRACE=enable=no
crashed=0
summary=()
for t in "${selected[@]}"; do
  set -- $t
  name=$1 product=$2 dicts=$3 seeds=$4
  out=.fuzz/$name
  mkdir -p "$out/corpus" "$out/crashes"
  dict=$out/dictionary.dict
  : > "$dict"
  for d in ${dicts//,/ }; do cat "Fuzz/dictionaries/$d.dict" >> "$dict"; done
  seedDirs=()
  for s in ${seeds//,/ }; do [ -d "Fuzz/corpus/$s" ] && seedDirs+=("Fuzz/corpus/$s"); done
  # libFuzzer also saves inputs slower than 10 s there (slow-unit-*): reported, not failures,
  # since a loaded machine makes any input slow; a real hang is a timeout (60 s).
  before=$(find "$out/crashes" -type f ! -name 'slow-unit-*' | wc -l)
  echo "fuzzing $name ($product) for ${seconds}s"
  status=0
  # shellcheck disable=SC2086
  "$bin/$product" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 -max_len=65536 \
    -dict="$dict" -artifact_prefix="$out/crashes/" -print_final_stats=1 ${FUZZ_OPTIONS:-} \
    "$out/corpus" "${seedDirs[@]}" > "$out/fuzz.log" 2>&1 || status=$?
  after=$(find "$out/crashes" -type f ! -name 'slow-unit-*' | wc -l)
  slow=$(find "$out/crashes" -type f -name 'slow-unit-*' -newer "$dict" | wc -l)
  found=$((after - before))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/fuzz.log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$out/fuzz.log" | tail -1 || true)
  corpus=$(find "$out/corpus" -type f | wc -l)
  if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
    crashed=1
    grep -E '^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*Fatal error:)' "$out/fuzz.log" | head -5 >&2 || true
    echo "$name: libFuzzer exited $status; artifacts: $(find "$out/crashes" -type f -newer "$dict" | tr '\n' ' ')" >&2
  fi
  summary+=("$(printf '%-10s executions %-10s %-22s corpus %-6s crashes %s slow %s' "$name" "${execs:-?}" "${cov:-cov: ? ft: ?}" "$corpus" "$found" "$slow")")
done

echo
printf '%s\n' "${summary[@]}"
exit "$crashed"
