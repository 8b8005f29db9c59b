#!/usr/bin/env bash
# Installs what is missing, builds into build/ and runs the whole test suite through ctest.
#   ./test.sh          the suite (RelWithDebInfo build in build/)
#   ./test.sh --tsan   the suite under ThreadSanitizer (Debug build in build-tsan/)
#   ./test.sh --asan   the suite under AddressSanitizer, LeakSanitizer and UBSan (build-asan/)
set -euo pipefail
GW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$GW_ROOT/scripts/common.sh"

mode=normal
for arg in "$@"; do
    case "$arg" in
        --tsan) mode=tsan ;;
        --asan) mode=asan ;;
        -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
        *) echo "test.sh: unknown option $arg" >&2; exit 1 ;;
    esac
done

gw_install_packages
export QT_QPA_PLATFORM=offscreen
if [ "$mode" = tsan ]; then
    gw_build build-tsan -DCMAKE_BUILD_TYPE=Debug -DGW_TSAN=ON
    dir=build-tsan
elif [ "$mode" = asan ]; then
    gw_build build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGW_ASAN=ON
    dir=build-asan
else
    gw_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    dir=build
fi
gw_log "Running the test suite ($dir)"
cd "$GW_ROOT/$dir"
ctest --output-on-failure -j2
