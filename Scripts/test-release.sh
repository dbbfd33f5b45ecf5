#!/usr/bin/env bash
# Checks a release archive as a user would meet it: extracted into a clean directory, run from
# there with an empty LD_LIBRARY_PATH and a minimal environment, linked against nothing but the C
# library, the math library and the dynamic loader; its man page read with `man -l`.
# Usage: Scripts/test-release.sh [dist/auditsim-VERSION-linux-ARCH.tar.gz]  (default: the newest in dist/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
archive=${1:-$(ls -t "$root"/dist/auditsim-*-linux-*.tar.gz 2>/dev/null | head -n 1)}
[ -f "$archive" ] || { echo "test-release: no archive (run Scripts/release.sh first)" >&2; exit 2; }
archive=$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")
fail() { echo "test-release: FAIL: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== checksum of $(basename "$archive")"
(cd "$(dirname "$archive")" && sha256sum --check --quiet "$(basename "$archive").sha256") || fail "archive checksum"

echo "== contents"
mkdir "$work/extract" "$work/home" "$work/run"
tar -xzf "$archive" -C "$work/extract"
top=$(echo "$work"/extract/auditsim-*)
for file in bin/auditsim bin/auditsim.sha256 README.md LICENSE share/man/man1/auditsim.1 \
            share/completions/auditsim.bash share/completions/_auditsim share/completions/auditsim.fish; do
  [ -s "$top/$file" ] || fail "missing or empty: $file"
done
(cd "$top/bin" && sha256sum --check --quiet auditsim.sha256) || fail "binary checksum"
grep -q "Apache License" "$top/LICENSE" || fail "LICENSE is not the Apache License"

echo "== shared libraries"
# Allowed: the kernel's vDSO (no file, mapped into every process), the C library, the math
# library and the dynamic loader. Anything else means a library was not linked statically.
ldd "$top/bin/auditsim" | tee "$work/ldd.txt"
unexpected=$(grep -v -E '^\s*(linux-vdso\.so\.1|libc\.so\.6|libm\.so\.6|/lib64/ld-linux-x86-64\.so\.2|/lib/ld-linux-aarch64\.so\.1|ld-linux-x86-64\.so\.2|ld-linux-aarch64\.so\.1)[ =]' "$work/ldd.txt" || true)
[ -z "$unexpected" ] || fail "linked against more than libc, libm and the loader: $unexpected"

echo "== runs from the archive with LD_LIBRARY_PATH empty"
run() { (cd "$work/run" && env -i HOME="$work/home" PATH=/usr/bin:/bin LD_LIBRARY_PATH= "$top/bin/auditsim" "$@"); }
run --version | grep -q "^auditsim " || fail "--version"
cp "$root/Scripts/fixtures/good-policy.yaml" "$work/run/good.yaml"
status=0; run lint good.yaml > "$work/lint.txt" || status=$?
[ "$status" -le 1 ] || fail "auditsim lint exited $status: $(cat "$work/lint.txt")"
grep -q "good.yaml: .*accepts it" "$work/lint.txt" || fail "auditsim lint: unexpected output: $(cat "$work/lint.txt")"
run replay > "$work/replay.txt" || fail "auditsim replay (bundled corpus)"
grep -q "^Read .* events" "$work/replay.txt" || fail "auditsim replay: unexpected output"
# A gzip-compressed corpus exercises the statically linked zlib.
gzip -c "$root/Corpus/eks-sample.jsonl" > "$work/run/sample.jsonl.gz"
run replay sample.jsonl.gz --policy good.yaml > "$work/replay-gz.txt" || fail "auditsim replay of a gzip corpus"
grep -q "^Read .* events" "$work/replay-gz.txt" || fail "auditsim replay (gzip): unexpected output"

echo "== man page"
if command -v man > /dev/null 2>&1; then
  MANWIDTH=80 MANPAGER=cat man -l "$top/share/man/man1/auditsim.1" > "$work/man.txt" 2> "$work/man-errors.txt" || fail "man -l: $(cat "$work/man-errors.txt")"
  [ ! -s "$work/man-errors.txt" ] || fail "man -l warned: $(cat "$work/man-errors.txt")"
  for word in NAME SYNOPSIS replay estimate lint --format; do
    grep -q -- "$word" "$work/man.txt" || fail "man page lacks $word"
  done
else
  echo "SKIPPED: man is not installed (install man-db to check the man page)"
fi

echo "== completions"
grep -q -- "---completion" "$top/share/completions/auditsim.bash" || fail "bash completion"
grep -q "AP203" "$top/share/completions/_auditsim" || fail "zsh completion"
grep -q "estimate" "$top/share/completions/auditsim.fish" || fail "fish completion"

echo "test-release: ok ($(basename "$archive"))"
