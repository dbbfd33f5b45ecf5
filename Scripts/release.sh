#!/usr/bin/env bash
# Builds the relocatable Linux release archive:
#   dist/auditsim-VERSION-linux-ARCH.tar.gz and its .sha256
# The binary links the Swift runtime and Foundation statically (--static-swift-stdlib), and
# libyaml, zlib, libstdc++ and libgcc statically when their static archives are installed
# (Debian: libyaml-dev, zlib1g-dev, libstdc++-12-dev), so it needs only the C library, the math
# library and the dynamic loader at run time. Scripts/test-release.sh checks the result.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

version=$(sed -n 's/^ *static let current = "\(.*\)"$/\1/p' Sources/auditsim/AuditSim.swift)
[ -n "$version" ] || { echo "release.sh: cannot read the version from Sources/auditsim/AuditSim.swift" >&2; exit 2; }
arch=$(uname -m)
name="auditsim-$version-linux-$arch"
scratch="$root/.build/release-static"
dist="$root/dist"

# The linker takes the first library of a name it finds along the -L directories, shared or
# static. A directory holding only the static archives, searched before the system's, makes it
# take those; a library whose archive is missing stays shared (and test-release.sh reports it).
static_libs="$scratch/static-libs"
mkdir -p "$static_libs"
for lib in libyaml.a libz.a libstdc++.a; do
  found=$(clang -print-file-name="$lib" 2>/dev/null || true)
  if [ -f "$found" ]; then
    ln -sf "$found" "$static_libs/$lib"
  else
    echo "release.sh: $lib not found, linking it dynamically" >&2
  fi
done

# -static-libgcc: the unwinder from libgcc_eh.a instead of libgcc_s.so.
flags=(-c release --scratch-path "$scratch" --static-swift-stdlib
       -Xlinker -L"$static_libs" -Xswiftc -Xclang-linker -Xswiftc -static-libgcc)
swift build "${flags[@]}" --product auditsim
# The argument parser's manual generator (the tool its GenerateManual plugin runs), built with
# the same flags so that nothing already built is built again.
swift build "${flags[@]}" --product generate-manual
bin=$(swift build "${flags[@]}" --show-bin-path)

stage="$scratch/stage/$name"
rm -rf "$scratch/stage"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/completions"
cp "$bin/auditsim" "$stage/bin/auditsim"
strip "$stage/bin/auditsim" 2>/dev/null || true
(cd "$stage/bin" && sha256sum auditsim > auditsim.sha256)
cp README.md LICENSE CHANGELOG.md "$stage/"
"$bin/generate-manual" "$stage/bin/auditsim" --output-directory "$stage/share/man/man1" > /dev/null
"$stage/bin/auditsim" --generate-completion-script bash > "$stage/share/completions/auditsim.bash"
"$stage/bin/auditsim" --generate-completion-script zsh > "$stage/share/completions/_auditsim"
"$stage/bin/auditsim" --generate-completion-script fish > "$stage/share/completions/auditsim.fish"

mkdir -p "$dist"
tar -C "$scratch/stage" --owner=0 --group=0 --numeric-owner -czf "$dist/$name.tar.gz" "$name"
(cd "$dist" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$dist/$name.tar.gz"
