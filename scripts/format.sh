#!/usr/bin/env bash
# Formats every C++ source of the project with the root .clang-format (clang-format 14):
#   scripts/format.sh           rewrite the files
#   scripts/format.sh --check   list files that are not formatted, exit 1 if any
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h')
if [ "${1:-}" = --check ]; then
    bad=0
    for f in "${files[@]}"; do
        if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
            echo "$f"
            bad=1
        fi
    done
    exit $bad
fi
clang-format -i "${files[@]}"
