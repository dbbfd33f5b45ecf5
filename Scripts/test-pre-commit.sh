#!/usr/bin/env bash
# Tries the pre-commit hooks of .pre-commit-hooks.yaml with the `pre-commit` package from PyPI
# (`pre-commit try-repo`), on a good policy, bad policies and a YAML file that is not a policy.
# Usage: Scripts/test-pre-commit.sh [path/to/auditsim]  (default: the debug build)
# Exits 0 with "SKIPPED" only when pre-commit cannot be installed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$(cd "$root" && swift build --show-bin-path)/auditsim}
[ -x "$binary" ] || { echo "test-pre-commit: no binary at $binary" >&2; exit 2; }
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
fail() { echo "test-pre-commit: FAIL: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# pre-commit in a virtual environment of its own, else from pip as it is configured.
if command -v pre-commit > /dev/null 2>&1; then
  pre_commit=$(command -v pre-commit)
elif python3 -m venv "$work/venv" > /dev/null 2>&1 && "$work/venv/bin/pip" install --quiet pre-commit > "$work/pip.log" 2>&1; then
  pre_commit="$work/venv/bin/pre-commit"
elif python3 -m pip install --quiet --user pre-commit > "$work/pip.log" 2>&1; then
  pre_commit=$(python3 -m site --user-base)/bin/pre-commit
else
  echo "SKIPPED: pip cannot install pre-commit here: $(tail -n 1 "$work/pip.log" 2>/dev/null)"
  exit 0
fi
echo "using $("$pre_commit" --version)"

# A repository with a good policy, a policy lint fails, a policy kube-apiserver refuses, and a
# YAML file that is not a policy (which the hooks must leave alone).
repo="$work/repo"
mkdir -p "$repo"
cd "$repo"
git init -q .
cp "$root/Scripts/fixtures/good-policy.yaml" good.yaml
cp "$root/Scripts/fixtures/lint-error-policy.yaml" lint-bad.yaml
cat > refused.yaml <<'POLICY'
apiVersion: "audit.k8s.io/v1"
kind: "Policy"
rules:
  - level: Everything
POLICY
cat > deployment.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
rules: not a policy
YAML
git add . && git -c user.name=t -c user.email=t@example.com commit -qm fixtures

export PATH="$(dirname "$binary"):$PATH" PRE_COMMIT_HOME="$work/cache"
expect() {
  local want=$1 hook=$2; shift 2
  local status=0
  "$pre_commit" try-repo "$root" "$hook" --files "$@" > "$work/out.txt" 2>&1 || status=$?
  if [ "$want" = pass ] && [ "$status" -ne 0 ]; then fail "$hook on $*: expected to pass: $(cat "$work/out.txt")"; fi
  if [ "$want" = fail ] && [ "$status" -eq 0 ]; then fail "$hook on $*: expected to fail: $(cat "$work/out.txt")"; fi
  echo "ok: $hook on $*: ${want}ed as expected"
}
expect pass auditsim-lint good.yaml deployment.yaml
expect fail auditsim-lint lint-bad.yaml
grep -q "lint-bad.yaml:7:.*error\[AP201\]" "$work/out.txt" || fail "the lint finding is not shown: $(cat "$work/out.txt")"
expect fail auditsim-lint good.yaml refused.yaml
expect pass auditsim-check good.yaml lint-bad.yaml deployment.yaml
expect fail auditsim-check refused.yaml
grep -q "refused.yaml" "$work/out.txt" || fail "the refused file is not named"
echo "test-pre-commit: ok"
