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

# Static archives for the libraries the binary would otherwise load at run time. The linker takes
# the first library of a name it finds along its -L directories, shared or static, so a directory
# holding only the archives must come first. SwiftPM puts the -L of each system library's
# pkg-config file (-L/usr/lib/x86_64-linux-gnu) before any flag given here, so libyaml and zlib get
# pkg-config files of their own, naming that directory; libstdc++ (named by the Swift runtime's
# link flags) finds it through -Xlinker -L. A library whose archive is missing stays shared, and
# test-release.sh reports it.
static_libs="$scratch/static-libs"
pkgconfig="$scratch/pkgconfig"
rm -rf "$static_libs" "$pkgconfig"
mkdir -p "$static_libs" "$pkgconfig"
for lib in yaml:yaml-0.1 z:zlib stdc++:; do
  lib_name=${lib%%:*} package=${lib#*:}
  found=$(clang -print-file-name="lib$lib_name.a" 2>/dev/null || true)
  if [ ! -f "$found" ]; then
    echo "release.sh: lib$lib_name.a not found, linking lib$lib_name dynamically" >&2
    continue
  fi
  ln -s "$found" "$static_libs/lib$lib_name.a"
  if [ -n "$package" ]; then
    printf 'Name: %s\nDescription: static lib%s for the release build\nVersion: 0\nLibs: -L%s -l%s\nCflags:\n' \
      "$package" "$lib_name" "$static_libs" "$lib_name" > "$pkgconfig/$package.pc"
  fi
done
export PKG_CONFIG_PATH="$pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

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
# A blank line between paragraphs of the help text is not mdoc (man warns "Empty input line"):
# make it the paragraph macro.
sed -i 's/^[[:space:]]*$/.Pp/' "$stage/share/man/man1/auditsim.1"
"$stage/bin/auditsim" --generate-completion-script bash > "$stage/share/completions/auditsim.bash"
"$stage/bin/auditsim" --generate-completion-script zsh > "$stage/share/completions/_auditsim"
"$stage/bin/auditsim" --generate-completion-script fish > "$stage/share/completions/auditsim.fish"

mkdir -p "$dist"
tar -C "$scratch/stage" --owner=0 --group=0 --numeric-owner -czf "$dist/$name.tar.gz" "$name"
(cd "$dist" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$dist/$name.tar.gz"
