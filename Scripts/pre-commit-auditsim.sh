#!/usr/bin/env bash
# The entry of the pre-commit hooks in .pre-commit-hooks.yaml:
#   pre-commit-auditsim.sh check|lint [options] FILE...
# Passes the options and, of the files, only those that hold an audit policy (a top-level
# `kind: Policy` and `apiVersion: audit.k8s.io/...`) to `auditsim check` or `auditsim lint`.
# Exits 0 when no file holds a policy. The binary is $AUDITSIM, else auditsim on PATH.
set -euo pipefail
auditsim=${AUDITSIM:-auditsim}
command=${1:?usage: pre-commit-auditsim.sh check|lint [options] FILE...}
shift
if ! command -v "$auditsim" > /dev/null 2>&1; then
  echo "auditsim is not on PATH: install it from a release archive (see the README's pre-commit section)" >&2
  exit 2
fi

options=()
policies=()
for argument in "$@"; do
  if [ -f "$argument" ]; then
    if grep -q -E "^kind:[[:space:]]*[\"']?Policy[\"']?[[:space:]]*(#.*)?$" -- "$argument" \
       && grep -q -E "^apiVersion:[[:space:]]*[\"']?audit\.k8s\.io/" -- "$argument"; then
      policies+=("$argument")
    fi
  else
    options+=("$argument")
  fi
done
[ ${#policies[@]} -gt 0 ] || exit 0
exec "$auditsim" "$command" "${options[@]}" -- "${policies[@]}"
