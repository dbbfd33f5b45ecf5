#!/usr/bin/env bash
# Runs the GitHub Action's lint step (Scripts/action-lint.sh) outside GitHub: GITHUB_* point into
# a temporary directory, and the annotations, job summary, SARIF file and exit codes are checked.
# Usage: Scripts/test-action.sh [path/to/auditsim]  (default: the debug build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export AUDITSIM=${1:-$(cd "$root" && swift build --show-bin-path)/auditsim}
[ -x "$AUDITSIM" ] || { echo "test-action: no binary at $AUDITSIM" >&2; exit 2; }
AUDITSIM=$(cd "$(dirname "$AUDITSIM")" && pwd)/$(basename "$AUDITSIM")
fail() { echo "test-action: FAIL: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo/policies/team"
cp "$root/Scripts/fixtures/good-policy.yaml" "$work/repo/policies/good.yaml"
cp "$root/Scripts/fixtures/lint-error-policy.yaml" "$work/repo/policies/team/bad.yaml"

# Runs the step in the repository with fresh GITHUB_* files; the environment variables given
# are the action's inputs.
run_step() {
  : > "$work/summary.md"; : > "$work/output.txt"; rm -f "$work/repo/auditsim.sarif"
  status=0
  (cd "$work/repo" && env GITHUB_STEP_SUMMARY="$work/summary.md" GITHUB_OUTPUT="$work/output.txt" \
     GITHUB_WORKSPACE="$work/repo" "$@" "$root/Scripts/action-lint.sh") > "$work/log.txt" 2>&1 || status=$?
}

echo "== a good policy passes, with a summary and SARIF"
run_step INPUT_POLICIES="policies/good.yaml" INPUT_SARIF=true
[ "$status" -eq 0 ] || fail "good policy: exit $status: $(cat "$work/log.txt")"
grep -q "^## auditsim lint" "$work/summary.md" || fail "summary heading"
grep -q "^| Policies | Errors | Warnings | Info | Fails on |" "$work/summary.md" || fail "summary counts header"
grep -q "^| 1 | 0 | " "$work/summary.md" || fail "summary counts: $(cat "$work/summary.md")"
grep -q "^| Status | Item | Requests | Needs |" "$work/summary.md" || fail "coverage checklist table"
grep -q "CL07 Secret reads" "$work/summary.md" || fail "checklist rows"
grep -q "^sarif-file=auditsim.sarif$" "$work/output.txt" || fail "output sarif-file"
[ -s "$work/repo/auditsim.sarif" ] || fail "SARIF file missing"
grep -q '"version" *: *"2.1.0"' "$work/repo/auditsim.sarif" || fail "SARIF version"
if command -v python3 > /dev/null 2>&1; then
  python3 -m json.tool "$work/repo/auditsim.sarif" > /dev/null || fail "SARIF is not valid JSON"
fi

echo "== a glob takes every policy; an error fails the step with annotations, SARIF locations and counts"
run_step INPUT_POLICIES="policies/**/*.yaml" INPUT_FAIL_ON=error INPUT_SARIF=true
[ "$status" -eq 1 ] || fail "bad policy: expected exit 1, got $status: $(cat "$work/log.txt")"
grep -q "^::error file=policies/team/bad.yaml,line=7," "$work/log.txt" || fail "error annotation: $(cat "$work/log.txt")"
grep -q "^| 2 | 1 | " "$work/summary.md" || fail "summary counts: $(cat "$work/summary.md")"
grep -q '"uri" *: *"policies/team/bad.yaml"' "$work/repo/auditsim.sarif" || fail "SARIF location of the bad policy"
grep -q '"ruleId" *: *"AP201"' "$work/repo/auditsim.sarif" || fail "SARIF result AP201"

echo "== fail-on none passes; sarif false writes none"
run_step INPUT_POLICIES="policies/team/bad.yaml" INPUT_FAIL_ON=none INPUT_SARIF=false INPUT_PLATFORM=eks
[ "$status" -eq 0 ] || fail "fail-on none: exit $status: $(cat "$work/log.txt")"
[ ! -e "$work/repo/auditsim.sarif" ] || fail "SARIF written with sarif: false"

echo "== a baseline accepts today's findings; platform is passed on"
(cd "$work/repo" && "$AUDITSIM" lint --platform eks --write-baseline baseline.json policies/team/bad.yaml > /dev/null) || true
[ -s "$work/repo/baseline.json" ] || fail "no baseline written"
run_step INPUT_POLICIES="policies/team/bad.yaml" INPUT_FAIL_ON=error INPUT_SARIF=false INPUT_PLATFORM=eks INPUT_BASELINE=baseline.json
[ "$status" -eq 0 ] || fail "baselined findings still fail: exit $status: $(cat "$work/log.txt")"
run_step INPUT_POLICIES="policies/team/bad.yaml" INPUT_PLATFORM=mars
[ "$status" -eq 2 ] || fail "an unknown platform: exit $status"

echo "== bad inputs exit 2"
run_step INPUT_POLICIES="policies/none-*.yaml"
[ "$status" -eq 2 ] || fail "a glob matching nothing: exit $status"
run_step INPUT_POLICIES="policies/good.yaml" INPUT_SARIF=maybe
[ "$status" -eq 2 ] || fail "sarif: maybe: exit $status"

echo "test-action: ok"
