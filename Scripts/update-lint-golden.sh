#!/bin/sh
# Regenerates the golden outputs of `auditsim lint` beside the fixtures in Tests/AuditLintTests/Fixtures
# (and the built-in EKS policy's, eks-builtin.lint.txt), then regenerates docs/rules.
# Review every changed finding by hand before committing: the golden files are the reviewed record.
set -eu
cd "$(dirname "$0")/.."
swift build --product auditsim
BIN="$(swift build --show-bin-path)/auditsim"
"$BIN" rules --markdown docs/rules
cd Tests/AuditLintTests/Fixtures
for policy in *.yaml; do
    "$BIN" lint --no-config --verbose --fail-on none "$policy" > "${policy%.yaml}.lint.txt"
done
"$BIN" lint --no-config --verbose --fail-on none > eks-builtin.lint.txt
"$BIN" lint --no-config --verbose --fail-on none --platform eks > eks-builtin.platform-eks.lint.txt
