#!/bin/sh
# Merging two projects against ingesting them: the first 2 x N files of CORPUS (sorted) are
# ingested as two projects, A and B (each timed), then merged into a new project (timed), and
# the merged project is checked against one ingest of all 2 x N files (the same counts).
#   scripts/merge-benchmark.sh CORPUS [N] [ROUNDS]
# GW_CLI runs another build (default build/bin/graphwright-cli); GW_JOBS sets --jobs.
set -eu
corpus=${1:?usage: scripts/merge-benchmark.sh CORPUS [N] [ROUNDS]}
n=${2:-25}
rounds=${3:-3}
cli=${GW_CLI:-$(dirname "$0")/../build/bin/graphwright-cli}
jobs=${GW_JOBS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

find "$corpus" -type f | sort | head -n $((2 * n)) > "$work/files"
head -n "$n" "$work/files" > "$work/a"
tail -n +$((n + 1)) "$work/files" > "$work/b"

seconds() { # command...: runs it, prints its wall time in seconds
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    awk "BEGIN { print $end - $start }"
}
size() { du -m "$1" | cut -f1; }

echo "round  ingest A  ingest B  merge A+B  merge/ingest  A MB  B MB  merged MB"
for round in $(seq "$rounds"); do
    rm -f "$work"/*.gwp*
    ta=$(seconds xargs -d '\n' -a "$work/a" "$cli" ingest --jobs "$jobs" --project "$work/A.gwp")
    tb=$(seconds xargs -d '\n' -a "$work/b" "$cli" ingest --jobs "$jobs" --project "$work/B.gwp")
    tm=$(seconds "$cli" merge "$work/M.gwp" "$work/A.gwp" "$work/B.gwp")
    ratio=$(awk "BEGIN { print $tm / ($ta + $tb) }")
    printf "%5d  %7.2fs  %7.2fs  %8.2fs  %11.3f  %4d  %4d  %9d\n" "$round" "$ta" "$tb" "$tm" "$ratio" \
        "$(size "$work/A.gwp")" "$(size "$work/B.gwp")" "$(size "$work/M.gwp")"
done

xargs -d '\n' -a "$work/files" "$cli" ingest --jobs "$jobs" --project "$work/W.gwp" > /dev/null
whole=$("$cli" status --project "$work/W.gwp" | grep -v '^Project')
merged=$("$cli" status --project "$work/M.gwp" | grep -v '^Project')
if [ "$whole" = "$merged" ]; then
    echo "merged project: the same counts as one ingest of all $((2 * n)) files"
else
    echo "merged project DIFFERS from one ingest:"
    echo "$whole"
    echo "$merged"
    exit 1
fi
