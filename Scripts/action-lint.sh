#!/usr/bin/env bash
# The lint step of the auditsim GitHub Action (action.yml), kept in a script so that
# Scripts/test-action.sh can run it outside GitHub.
#
# Reads the action's inputs from the environment:
#   INPUT_POLICIES   policy files or globs, separated by spaces or newlines (required)
#   INPUT_FAIL_ON    error | warning | info | none (default: error)
#   INPUT_PLATFORM   passed as --platform (generic, eks, gke, aks or openshift)
#   INPUT_BASELINE   passed as --baseline: fail only on findings the baseline file does not hold
#   INPUT_SARIF      true | false: write SARIF for code scanning (default: true)
#   INPUT_SARIF_FILE where to write it (default: auditsim.sarif)
#   AUDITSIM         the binary (default: auditsim on PATH)
# and GitHub's GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files. Prints the findings as workflow
# annotations, appends a Markdown summary (counts by severity, the coverage checklist table of
# each policy), sets the output `sarif-file`, and exits as `auditsim lint` does: 0 no finding at
# or above fail-on, 1 findings, 2 usage or input error.
set -euo pipefail

auditsim=${AUDITSIM:-auditsim}
fail_on=${INPUT_FAIL_ON:-error}
sarif=${INPUT_SARIF:-true}
sarif_file=${INPUT_SARIF_FILE:-auditsim.sarif}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
outputs=${GITHUB_OUTPUT:-/dev/null}

case "$sarif" in true|false) ;; *) echo "::error title=auditsim::input sarif must be true or false, not '$sarif'"; exit 2 ;; esac

# The policy files: each word of the input, with globs expanded (a glob that matches nothing is an error).
policies=()
shopt -s nullglob globstar
for pattern in ${INPUT_POLICIES:-}; do
  matches=($pattern)
  if [ ${#matches[@]} -eq 0 ]; then
    echo "::error title=auditsim::no file matches '$pattern'"
    exit 2
  fi
  policies+=("${matches[@]}")
done
shopt -u nullglob globstar
[ ${#policies[@]} -gt 0 ] || { echo "::error title=auditsim::input policies is empty"; exit 2; }

# The platform the policies run on, and a baseline of accepted findings, when given.
extra=()
[ -z "${INPUT_PLATFORM:-}" ] || extra+=(--platform "$INPUT_PLATFORM")
[ -z "${INPUT_BASELINE:-}" ] || extra+=(--baseline "$INPUT_BASELINE")

# The findings, as annotations in the log and on the pull request.
status=0
annotations=$("$auditsim" lint --format github --fail-on "$fail_on" "${extra[@]}" -- "${policies[@]}") || status=$?
[ -z "$annotations" ] || printf '%s\n' "$annotations"
if [ "$status" -ge 2 ]; then
  exit "$status"
fi

if [ "$sarif" = true ]; then
  "$auditsim" lint --format sarif --fail-on none "${extra[@]}" -- "${policies[@]}" > "$sarif_file"
  echo "sarif-file=$sarif_file" >> "$outputs"
fi

count() { grep -c "^::$1 " <<< "$annotations" || true; }
{
  echo "## auditsim lint"
  echo
  echo "| Policies | Errors | Warnings | Info | Fails on |"
  echo "|---|---|---|---|---|"
  echo "| ${#policies[@]} | $(count error) | $(count warning) | $(count notice) | $fail_on |"
  echo
  for policy in "${policies[@]}"; do
    echo "<details><summary>Coverage checklist: $(basename -- "$policy")</summary>"
    echo
    "$auditsim" coverage --only checklist --format markdown --policy "$policy" || echo "(coverage failed for this policy)"
    echo
    echo "</details>"
    echo
  done
} >> "$summary"

exit "$status"
