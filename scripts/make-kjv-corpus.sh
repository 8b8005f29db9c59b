#!/usr/bin/env bash
# Makes the scripture corpus of the junk measure (README, "Common-word junk"): the King James
# Bible from Debian's bible-kjv package, one text file per book (66 files).
# Usage: make-kjv-corpus.sh [OUT]   (default /tmp/gw-kjv; installs bible-kjv when missing, needs root)
set -euo pipefail
out=${1:-/tmp/gw-kjv}
command -v bible >/dev/null || apt-get install -y --no-install-recommends bible-kjv bible-kjv-text >/dev/null
mkdir -p "$out"
bible -l 0 "gen1:1-rev22:21" | awk -v out="$out" '
    /^([1-3] )?[A-Z][A-Za-z ]+ 1$/ { name = $0; gsub(/ /, "_", name); f = sprintf("%s/%02d-%s.txt", out, ++n, name) }
    f { print > f }'
echo "$(ls "$out" | wc -l) books in $out"
