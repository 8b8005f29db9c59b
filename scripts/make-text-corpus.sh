#!/usr/bin/env bash
# Makes the plain-text benchmark corpus: 100 distinct 500,000-byte slices of the fortunes texts
# that ../shared/corpus/make-dev-corpus.sh collects. Usage: make-text-corpus.sh [DEV_CORPUS] [OUT]
set -eu  # no pipefail: `head -c` closing the pipe early is expected below
dev=${1:-/tmp/gw-dev-corpus}
out=${2:-/tmp/gw-text}
[ -d "$dev/text" ] || { echo "no $dev/text: run ../shared/corpus/make-dev-corpus.sh $dev first" >&2; exit 1; }
rm -rf "$out"; mkdir -p "$out"
cat "$dev"/text/*.txt > "$out.all"
size=$(stat -c %s "$out.all")
for i in $(seq 0 99); do
    start=$(( (i * 104729) % size ))
    # Rotate the text by `start` bytes and keep the first 500,000.
    { tail -c +$((start + 1)) "$out.all"; head -c "$start" "$out.all"; } | head -c 500000 > "$(printf '%s/part%03d.txt' "$out" "$i")"
done
rm -f "$out.all"
echo "$out: $(ls "$out" | wc -l) files, $(du -sh "$out" | cut -f1)"
