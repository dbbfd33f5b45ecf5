#!/usr/bin/env bash
# The fleet-scale proof (README, "Fleet scale"): a generated corpus split into 16 shards, by file
# and across requests, merged by `auditsim merge` and by the Spark job in local[2], must give
# the volume, policies and scale of one `auditsim estimate` pass, exactly.
#
#   Scripts/fleet-proof.sh [BYTES]     # corpus size, default $FLEET_PROOF_BYTES or 64M
#
# The Spark part is skipped, with a message, when Java or pyspark is missing and pip cannot
# install pyspark; the shell merge always runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
size="${1:-${FLEET_PROOF_BYTES:-64M}}"
bin="$(swift build --show-bin-path)/auditsim"
[ -x "$bin" ] || swift build --product auditsim
work="$(mktemp -d /tmp/auditsim-fleet-proof.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# Two policies: EKS's (no RequestReceived) and one that writes every stage, so split requests
# matter under both.
printf 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: RequestResponse\n' > every-stage.yaml
policies=(--policy eks --policy every-stage.yaml)

"$bin" corpus synth --bytes "$size" --out corpus.jsonl
start=$SECONDS
"$bin" estimate --format json --no-suggestions "${policies[@]}" corpus.jsonl > single.json
echo "single pass: $((SECONDS - start)) s"

# By file: 8 contiguous pieces of the first half (requests cut at each boundary). Across
# requests: the second half's lines dealt round-robin to 8 more shards, so nearly every request
# of that half has its stages in different shards.
lines=$(wc -l < corpus.jsonl)
half=$((lines / 2))
mkdir shards
head -n "$half" corpus.jsonl > first-half.jsonl
split -n l/8 -d -a 2 first-half.jsonl shards/part-
tail -n +"$((half + 1))" corpus.jsonl | awk '{ print > sprintf("shards/part-%02d", 8 + (NR - 1) % 8) }'
[ "$(cat shards/part-* | wc -l)" -eq "$lines" ] || { echo "the shards do not hold the corpus" >&2; exit 1; }

compare() {
  python3 - "$1" "$2" <<'PY'
import json, sys
single, merged = (json.load(open(path)) for path in sys.argv[1:3])
for section in ("volume", "policies", "scale"):
    a, b = single[section], merged[section]
    if section == "volume":
        a, b = dict(a, inputs=None), dict(b, inputs=None)
    if a != b:
        sys.exit("%s: the %s section differs from the single pass" % (sys.argv[2], section))
print("%s: volume (but inputs), policies and scale equal the single pass" % sys.argv[2])
PY
}

# The merge law without Spark: one summary per shard, merged in a shuffled order.
start=$SECONDS
mkdir summaries
for shard in shards/part-*; do
  [ -s "$shard" ] || continue  # a piece can be empty when a long line fills its neighbour
  "$bin" estimate --shard --format json --no-suggestions "${policies[@]}" "$shard" > "summaries/${shard#shards/}.json"
done
"$bin" merge --format json "${policies[@]}" $(ls summaries/*.json | sort -R) > shell-merge.json
echo "shell merge: $((SECONDS - start)) s"
echo "summaries (the shuffle): by file $(cat summaries/part-0[0-7].json | wc -c) bytes, across requests $(cat summaries/part-{08..15}.json | wc -c) bytes, corpus $(wc -c < corpus.jsonl) bytes"
compare single.json shell-merge.json

# The Spark job in local[2].
if ! command -v java >/dev/null 2>&1; then
  echo "fleet proof: Spark part skipped: no java (install a JDK 17)"
  exit 0
fi
if ! python3 -c 'import pyspark' 2>/dev/null; then
  if ! python3 -m pip install -q pyspark; then
    echo "fleet proof: Spark part skipped: pyspark missing and pip could not install it"
    exit 0
  fi
fi
start=$SECONDS
python3 "$root/examples/spark/fleet_estimate.py" --auditsim "$bin" --master 'local[2]' "${policies[@]}" \
  --out spark.json "file://$work/shards/part-*" 2> spark.log > spark.txt || { tail -50 spark.log >&2; exit 1; }
echo "spark local[2]: $((SECONDS - start)) s"
compare single.json spark.json
grep -m1 '^Read ' spark.txt
