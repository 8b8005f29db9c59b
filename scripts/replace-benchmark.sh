#!/usr/bin/env bash
# The cost of changing a tenth of a project (issue 14): cuts the text files of CORPUS into 5,000
# files of about 5 KB, ingests them into a fresh project with --jobs 2, changes every tenth file by
# one appended sentence and ingests again; prints both wall times, their ratio and peak memory.
#   scripts/replace-benchmark.sh CORPUS [ROUNDS]     e.g. scripts/replace-benchmark.sh /tmp/gw-text 3
set -euo pipefail
GW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:?usage: scripts/replace-benchmark.sh CORPUS [ROUNDS]}"
rounds="${2:-3}"
cli="${GW_CLI:-$GW_ROOT/build/bin/graphwright-cli}" # GW_CLI: another build to compare
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$corpus" "$work/original" <<'PY'
import os, sys
corpus, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
data = b''.join(open(os.path.join(corpus, name), 'rb').read()
                for name in sorted(os.listdir(corpus)) if name.endswith('.txt'))
position = 0
for k in range(5000):
    end = data.find(b'\n', position + 5000)
    end = len(data) if end < 0 else end
    open(os.path.join(out, 'doc%04d.txt' % k), 'wb').write(data[position:end + 1])
    position = end + 1
PY
for round in $(seq 1 "$rounds"); do
    rm -rf "$work/docs" "$work"/project.gwp*
    cp -a "$work/original" "$work/docs"
    /usr/bin/time -o "$work/full.time" -f "%e %M" "$cli" ingest -p "$work/project.gwp" --jobs 2 "$work/docs" >/dev/null 2>&1
    for i in $(seq 0 10 4999); do
        echo "This file was revised in round $round." >>"$work/docs/$(printf doc%04d.txt "$i")"
    done
    /usr/bin/time -o "$work/replaced.time" -f "%e %M" "$cli" ingest -p "$work/project.gwp" --jobs 2 "$work/docs" \
        >/dev/null 2>&1
    read -r fullSeconds fullKb <"$work/full.time"
    read -r replacedSeconds replacedKb <"$work/replaced.time"
    printf 'round %d: full %.2f s (%d MB peak), 500 replaced %.2f s (%d MB peak): %.0f%%\n' "$round" \
        "$fullSeconds" $((fullKb / 1024)) "$replacedSeconds" $((replacedKb / 1024)) \
        "$(awk "BEGIN { print 100 * $replacedSeconds / $fullSeconds }")"
done
